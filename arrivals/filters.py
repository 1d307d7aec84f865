"""The daily lists' filters and sorting (GET), as a FilterSet over Stay."""

from typing import TYPE_CHECKING, Any

import django_filters
from django.db.models import F, QuerySet
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries import countries

from arrivals.languages import language_choices
from arrivals.models import Stay, StayQuerySet, VipLevel
from guestdesk.countries import country_name
from guestdesk.filters import ListFilterSet

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

ALL = "all"

SORTS: dict[str, list[Any]] = {
    "eta": [F("eta").asc(nulls_last=True), "guest__last_name", "guest__first_name"],
    "name": ["guest__last_name", "guest__first_name"],
    "room": ["room", "guest__last_name"],
    "vip": [F("vip_level__rank").asc(nulls_last=True), F("eta").asc(nulls_last=True)],
    "departure": ["departure_date", "room"],
}


def present_countries(codes: list[str], chosen: str = "") -> list[tuple[str, str]]:
    """The countries `codes` by name, and a chosen one (a bookmarked filter stays valid)."""
    wanted = set(codes)
    if chosen and chosen in countries:  # a code lookup: no country name is translated
        wanted.add(chosen)
    return sorted(((code, country_name(code)) for code in wanted), key=lambda c: c[1])


def _nationalities() -> list[tuple[str, str]]:
    return [("", _("All nationalities")), *countries]


def _languages() -> "list[tuple[str, StrOrPromise]]":
    return [("", _("All languages")), *language_choices()]


def _choice(label, choices=(), method: str | None = None, **extra: Any) -> django_filters.Filter:
    """A plain select whose first choice is "all": no "---------" line is added."""
    return django_filters.ChoiceFilter(
        label=label, choices=choices, empty_label=None, method=method, **extra
    )


class StayFilter(ListFilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    vip = _choice(_("VIP"), method="filter_vip")
    returning = _choice(
        _("Returning"),
        [("", _("All guests")), ("yes", _("Returning")), ("no", _("First stay"))],
        field_name="is_returning",
        method="filter_returning",
    )
    status = _choice(_("Status"))  # applied in finish(): empty means "all but cancelled"
    nationality = _choice(_("Nationality"), _nationalities, field_name="guest__nationality")
    language = _choice(_("Language"), _languages, field_name="guest__language")
    eta_from = django_filters.TimeFilter(label=_("ETA from"), field_name="eta", lookup_expr="gte")
    eta_to = django_filters.TimeFilter(label=_("ETA to"), field_name="eta", lookup_expr="lte")
    sort = _choice(
        _("Sort by"),
        [
            ("eta", _("ETA")),
            ("name", pgettext_lazy("person", "Name")),
            ("room", _("Room")),
            ("vip", _("VIP rank")),
            ("departure", _("Departure")),
        ],
    )  # applied in finish()

    finish_fields = ("status", "sort")

    def __init__(
        self,
        data: QueryDict | None,
        queryset: QuerySet,
        levels: list[VipLevel],
        default_sort: str = "eta",
        nationalities: list[str] | None = None,
        languages: list[str] | None = None,
    ):
        super().__init__(data, queryset)
        self.default_sort = default_sort
        if nationalities is not None or languages is not None:
            self.offer(nationalities or [], languages or [])
        self.filters["vip"].extra["choices"] = [
            ("", _("All guests")),
            ("vip", _("VIPs only")),
            ("none", _("Not VIP")),
            *((level.code, level.code) for level in levels),
        ]
        self.filters["status"].extra["choices"] = [
            ("", _("All but cancelled")),
            *Stay.Status.choices,
            (ALL, _("All, with cancelled")),
        ]

    @property
    def active(self) -> bool:
        """Something narrows the list (a sort order alone does not; nonsense asked is
        ignored, as the list ignores it)."""
        return any(value not in (None, "") for key, value in self.values.items() if key != "sort")

    def offer(self, nationalities: list[str], languages: list[str]) -> None:
        """Offer only these nationalities and languages (and one already chosen, so that a
        bookmarked filter stays valid) instead of all 250 countries and 180 languages."""
        data = self.data or {}
        self.filters["nationality"].extra["choices"] = [
            ("", _("All nationalities")),
            *present_countries(nationalities, data.get("nationality", "")),
        ]
        wanted = {*languages, data.get("language", "")}
        self.filters["language"].extra["choices"] = [
            ("", _("All languages")),
            *((code, name) for code, name in language_choices() if code in wanted),
        ]

    def search(self, stays: StayQuerySet, name: str, value: str) -> StayQuerySet:
        return stays.search(value)

    def filter_vip(self, stays: StayQuerySet, name: str, value: str) -> StayQuerySet:
        if value == "vip":
            return stays.vip()
        if value == "none":
            return stays.filter(vip_level__isnull=True)
        return stays.filter(vip_level__code=value)

    def filter_returning(self, stays: QuerySet, name: str, value: str) -> QuerySet:
        return stays.filter(is_returning=value == "yes")

    def finish(self, stays: QuerySet, values: dict[str, Any]) -> QuerySet:
        status = values.get("status")
        if status == ALL:
            pass
        elif status:
            stays = stays.filter(status=status)
        else:
            stays = stays.exclude(status=Stay.Status.CANCELLED)
        return stays.order_by(*SORTS[values.get("sort") or self.default_sort], "pk")
