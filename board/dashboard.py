from django.utils import timezone

from board.listing import event_items, event_rows
from board.models import Event
from guestdesk import roles
from guestdesk.registry import Card


def cards(request):
    """Today's events on the premises, for every staff role (one query)."""
    if not roles.has_role(request.user, *roles.READERS):
        return []
    today = timezone.localdate()
    events = event_rows(Event.objects.on_day(today).order_by("starts_at"))
    return [
        Card(
            "board/_card_today.html",
            {"events": events, "items": event_items(events), "today": today, "now": timezone.now()},
            order=40,
        )
    ]
