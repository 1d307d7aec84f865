import datetime

from tests.routes import DESK, DESK_POST_ONLY, EVERY_STAFF, MANAGERS, expect

ROUTES = {
    "vendors:directory": {"expect": EVERY_STAFF},
    "vendors:supplier_create": {"expect": DESK},
    "vendors:supplier": {"kwargs": lambda w: {"pk": w["supplier"].pk}, "expect": EVERY_STAFF},
    "vendors:supplier_edit": {"kwargs": lambda w: {"pk": w["supplier"].pk}, "expect": DESK},
    # Redirects to this month's report.
    "vendors:commission_current": {
        "expect": expect(agent=403, manager=302, department=403, admin=302)
    },
    "vendors:commission": {"kwargs": {"month": "2026-01"}, "expect": MANAGERS},
    "vendors:commission_csv": {"kwargs": {"month": "2026-01"}, "expect": MANAGERS},
    "vendors:guide": {"expect": EVERY_STAFF},
    "vendors:place_create": {"expect": DESK},
    "vendors:place": {"kwargs": lambda w: {"pk": w["place"].pk}, "expect": EVERY_STAFF},
    "vendors:place_edit": {"kwargs": lambda w: {"pk": w["place"].pk}, "expect": DESK},
    "vendors:place_verify": {"kwargs": lambda w: {"pk": w["place"].pk}, "expect": DESK_POST_ONLY},
    "vendors:sheet_new": {"expect": DESK},
    "vendors:sheet": {"kwargs": lambda w: {"pk": w["sheet"].pk}, "expect": DESK},
    "vendors:sheet_edit": {"kwargs": lambda w: {"pk": w["sheet"].pk}, "expect": DESK},
    "vendors:sheet_print": {"kwargs": lambda w: {"pk": w["sheet"].pk}, "expect": DESK},
    "vendors:sheet_printed": {"kwargs": lambda w: {"pk": w["sheet"].pk}, "expect": DESK_POST_ONLY},
    "vendors:sheet_email": {"kwargs": lambda w: {"pk": w["sheet"].pk}, "expect": DESK_POST_ONLY},
    "vendors:sheet_delete": {"kwargs": lambda w: {"pk": w["sheet"].pk}, "expect": DESK_POST_ONLY},
}


def world(users):
    from arrivals.models import Guest
    from vendors.models import Contact, OpeningHours, Place, Supplier
    from vendors.services import save_sheet

    supplier = Supplier.objects.create(
        name="Route Taxi", contract_end=datetime.date(2026, 1, 31), preferred=True
    )
    supplier.set_categories(["taxi"])
    Contact.objects.create(supplier=supplier, name="Dispatcher", phone="+77010000000")
    place = Place.objects.create(kind="cafe", name_en="Route Café", name_ru="Кафе")
    OpeningHours.objects.create(
        place=place, weekday=0, opens=datetime.time(9), closes=datetime.time(18)
    )
    guest = Guest.objects.create(first_name="Route", last_name="Guest", language="ru")
    sheet = save_sheet(guest, users["agent"], [place], "ru")
    return {"supplier": supplier, "place": place, "guest": guest, "sheet": sheet}
