"""The base of every list page's filters: a django-filter FilterSet read from the query string.

A list page shows its default view (say, "all but cancelled", sorted by ETA) when nothing is
asked and when what is asked does not make sense, as a hand-edited URL may: bad input filters
nothing rather than half the list. `finish` applies what holds whatever was asked.
"""

import copy
from typing import Any

import django_filters
from django import forms
from django.db.models import QuerySet
from django.http import QueryDict


class _Filters(dict):
    """A FilterSet's declared filters, copied cheaply for each list request.

    django-filter gives every FilterSet instance a deep copy of the declared filters, so
    that one request's choices never show in another's. A deep copy walks every label and
    choice (about half a millisecond a request on the arrivals list); what a request may
    change is only a filter's own attributes and its `extra` (the choices and querysets a
    list offers, always assigned anew, never changed in place), so each filter is copied
    with a fresh `extra`, its filter method bound to itself, and without a form field
    built for another request.
    """

    def __deepcopy__(self, memo: dict) -> "_Filters":
        return _Filters((name, _copy_filter(one)) for name, one in self.items())


def _copy_filter(declared: django_filters.Filter) -> django_filters.Filter:
    clone = copy.copy(declared)
    clone.extra = dict(declared.extra)
    clone.__dict__.pop("_field", None)
    if declared.method is not None:
        clone.method = declared.method  # a method filter calls its own FilterSet's method
    return clone


class ListFilterSet(django_filters.FilterSet):
    @classmethod
    def get_filters(cls) -> "_Filters":
        return _Filters(super().get_filters())

    def __init__(self, data: QueryDict | None = None, queryset: QuerySet | None = None, **kwargs):
        # An empty query string renders the form unbound, as on a first visit.
        super().__init__(data or None, queryset, **kwargs)

    @property
    def values(self) -> dict[str, Any]:
        """What was asked, cleaned; empty when nothing or something invalid was asked."""
        return self.form.cleaned_data if self.is_bound and self.form.is_valid() else {}

    # Filters whose value finish() applies itself (a default when empty, say).
    finish_fields: tuple[str, ...] = ()

    @property
    def qs(self) -> QuerySet:
        if not hasattr(self, "_qs"):
            self._qs = self.filter_queryset(self.queryset.all())
        return self._qs

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        return self.finish(self.filter_only(queryset), self.values)

    def filter_only(self, queryset: QuerySet) -> QuerySet:
        """`queryset` narrowed by the filters asked for, without finish()."""
        for name, value in self.values.items():
            if name not in self.finish_fields:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def finish(self, queryset: QuerySet, values: dict[str, Any]) -> QuerySet:
        """The list's defaults, applied after the filters (hidden rows, the default sort)."""
        return queryset


class CheckboxFilter(django_filters.Filter):
    """A tick box (django-filter's BooleanFilter is a yes/no/unknown select); give it a method."""

    field_class = forms.BooleanField
