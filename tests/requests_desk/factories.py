"""Small builders for request tests: a guest with a stay, suppliers, requests of any type."""

from datetime import timedelta
from itertools import count

from django.core.files.base import ContentFile
from django.utils import timezone

from arrivals.models import Guest, Stay, VipLevel
from requests_desk import services
from requests_desk.details import form_for
from requests_desk.models import Attachment, ServiceRequest
from vendors.models import Supplier

_seq = count(1)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def when(hours=24):
    return (timezone.localtime() + timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M")


def day(days=0):
    return (timezone.localdate() + timedelta(days=days)).isoformat()


def sample_details(type_):
    """Valid form input for each type (as the create form would post it)."""
    tickets = {
        "origin": "Almaty",
        "destination": "Astana",
        "departure_at": when(30),
        "arrival_at": when(32),
        "carrier": "Air Astana",
        "service_number": "KC 851",
        "travel_class": "business",
        "passengers": "Anna Berg, P1234567",
        "pnr": "X7K2LM",
    }
    transfer = {
        "pickup_at": when(20),
        "pickup_place": "ALA airport, terminal 1",
        "meet_service": "LH 648",
        "destination": "Hotel",
        "passengers": "2",
        "luggage": "3",
        "vehicle_class": "business",
        "driver_name": "Serik Akhmetov",
        "driver_phone": "+7 701 555 1122",
        "vehicle": "Toyota Camry",
        "plate": "123 ABC 02",
    }
    event = {
        "venue": "Abai Opera House",
        "performance": "Kyz Zhibek",
        "starts_at": when(50),
        "seats": "Row 5, seats 11-12",
        "category": "Stalls",
        "tickets": "2",
    }
    values = {
        "air": tickets,
        "rail": {**tickets, "carrier": "KTZ", "service_number": "001Ц"},
        "bus": {**tickets, "carrier": "Sapar", "service_number": "12"},
        "cruise": {**tickets, "carrier": "Caspian Line", "service_number": "V7"},
        "transfer": transfer,
        "car_hire": {
            "pickup_at": when(24),
            "pickup_place": "Hotel entrance",
            "return_at": when(72),
            "return_place": "Hotel entrance",
            "car_class": "premium",
            "licence_checked": "on",
            "insurance": "Full cover",
            "with_driver": "on",
            "driver_name": "Nurlan Bekov",
            "vehicle": "Mercedes E",
            "plate": "777 KZ 02",
        },
        "taxi": {
            "pickup_at": when(3),
            "pickup_place": "Hotel",
            "destination": "Medeu",
            "passengers": "2",
        },
        "theatre": event,
        "cinema": {**event, "venue": "Kinopark 8", "performance": "Premiere"},
        "concert": {**event, "venue": "Palace of the Republic", "performance": "Symphony"},
        "exhibition": {**event, "venue": "Kasteyev Museum", "performance": "Steppe art"},
        "circus": {**event, "venue": "Almaty Circus", "performance": "Evening show"},
        "museum": {**event, "venue": "Central State Museum", "performance": "Guided visit"},
        "restaurant": {"place": "Gakku", "reserved_at": when(8), "party_size": "4"},
        "excursion": {
            "what": "Big Almaty Lake",
            "meeting_point": "Hotel lobby",
            "meeting_at": when(40),
            "guide_language": "en",
            "participants": "2",
        },
        "permit": {
            "kind": "parking",
            "holder": "Anna Berg",
            "vehicle": "BMW X5",
            "plate": "001 AAA 02",
            "area": "Underground car park",
            "valid_from": day(0),
            "valid_until": day(3),
        },
        "other": {"description": "Flowers for the room, white roses", "wanted_at": when(5)},
    }
    return dict(values[type_])


def make_guest(**extra):
    n = next(_seq)
    return Guest.objects.create(
        first_name=extra.pop("first_name", "Anna"),
        last_name=extra.pop("last_name", f"Berg{n}"),
        email=extra.pop("email", f"anna{n}@guest.example"),
        language=extra.pop("language", "en"),
        **extra,
    )


def make_stay(guest=None, vip=False, **extra):
    guest = guest or make_guest()
    today = timezone.localdate()
    vip_level = None
    if vip:
        vip_level, _ = VipLevel.objects.get_or_create(
            code="VIP1", defaults={"name": "VIP", "rank": 1, "colour": "gold"}
        )
    return Stay.objects.create(
        guest=guest,
        confirmation_number=extra.pop("confirmation_number", f"C{next(_seq):06d}"),
        room=extra.pop("room", "501"),
        arrival_date=extra.pop("arrival_date", today),
        departure_date=extra.pop("departure_date", today + timedelta(days=4)),
        vip_level=vip_level,
        **extra,
    )


def make_supplier(category="transfer", name=None, preferred=False):
    supplier = Supplier.objects.create(
        name=name or f"Supplier {next(_seq)}", preferred=preferred, commission_value=10
    )
    supplier.set_categories([category])
    return supplier


def make_request(type_="transfer", stay=None, created_by=None, status=None, **fields):
    """A request created the way the desk creates one (numbered, with history)."""
    form = form_for(type_, data=_prefixed(type_, fields.pop("details", None)))
    assert form.is_valid(), form.errors
    if stay is None and not fields.get("walk_in_name"):
        stay = make_stay()
    request_obj = ServiceRequest(
        type=type_,
        stay=stay,
        details=form.as_json(),
        service_at=form.service_at(),
        **fields,
    )
    request_obj = services.create_request(request_obj, created_by)
    if status:
        request_obj = move_to(request_obj, status, created_by)
    return request_obj


def move_to(request_obj, status, user):
    path = {
        "in_progress": ["in_progress"],
        "booked": ["booked"],
        "done": ["booked", "done"],
        "cancelled": ["cancelled"],
        "failed": ["failed"],
    }[status]
    for step in path:
        request_obj = services.transition(
            request_obj, step, user, reference="REF-1", reason="Sold out"
        )
    return request_obj


def _prefixed(type_, values):
    values = sample_details(type_) if values is None else values
    return {f"{type_}-{k}": v for k, v in values.items()}


def make_attachment(request_obj, content=PDF, name="ticket.pdf", content_type="application/pdf"):
    return Attachment.objects.create(
        request=request_obj,
        file=ContentFile(content, name=name),
        name=name,
        content_type=content_type,
        size=len(content),
    )
