"""Ready selections for recommendation sheets: what guests ask the desk for most."""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from vendors.choices import PlaceKind as K
from vendors.choices import PlaceTag as T

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class Preset:
    label: "StrOrPromise"
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

    def matches(self, place) -> bool:
        """Whether `place` belongs to this selection (tags read from prefetched rows)."""
        if self.kinds and place.kind not in self.kinds:
            return False
        if self.tags and not set(self.tags) <= set(place.tag_codes):
            return False
        if self.max_walk is not None and (
            place.walking_minutes is None or place.walking_minutes > self.max_walk
        ):
            return False
        return self.max_price is None or (
            place.price_level is not None and place.price_level <= self.max_price
        )


def codes_of(value: str | list[str]) -> list[str]:
    """Known preset codes from a stored "a,b" value or a list of them, in order, once each."""
    items = [value] if isinstance(value, str) else value
    parts = (part.strip() for item in items for part in item.split(","))
    return [code for code in dict.fromkeys(parts) if code in PRESETS]


def places_of(places, codes: list[str]):
    """Places in any of the presets `codes` (all of them when none is chosen)."""
    if not codes:
        return places
    condition = Q()
    for code in codes:
        condition |= Q(pk__in=PRESETS[code].apply(places.model.objects.all()).values("pk"))
    return places.filter(condition)


def covering(codes: list[str], places) -> list[str]:
    """The presets among `codes` a sheet of `places` is really about.

    Presets no chosen place belongs to are dropped; when a place belongs to none of the
    rest (an agent added a museum to a lunch sheet), no preset names the sheet.
    """
    kept = [code for code in codes if any(PRESETS[code].matches(p) for p in places)]
    if not all(any(PRESETS[code].matches(p) for code in kept) for p in places):
        return []
    return kept


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
