from datetime import date

from tests.routes import (
    DESK,
    DESK_POST_ONLY,
    EVERY_STAFF,
    MANAGER_POST_ONLY,
    MANAGERS,
    expect,
)

DAY = {"day": date(2026, 3, 2)}


def world(users):
    from django.core.files.base import ContentFile

    from arrivals.models import Guest, ImportBatch, ImportProfile, Stay, VipLevel

    guest = Guest.objects.create(first_name="Әсем", last_name="Нұрланқызы", email="a@example.kz")
    stay = Stay.objects.create(
        guest=guest,
        confirmation_number="R-1",
        arrival_date=DAY["day"],
        departure_date=date(2026, 3, 5),
        vip_level=VipLevel.objects.get(code="VIP1"),
    )
    missing = Stay.objects.create(
        guest=guest,
        confirmation_number="R-2",
        arrival_date=DAY["day"],
        departure_date=date(2026, 3, 4),
    )
    profile = ImportProfile.objects.create(
        name="Routes",
        columns={
            "confirmation_number": "c",
            "last_name": "n",
            "arrival_date": "a",
            "departure_date": "d",
        },
    )
    batch = ImportBatch(profile=profile, profile_settings=profile.as_dict(), original_name="x.csv")
    batch.file.save("x.csv", ContentFile(b"c,n,a,d\n"), save=True)
    return {
        "stay": stay,
        "guest": guest,
        "batch": batch,
        "profile": profile,
        "missing": missing,
    }


ROUTES = {
    "arrivals:today": {"expect": EVERY_STAFF},
    "arrivals:day": {"kwargs": DAY, "expect": EVERY_STAFF},
    "arrivals:export": {"kwargs": DAY, "expect": EVERY_STAFF},
    "arrivals:in_house_today": {"expect": EVERY_STAFF},
    "arrivals:in_house": {"kwargs": DAY, "expect": EVERY_STAFF},
    "arrivals:in_house_export": {"kwargs": DAY, "expect": EVERY_STAFF},
    "arrivals:departures_today": {"expect": EVERY_STAFF},
    "arrivals:departures": {"kwargs": DAY, "expect": EVERY_STAFF},
    "arrivals:departures_export": {"kwargs": DAY, "expect": EVERY_STAFF},
    "arrivals:vip_today": {"expect": DESK},
    "arrivals:vip_list": {"kwargs": DAY, "expect": DESK},
    "arrivals:vip_review_all": {"kwargs": DAY, "expect": MANAGER_POST_ONLY},
    "arrivals:vip_review": {
        "kwargs": lambda w: {"pk": w["stay"].pk},
        "expect": MANAGER_POST_ONLY,
    },
    "arrivals:vip_levels": {"expect": MANAGERS},
    "arrivals:vip_level_new": {"expect": MANAGERS},
    "arrivals:vip_level": {"kwargs": lambda w: {"pk": w["stay"].vip_level_id}, "expect": MANAGERS},
    "arrivals:stay": {"kwargs": lambda w: {"pk": w["stay"].pk}, "expect": EVERY_STAFF},
    "arrivals:stay_edit": {"kwargs": lambda w: {"pk": w["stay"].pk}, "expect": DESK},
    "arrivals:stay_status": {"kwargs": lambda w: {"pk": w["stay"].pk}, "expect": DESK_POST_ONLY},
    "arrivals:stay_missing": {
        "kwargs": lambda w: {"pk": w["missing"].pk},
        "expect": DESK_POST_ONLY,
    },
    "arrivals:guests": {"expect": DESK},
    "arrivals:guest": {"kwargs": lambda w: {"pk": w["guest"].pk}, "expect": DESK},
    "arrivals:guest_edit": {"kwargs": lambda w: {"pk": w["guest"].pk}, "expect": DESK},
    "arrivals:guest_data": {"kwargs": lambda w: {"pk": w["guest"].pk}, "expect": MANAGERS},
    "arrivals:guest_data_json": {"kwargs": lambda w: {"pk": w["guest"].pk}, "expect": MANAGERS},
    "arrivals:guest_anonymise": {"kwargs": lambda w: {"pk": w["guest"].pk}, "expect": MANAGERS},
    "arrivals:imports": {"expect": DESK},
    "arrivals:import_batch": {"kwargs": lambda w: {"pk": w["batch"].pk}, "expect": DESK},
    "arrivals:import_commit": {"kwargs": lambda w: {"pk": w["batch"].pk}, "expect": DESK_POST_ONLY},
    "arrivals:import_progress": {"kwargs": lambda w: {"pk": w["batch"].pk}, "expect": DESK},
    "arrivals:import_apply_vip": {
        "kwargs": lambda w: {"pk": w["batch"].pk},
        "expect": MANAGER_POST_ONLY,
    },
    "arrivals:import_file": {"kwargs": lambda w: {"pk": w["batch"].pk}, "expect": DESK},
    "arrivals:profile_json": {"kwargs": lambda w: {"pk": w["profile"].pk}, "expect": DESK},
    "arrivals:flow": {"expect": EVERY_STAFF},
}

__all__ = ["expect"]
