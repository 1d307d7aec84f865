"""The digest history's filter (GET), as a FilterSet over Digest."""

import datetime

import django_filters
from django.utils.translation import gettext_lazy as _

from digests.models import DigestQuerySet
from guestdesk.filters import ListFilterSet


class DigestFilter(ListFilterSet):
    date = django_filters.DateFilter(label=_("Hotel date"), method="on")

    def on(self, digests: DigestQuerySet, name: str, value: datetime.date) -> DigestQuerySet:
        return digests.on(value)
