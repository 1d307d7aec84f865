"""Choices of the local guide: kinds of places, their tags and price levels.

Their own module so that the ready selections (presets.py) and the models both import them
and nothing imports back.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PlaceKind(models.TextChoices):
    RESTAURANT = "restaurant", _("Restaurant")
    CAFE = "cafe", _("Café")
    LUNCH = "lunch", _("Lunch spot")
    SHOPPING = "shopping", _("Shopping")
    SIGHT = "sight", _("Sight")
    MUSEUM = "museum", _("Museum")
    THEATRE = "theatre", _("Theatre")
    PARK = "park", _("Park")
    NIGHTLIFE = "nightlife", _("Nightlife")
    OTHER = "other", _("Other")


class PlaceTag(models.TextChoices):
    VEGETARIAN = "vegetarian", _("Vegetarian")
    HALAL = "halal", _("Halal")
    FAMILY = "family", _("Family friendly")
    WHEELCHAIR = "wheelchair", _("Wheelchair access")
    OPEN_LATE = "open_late", _("Open late")
    OUTDOOR = "outdoor", _("Outdoor seating")
    VIEW = "view", _("Great view")
    LOCAL_FOOD = "local_food", _("Kazakh cuisine")
    ENGLISH_MENU = "english_menu", _("English menu")
    CARDS = "cards", _("Cards accepted")
    WIFI = "wifi", _("Wi-Fi")
    FREE_ENTRY = "free_entry", _("Free entry")


class PriceLevel(models.IntegerChoices):
    FREE = 0, _("Free")
    INEXPENSIVE = 1, _("$ inexpensive")
    MODERATE = 2, _("$$ moderate")
    EXPENSIVE = 3, _("$$$ expensive")
    LUXURY = 4, _("$$$$ luxury")
