"""Quick-search hits of arrivals: guests (desk only) and stays, by name, confirmation or room."""

from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from arrivals.models import Guest, Stay
from guestdesk import roles
from guestdesk.registry import SearchGroup, SearchResult

LIMIT = 10


def _stays(q: str) -> QuerySet[Stay]:
    return Stay.objects.search(q).select_related("guest", "vip_level")


def _limited(queryset: QuerySet) -> tuple[list, bool]:
    # One row more than shown tells whether there are more, without a COUNT query.
    rows = list(queryset[: LIMIT + 1])
    return rows[:LIMIT], len(rows) > LIMIT


def _stay_result(stay: Stay) -> SearchResult:
    arrival = date_format(stay.arrival_date, "SHORT_DATE_FORMAT")
    dates = f"{arrival}–{date_format(stay.departure_date, 'SHORT_DATE_FORMAT')}"
    parts = [stay.confirmation_number, dates]
    if stay.room:
        parts.append(_("room %(room)s") % {"room": stay.room})
    parts.append(stay.get_status_display())
    return SearchResult(
        title=stay.guest.name,
        url=reverse("arrivals:stay", args=[stay.pk]),
        detail=" · ".join(parts),
        badge=stay.vip_level.code if stay.vip_level else "",
    )


def _guest_result(guest: Guest) -> SearchResult:
    contacts = [value for value in (guest.email, str(guest.phone or "")) if value]
    return SearchResult(
        title=guest.name,
        url=reverse("arrivals:guest", args=[guest.pk]),
        detail=" · ".join(contacts),
    )


def search(request: HttpRequest, q: str) -> list[SearchGroup]:
    """Guests (desk, with contacts) and stays (every staff role, without contacts)."""
    groups = []
    if roles.is_desk(request.user):
        guests, more = _limited(Guest.objects.search(q).order_by("last_name", "first_name", "pk"))
        groups.append(SearchGroup(_("Guests"), [_guest_result(g) for g in guests], 10, more))
    if roles.has_role(request.user, *roles.READERS):
        stays, more = _limited(_stays(q).order_by("-arrival_date", "pk"))
        groups.append(SearchGroup(_("Stays"), [_stay_result(s) for s in stays], 20, more))
    return groups
