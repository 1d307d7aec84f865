"""What a guest can ask for, in their words, and the request type each one becomes."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from requests_desk.types import RequestType


class Kind(models.TextChoices):
    TAXI = "taxi", _("Taxi")
    AIRPORT = "airport", _("Airport transfer")
    TRAIN = "train", _("Train tickets")
    AIR = "air", _("Air tickets")
    SHOW = "show", _("Theatre or concert")
    RESTAURANT = "restaurant", _("Restaurant table")
    EXCURSION = "excursion", _("Excursion")
    CAR_HIRE = "car_hire", _("Car hire")
    OTHER = "other", _("Something else")


REQUEST_TYPE: dict[str, str] = {
    Kind.TAXI: RequestType.TAXI,
    Kind.AIRPORT: RequestType.TRANSFER,
    Kind.TRAIN: RequestType.RAIL,
    Kind.AIR: RequestType.AIR,
    Kind.SHOW: RequestType.THEATRE,
    Kind.RESTAURANT: RequestType.RESTAURANT,
    Kind.EXCURSION: RequestType.EXCURSION,
    Kind.CAR_HIRE: RequestType.CAR_HIRE,
    Kind.OTHER: RequestType.OTHER,
}
