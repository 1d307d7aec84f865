from django.http import HttpRequest
from django.urls import reverse

from guestdesk import roles
from guestdesk.registry import Card
from requests_desk.models import ServiceRequest, Status


def cards(request: HttpRequest) -> list[Card]:
    """New requests guests sent from their own page, for the desk to pick up (one query)."""
    if not roles.is_desk(request.user):
        return []
    waiting = list(
        ServiceRequest.objects.filter(from_guest=True, status=Status.NEW)
        .select_related("stay", "guest")
        .order_by("created_at", "pk")[:6]
    )
    return [
        Card(
            "guestportal/_card_guest_requests.html",
            {
                "waiting": waiting[:5],
                "more": len(waiting) > 5,
                "board": reverse("requests_desk:board"),
            },
            order=15,
        )
    ]
