"""The supplier directory's and the local guide's filters (GET), as FilterSets."""

from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from guestdesk.filters import CheckboxFilter, ListFilterSet
from vendors.models import (
    GUIDE_LANGUAGES,
    SPOKEN_LANGUAGES,
    Category,
    ContractState,
    PlaceKind,
    PlaceQuerySet,
    PlaceTag,
    PriceLevel,
    SupplierQuerySet,
)


class DirectoryFilter(ListFilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    category = django_filters.ChoiceFilter(
        label=_("Category"),
        choices=[("", _("All categories")), *Category.choices],
        empty_label=None,
        method="in_category",
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=[("", _("Any language")), *SPOKEN_LANGUAGES],
        empty_label=None,
        method="speaking",
    )
    preferred = CheckboxFilter(label=_("Preferred only"), method="preferred_only")
    # Applied in finish(): empty means active suppliers only.
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[("active", _("Active")), ("inactive", _("Inactive")), ("all", _("All"))],
        empty_label=None,
    )
    contract = django_filters.ChoiceFilter(
        label=_("Contract"),
        choices=[
            ("", _("Any contract")),
            (ContractState.EXPIRING, _("Expires within 30 days")),
            (ContractState.EXPIRED, _("Expired")),
        ],
        empty_label=None,
        method="by_contract",
    )

    finish_fields = ("status",)

    def search(self, suppliers: SupplierQuerySet, name: str, value: str) -> SupplierQuerySet:
        return suppliers.search(value)

    def in_category(self, suppliers: SupplierQuerySet, name: str, value: str) -> SupplierQuerySet:
        return suppliers.in_category(value)

    def speaking(self, suppliers: SupplierQuerySet, name: str, value: str) -> SupplierQuerySet:
        return suppliers.speaking(value)

    def preferred_only(
        self, suppliers: SupplierQuerySet, name: str, value: bool
    ) -> SupplierQuerySet:
        return suppliers.filter(preferred=True) if value else suppliers

    def by_contract(self, suppliers: SupplierQuerySet, name: str, value: str) -> SupplierQuerySet:
        if value == ContractState.EXPIRING:
            return suppliers.contract_expiring()
        return suppliers.contract_expired()

    def finish(self, suppliers: QuerySet, values: dict[str, Any]) -> QuerySet:
        assert isinstance(suppliers, SupplierQuerySet)
        status = values.get("status") or "active"
        if status == "all":
            return suppliers
        return suppliers.active() if status == "active" else suppliers.filter(active=False)


class TagsFilter(django_filters.Filter):
    field_class = forms.MultipleChoiceField


class GuideFilter(ListFilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=[("", _("All kinds")), *PlaceKind.choices], empty_label=None
    )
    tag = TagsFilter(
        label=_("Tags"),
        choices=PlaceTag.choices,
        widget=forms.CheckboxSelectMultiple,
        method="with_tags",
    )
    price = django_filters.TypedChoiceFilter(
        label=_("Price up to"),
        coerce=int,
        empty_value=None,
        choices=[("", _("Any price")), *PriceLevel.choices],
        field_name="price_level",
        lookup_expr="lte",
    )
    walk = django_filters.TypedChoiceFilter(
        label=_("Walk up to"),
        coerce=int,
        empty_value=None,
        choices=[
            ("", _("Any distance")),
            (5, _("5 minutes")),
            (10, _("10 minutes")),
            (15, _("15 minutes")),
            (30, _("30 minutes")),
        ],
        field_name="walking_minutes",
        lookup_expr="lte",
    )
    open_now = CheckboxFilter(label=_("Open now"), method="open_now_only")
    check = CheckboxFilter(label=_("Needs checking"), method="needing_check")
    # Applied in finish(): unticked means active places only.
    inactive = CheckboxFilter(label=_("Include inactive"))

    finish_fields = ("inactive",)

    def search(self, places: PlaceQuerySet, name: str, value: str) -> PlaceQuerySet:
        query = Q(address__icontains=value)
        for code in GUIDE_LANGUAGES:
            query |= Q(**{f"name_{code}__icontains": value})
            query |= Q(**{f"description_{code}__icontains": value})
        return places.filter(query)

    def with_tags(self, places: PlaceQuerySet, name: str, value: list[str]) -> PlaceQuerySet:
        return places.with_tags(value)

    def open_now_only(self, places: PlaceQuerySet, name: str, value: bool) -> PlaceQuerySet:
        return places.open_at() if value else places

    def needing_check(self, places: PlaceQuerySet, name: str, value: bool) -> PlaceQuerySet:
        return places.needing_check() if value else places

    def finish(self, places: QuerySet, values: dict[str, Any]) -> QuerySet:
        assert isinstance(places, PlaceQuerySet)
        return places if values.get("inactive") else places.active()
