"""Demo requests: an open and a finished one of every type, for the demo guests (idempotent).

Runs after the arrivals and vendors demos, so it uses their stays and suppliers; a request
is keyed by its guest (or walk-in name) and type, so running it again adds nothing.
"""

from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import F
from django.utils import timezone

from arrivals.models import Stay
from requests_desk import services
from requests_desk.details import form_for
from requests_desk.models import ServiceRequest
from requests_desk.types import SUPPLIER_CATEGORY, RequestType
from vendors.models import Supplier

T = RequestType


def _at(hours):
    moment = timezone.localtime() + timedelta(hours=hours)
    return moment.replace(minute=(moment.minute // 5) * 5).strftime("%Y-%m-%dT%H:%M")


def _day(days):
    return (timezone.localdate() + timedelta(days=days)).isoformat()


def details(type_, hours):
    ticket = {
        "origin": "Almaty (ALA)",
        "destination": "Astana (NQZ)",
        "departure_at": _at(hours),
        "arrival_at": _at(hours + 2),
        "carrier": "Air Astana",
        "service_number": "KC 851",
        "travel_class": "business",
        "passengers": "Anna Berg, C01234567",
        "pnr": "X7K2LM",
        "fare": "86500",
    }
    event = {
        "venue": "Abai Kazakh National Opera and Ballet Theatre",
        "performance": "Kyz Zhibek",
        "starts_at": _at(hours),
        "seats": "Stalls, row 5, seats 11-12",
        "category": "A",
        "tickets": "2",
    }
    return {
        T.AIR: ticket,
        T.RAIL: {
            **ticket,
            "origin": "Almaty-2",
            "destination": "Shymkent",
            "carrier": "KTZ Talgo",
            "service_number": "001Ц",
            "travel_class": "first",
            "pnr": "",
            "fare": "24300",
        },
        T.BUS: {
            **ticket,
            "origin": "Sayran bus station",
            "destination": "Bishkek",
            "carrier": "Sapar Tour",
            "service_number": "312",
            "travel_class": "",
            "pnr": "",
            "fare": "7000",
        },
        T.CRUISE: {
            **ticket,
            "origin": "Aktau port",
            "destination": "Baku port",
            "carrier": "Caspian Shipping",
            "service_number": "Professor Gul",
            "travel_class": "comfort",
            "fare": "120000",
        },
        T.TRANSFER: {
            "pickup_at": _at(hours),
            "pickup_place": "Almaty International Airport, terminal 1",
            "meet_service": "LH 648",
            "destination": "Hotel",
            "passengers": "2",
            "luggage": "3",
            "vehicle_class": "business",
            "driver_name": "Serik Akhmetov",
            "driver_phone": "+7 701 555 11 22",
            "vehicle": "Toyota Camry 70, black",
            "plate": "123 ABC 02",
            "return_at": _at(hours + 2),
        },
        T.CAR_HIRE: {
            "pickup_at": _at(hours),
            "pickup_place": "Hotel entrance",
            "return_at": _at(hours + 48),
            "return_place": "Hotel entrance",
            "car_class": "premium",
            "licence_checked": "on",
            "insurance": "Full cover, no excess",
            "with_driver": "on",
            "driver_name": "Nurlan Bekov",
            "driver_phone": "+7 705 222 33 44",
            "vehicle": "Mercedes-Benz E 200",
            "plate": "777 KZA 02",
        },
        T.TAXI: {
            "pickup_at": _at(hours),
            "pickup_place": "Hotel",
            "destination": "Medeu skating rink",
            "passengers": "3",
        },
        T.THEATRE: event,
        T.CINEMA: {**event, "venue": "Kinopark 11 Esentai", "performance": "Premiere, IMAX"},
        T.CONCERT: {
            **event,
            "venue": "Kazakhconcert, Zhambyl hall",
            "performance": "Kurmangazy Orchestra",
        },
        T.EXHIBITION: {
            **event,
            "venue": "Kasteyev State Museum of Arts",
            "performance": "Steppe modernism",
        },
        T.CIRCUS: {**event, "venue": "Almaty State Circus", "performance": "Evening show"},
        T.MUSEUM: {
            **event,
            "venue": "Central State Museum",
            "performance": "Gold Man, guided visit",
        },
        T.RESTAURANT: {
            "place": "Gakku",
            "reserved_at": _at(hours),
            "party_size": "4",
            "wishes": "Window table, birthday cake",
        },
        T.EXCURSION: {
            "what": "Big Almaty Lake and the observatory",
            "meeting_point": "Hotel lobby",
            "meeting_at": _at(hours),
            "guide_language": "en",
            "participants": "2",
        },
        T.PERMIT: {
            "kind": "vehicle_entry",
            "holder": "Anna Berg",
            "vehicle": "BMW X5, white",
            "plate": "001 AAA 02",
            "area": "Courtyard, entrance B",
            "valid_from": _day(0),
            "valid_until": _day(3),
        },
        T.OTHER: {
            "description": "White roses in the suite before arrival",
            "wanted_at": _at(hours),
        },
    }[type_]


# (status, hours until the service, minutes until due): open ones spread around "now" so
# the board shows overdue and due-soon rows; finished ones lie in the past.
OPEN = [("new", 30, -20), ("in_progress", 6, 40), ("booked", 20, 180), ("new", 50, 600)]
FINISHED = [("done", -30, -2000), ("cancelled", -10, -800), ("failed", -5, -400)]


def load(stdout=None):
    agents = list(get_user_model().objects.filter(username__in=["agent", "agent2"]).order_by("pk"))
    vip_first = F("vip_level__rank").asc(nulls_last=True)
    # Guests in house or arriving soon, VIPs first, so the board shows current work.
    current = Stay.objects.active().filter(departure_date__gte=timezone.localdate())
    stays = list(current.select_related("guest").order_by(vip_first, "arrival_date", "pk")[:8])
    created = 0
    for i, type_ in enumerate(T.values):
        for kind, plan in (("open", OPEN), ("finished", FINISHED)):
            status, hours, due_minutes = plan[i % len(plan)]
            stay = stays[(i * 2 + (kind == "finished")) % len(stays)] if stays else None
            existing = ServiceRequest.objects.filter(type=type_)
            existing = (
                existing.filter(guest=stay.guest)
                if stay
                else existing.filter(walk_in_name=f"Demo walk-in {kind}")
            )
            if existing.exists():
                continue
            agent = agents[i % len(agents)] if agents else None
            # Transfers: always one booked with its driver and vehicle, for the waybill.
            if type_ == T.TRANSFER and kind == "open":
                status, hours, due_minutes = "booked", 3, 45
            create(type_, stay, agent, status, hours, due_minutes, kind)
            created += 1
    if stdout:
        stdout.write(f"Guest requests: {created} demo requests added.")


def create(type_, stay, agent, status, hours, due_minutes, kind):
    form = form_for(type_, data={f"{type_}-{k}": v for k, v in details(type_, hours).items()})
    if not form.is_valid():
        raise ValueError(f"demo details of {type_} are invalid: {form.errors.as_json()}")
    supplier = Supplier.objects.for_category(SUPPLIER_CATEGORY[type_]).first()
    now = timezone.now()
    request_obj = ServiceRequest(
        type=type_,
        stay=stay,
        walk_in_name="" if stay else f"Demo walk-in {kind}",
        walk_in_contact="" if stay else "+7 700 000 00 00",
        details=form.as_json(),
        service_at=form.service_at(),
        due_at=(now + timedelta(minutes=due_minutes)).replace(second=0, microsecond=0),
        priority="urgent" if due_minutes < 0 and kind == "open" else "normal",
        assigned_to=agent if status != "new" else None,
        supplier=supplier if status not in ("new",) else None,
        cost=Decimal("10000") if supplier and status != "new" else None,
        price=Decimal("12000") if supplier and status != "new" else None,
        cancellation_terms="Free cancellation up to 24 hours before." if status != "new" else "",
    )
    request_obj = services.create_request(request_obj, agent)
    steps = {
        "new": [],
        "in_progress": ["in_progress"],
        "booked": ["in_progress", "booked"],
        "done": ["in_progress", "booked", "done"],
        "cancelled": ["cancelled"],
        "failed": ["in_progress", "failed"],
    }[status]
    for step in steps:
        request_obj = services.transition(
            request_obj,
            step,
            agent,
            reference=f"CONF-{request_obj.number[-4:]}",
            supplier=supplier,
            reason="The guest changed plans." if step == "cancelled" else "Sold out.",
            rating=5 if step == "done" else None,
        )
    if request_obj.has_waybill and status in ("booked", "done"):
        services.issue_waybill(request_obj, agent)
    return request_obj
