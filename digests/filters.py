"""The digest history's filter (GET), as a FilterSet over Digest."""

import datetime

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from guestdesk.filters import ListFilterSet


class DigestFilter(ListFilterSet):
    date = django_filters.DateFilter(label=_("Hotel date"), method="on")

    def on(self, digests: QuerySet, name: str, value: datetime.date) -> QuerySet:
        return digests.on(value)
