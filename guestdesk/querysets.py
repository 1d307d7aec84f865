"""Small pieces the apps' querysets share."""

from collections.abc import Iterable
from functools import reduce
from operator import or_
from typing import TypeVar

from django.db.models import Q, QuerySet

_QS = TypeVar("_QS", bound=QuerySet)


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
