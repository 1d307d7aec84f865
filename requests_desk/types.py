"""Request types, their supplier categories and the departments they are routed to.

Kept apart from the models so forms, routing and demo data read one table.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _


class RequestType(models.TextChoices):
    AIR = "air", _("Air ticket")
    RAIL = "rail", _("Rail ticket")
    BUS = "bus", _("Bus ticket")
    CRUISE = "cruise", _("Cruise ticket")
    TRANSFER = "transfer", _("Transfer")
    CAR_HIRE = "car_hire", _("Car hire")
    TAXI = "taxi", _("Taxi")
    THEATRE = "theatre", _("Theatre")
    CINEMA = "cinema", _("Cinema")
    CONCERT = "concert", _("Concert")
    EXHIBITION = "exhibition", _("Exhibition")
    CIRCUS = "circus", _("Circus")
    MUSEUM = "museum", _("Museum")
    RESTAURANT = "restaurant", _("Restaurant")
    EXCURSION = "excursion", _("Excursion or tour")
    PERMIT = "permit", _("Permit")
    OTHER = "other", _("Other")


T = RequestType
TICKETS = (T.AIR, T.RAIL, T.BUS, T.CRUISE)
EVENTS = (T.THEATRE, T.CINEMA, T.CONCERT, T.EXHIBITION, T.CIRCUS, T.MUSEUM)

# Request type -> vendors.models.Category code of the suppliers who deliver it.
SUPPLIER_CATEGORY: dict[str, str] = {
    T.AIR: "air",
    T.RAIL: "rail",
    T.BUS: "bus",
    T.CRUISE: "cruise",
    T.TRANSFER: "transfer",
    T.CAR_HIRE: "car_hire",
    T.TAXI: "taxi",
    **dict.fromkeys(EVENTS, "events"),
    T.RESTAURANT: "restaurant",
    T.EXCURSION: "excursion",
    T.PERMIT: "permit",
    T.OTHER: "other",
}

# Department code -> request types its members may read. Front office and management
# follow everything; a department not listed sees no requests.
ALL_TYPES = frozenset(T.values)
ROUTING = {
    "front-office": ALL_TYPES,
    "management": ALL_TYPES,
    "transport": frozenset({T.TRANSFER, T.TAXI, T.CAR_HIRE}),
    "security": frozenset({T.PERMIT, T.TRANSFER, T.CAR_HIRE}),
    "food-beverage": frozenset({T.RESTAURANT}),
    "spa": frozenset({T.EXCURSION}),
    "housekeeping": frozenset(),
}

# Types that may need a driver's waybill (car hire only when a driver is booked).
WAYBILL_TYPES = (T.TRANSFER, T.CAR_HIRE)


@dataclass(frozen=True)
class Lead:
    """When a request of one type is due, counted back from the service time.

    `before`: the usual deadline before the service (tickets bought and handed over the day
    before departure). When that moment has passed, the request is due as soon as the desk
    can work it (`work`), but never later than `latest` before the service; `latest=None`
    means no such limit (a permit can be issued on its first day). Without a service time
    the request is due `work` after it is made.
    """

    before: timedelta
    latest: timedelta | None
    work: timedelta


H, M = timedelta(hours=1), timedelta(minutes=1)
LEADS: dict[str, Lead] = {
    **dict.fromkeys(TICKETS, Lead(before=24 * H, latest=3 * H, work=2 * H)),
    T.TRANSFER: Lead(before=2 * H, latest=1 * H, work=1 * H),
    T.CAR_HIRE: Lead(before=4 * H, latest=2 * H, work=2 * H),
    T.TAXI: Lead(before=30 * M, latest=10 * M, work=10 * M),
    **dict.fromkeys(EVENTS, Lead(before=24 * H, latest=3 * H, work=2 * H)),
    T.RESTAURANT: Lead(before=3 * H, latest=1 * H, work=30 * M),
    T.EXCURSION: Lead(before=24 * H, latest=4 * H, work=2 * H),
    T.PERMIT: Lead(before=24 * H, latest=None, work=1 * H),
    T.OTHER: Lead(before=2 * H, latest=30 * M, work=1 * H),
}

# Default time the desk needs to work a request, in minutes (managers may change it).
DEFAULT_LEAD_MINUTES = {t: int(lead.work / M) for t, lead in LEADS.items()}

ICONS = {
    **dict.fromkeys((T.AIR,), "airplane"),
    T.RAIL: "train-front",
    T.BUS: "bus-front",
    T.CRUISE: "water",
    T.TRANSFER: "car-front",
    T.CAR_HIRE: "key",
    T.TAXI: "taxi-front",
    **dict.fromkeys(EVENTS, "ticket-perforated"),
    T.RESTAURANT: "cup-hot",
    T.EXCURSION: "signpost-split",
    T.PERMIT: "card-checklist",
    T.OTHER: "three-dots",
}
