"""Quick-search hits of guest requests: by number or guest name, as far as the user may read."""

from django.http import HttpRequest
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from guestdesk.registry import SearchGroup, SearchResult
from requests_desk.models import ServiceRequest

LIMIT = 10


def search(request: HttpRequest, q: str) -> list[SearchGroup]:
    """Requests `request.user` may read (a department member: the types routed to it)."""
    found = (
        ServiceRequest.objects.visible_to(request.user)
        .search(q)
        .select_related("guest", "stay__guest")
        .order_by("-created_at", "-pk")
    )
    rows = list(found[: LIMIT + 1])
    results = [
        SearchResult(
            title=f"{r.number} · {r.get_type_display()}",
            url=r.get_absolute_url(),
            detail=" · ".join(
                part
                for part in (
                    r.guest_name,
                    date_format(localtime(r.due_at), "SHORT_DATETIME_FORMAT"),
                    r.get_status_display(),
                )
                if part
            ),
        )
        for r in rows[:LIMIT]
    ]
    return [SearchGroup(_("Requests"), results, 30, len(rows) > LIMIT)]
