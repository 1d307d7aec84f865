"""One page of a long list, or every row when the list is printed (`?print=1`)."""

from collections.abc import Sequence
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest

PAGE_SIZE = 50


def printing(request: HttpRequest) -> bool:
    """True when the page is asked for whole, to be printed."""
    return bool(request.GET.get("print"))


def paginate(
    request: HttpRequest, rows: QuerySet[Any] | Sequence[Any], size: int = PAGE_SIZE
) -> tuple[list[Any], Page | None, int]:
    """(rows to show, the page or None when printing, number of rows in all pages).

    Filters apply before this: a page is a slice of the filtered rows, and print shows them all.
    list() runs the queries here, so the template never touches the database.
    """
    if printing(request):
        shown = list(rows)
        return shown, None, len(shown)
    page = Paginator(rows, size).get_page(request.GET.get("page"))
    return list(page.object_list), page, page.paginator.count
