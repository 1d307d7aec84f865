from django.http import HttpRequest
from django.utils import timezone

from guestdesk import roles
from guestdesk.registry import Card
from traces.models import Trace

SHOWN = 10


def cards(request: HttpRequest) -> list[Card]:
    """Open traces due today and earlier, overdue first (the user's departments only,
    unless the user works at the desk)."""
    if not roles.has_role(request.user, *roles.READERS):
        return []
    now = timezone.now()
    today = timezone.localdate()
    open_traces = (
        Trace.objects.visible_to(request.user).open().filter(due_date__lte=today).for_lists()
    )
    traces = list(open_traces[: SHOWN + 1])
    for trace in traces:
        trace.overdue = trace.is_overdue(now)  # type: ignore[attr-defined]
    # The query orders by due date and time, so the overdue ones already come first.
    more = open_traces.count() - SHOWN if len(traces) > SHOWN else 0
    return [Card("traces/_card.html", {"traces": traces[:SHOWN], "more": more}, order=18)]
