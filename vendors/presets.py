"""Ready selections for recommendation sheets: what guests ask the desk for most."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from vendors.choices import PlaceKind as K
from vendors.choices import PlaceTag as T


@dataclass(frozen=True)
class Preset:
    label: str
    kinds: tuple = ()
    tags: tuple = ()
    max_walk: int | None = None
    max_price: int | None = None

    def apply(self, places):
        if self.kinds:
            places = places.filter(kind__in=self.kinds)
        if self.tags:
            places = places.with_tags(self.tags)
        if self.max_walk is not None:
            places = places.filter(walking_minutes__lte=self.max_walk)
        if self.max_price is not None:
            places = places.filter(price_level__lte=self.max_price)
        return places


PRESETS = {
    "lunch_nearby": Preset(
        _("Lunch nearby"), kinds=(K.LUNCH, K.CAFE, K.RESTAURANT), max_walk=15, max_price=2
    ),
    "dinner": Preset(_("Dinner"), kinds=(K.RESTAURANT,)),
    "local_food": Preset(_("Kazakh cuisine"), tags=(T.LOCAL_FOOD,)),
    "culture": Preset(_("Museums and theatres"), kinds=(K.MUSEUM, K.THEATRE, K.SIGHT)),
    "walk": Preset(_("A walk in the city"), kinds=(K.PARK, K.SIGHT)),
    "shopping": Preset(_("Shopping"), kinds=(K.SHOPPING,)),
    "family": Preset(_("With children"), tags=(T.FAMILY,)),
    "evening": Preset(_("An evening out"), kinds=(K.NIGHTLIFE, K.RESTAURANT), tags=(T.OPEN_LATE,)),
}

DEFAULT_PICKS = 5  # places a ready selection ticks for the agent to review
