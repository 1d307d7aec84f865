"""Small pieces the apps' querysets share."""

from collections.abc import Iterable
from datetime import datetime
from functools import reduce
from operator import or_
from typing import TypeVar

from django.db.models import Model, Q, QuerySet

_QS = TypeVar("_QS", bound=QuerySet)
_M = TypeVar("_M", bound=Model)


def words_match(queryset: _QS, text: str, lookups: Iterable[str]) -> _QS:
    """Rows where every word of `text` matches one of `lookups` (`"room__iexact"`, ...).

    The words go into one `filter()`, so a lookup across a many-valued relation joins it
    once for all of them; add `.distinct()` after such a lookup.
    """
    lookups = tuple(lookups)
    query = Q()
    for word in text.split():
        query &= reduce(or_, (Q(**{lookup: word}) for lookup in lookups))
    return queryset.filter(query)


def claim_unmarked(queryset: QuerySet[_M], field: str, now: datetime) -> list[_M]:
    """The rows of `queryset` whose `field` is empty, marked `now` so that they are claimed once.

    Call it inside a transaction: the rows are locked until it ends, and a second worker
    running at the same moment skips them (and the rows already marked) instead of waiting.
    """
    rows = list(
        queryset.filter(**{f"{field}__isnull": True}).select_for_update(
            skip_locked=True, of=("self",)
        )
    )
    if rows:
        queryset.model._default_manager.filter(pk__in=[row.pk for row in rows]).update(
            **{field: now}
        )
    return rows
