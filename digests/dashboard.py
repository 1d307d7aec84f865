from django.utils import timezone

from digests.models import Digest, DigestSubscription
from guestdesk import roles
from guestdesk.registry import Card


def cards(request):
    if not roles.is_desk(request.user):
        return []
    day = timezone.localdate()
    digests = list(Digest.objects.daily().on(day).select_related("department", "outbox"))
    subscribed = DigestSubscription.objects.filter(enabled=True, department__active=True).count()
    return [
        Card(
            "digests/_card.html",
            {
                "day": day,
                "sent": sum(d.status == "sent" for d in digests),
                "acknowledged": sum(bool(d.acknowledged_at) for d in digests),
                "pending": max(subscribed - len(digests), 0),
                "failed": [d for d in digests if d.status == "failed"],
                "manager": roles.is_manager(request.user),
            },
            order=15,
        )
    ]
