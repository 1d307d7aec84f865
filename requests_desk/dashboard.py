from django.urls import reverse

from guestdesk import roles
from guestdesk.registry import Card
from requests_desk.models import ServiceRequest


def cards(request):
    """Overdue, due-within-the-hour and my open requests: one query."""
    if not roles.has_role(request.user, *roles.READERS):
        return []
    counts = ServiceRequest.objects.visible_to(request.user).deadline_counts(request.user)
    board = reverse("requests_desk:board")
    return [
        Card(
            "requests_desk/_card_deadlines.html",
            {**counts, "board": board, "can_work": roles.is_desk(request.user)},
            order=20,
        )
    ]
