"""Request types, their supplier categories and the departments they are routed to.

Kept apart from the models so forms, routing and demo data read one table.
"""

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
SUPPLIER_CATEGORY = {
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

# Default time the desk has to fulfil a request, in minutes, before managers edit them.
DEFAULT_LEAD_MINUTES = {
    **dict.fromkeys(TICKETS, 24 * 60),
    T.TRANSFER: 4 * 60,
    T.CAR_HIRE: 8 * 60,
    T.TAXI: 30,
    **dict.fromkeys(EVENTS, 8 * 60),
    T.RESTAURANT: 2 * 60,
    T.EXCURSION: 12 * 60,
    T.PERMIT: 4 * 60,
    T.OTHER: 8 * 60,
}

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
