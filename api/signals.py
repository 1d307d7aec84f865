"""Changes elsewhere become webhook events, in the transaction that makes them.

Receivers only: the apps know nothing of webhooks. `stay.vip_changed` listens to
`arrivals.signals.vip_stay_changed`, which the arrivals app sends after its commit, so
that event is written in a transaction of its own just after.
"""

from typing import Any

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from api import webhooks
from api.tasks import deliver_webhook
from arrivals.models import Stay, StayChange
from arrivals.signals import vip_stay_changed
from digests.models import Digest
from digests.signals import digest_acknowledged
from requests_desk.models import RequestEvent
from reviews.models import Review
from traces.models import Trace
from traces.signals import trace_resolved


def stay_data(stay: Stay) -> dict:
    """What a stay event carries (no contact details: receivers ask the API for those)."""
    return {
        "id": stay.pk,
        "source": stay.source,
        "confirmation_number": stay.confirmation_number,
        "status": stay.status,
        "arrival_date": stay.arrival_date.isoformat(),
        "departure_date": stay.departure_date.isoformat(),
        "room": stay.room,
        "vip_code": stay.vip_level.code if stay.vip_level else None,
        "guest": {
            "id": stay.guest_id,
            "first_name": stay.guest.first_name,
            "last_name": stay.guest.last_name,
        },
    }


def _stay(pk: int) -> Stay:
    return Stay.objects.select_related("guest", "vip_level").get(pk=pk)


@receiver(post_save, sender=StayChange, dispatch_uid="api-stay-arrived")
def stay_moved(sender: Any, instance: StayChange, created: bool, **kwargs: Any) -> None:
    if not created or instance.kind != StayChange.Kind.STATUS:
        return
    if (instance.changes.get("status") or [None, None])[1] != Stay.Status.IN_HOUSE:
        return
    webhooks.emit(
        "stay.arrived",
        f"stay:{instance.stay_id}",
        stay_data(_stay(instance.stay_id)),
        deliver_webhook.delay,
    )


@receiver(vip_stay_changed, dispatch_uid="api-stay-vip")
def stay_vip(sender: Any, stay_ids: list[int], **kwargs: Any) -> None:
    with transaction.atomic():
        for stay in Stay.objects.filter(pk__in=stay_ids).select_related("guest", "vip_level"):
            webhooks.emit(
                "stay.vip_changed", f"stay:{stay.pk}", stay_data(stay), deliver_webhook.delay
            )


@receiver(post_save, sender=RequestEvent, dispatch_uid="api-request-status")
def request_moved(sender: Any, instance: RequestEvent, created: bool, **kwargs: Any) -> None:
    if not created or instance.kind != RequestEvent.Kind.STATUS:
        return
    request = instance.request
    data = {
        "id": request.pk,
        "number": request.number,
        "type": request.type,
        "from_status": instance.from_status,
        "status": instance.to_status,
        "stay_id": request.stay_id,
        "guest_id": request.guest_id,
        "at": instance.at.isoformat(),
    }
    webhooks.emit("request.status_changed", f"request:{request.pk}", data, deliver_webhook.delay)


@receiver(digest_acknowledged, dispatch_uid="api-digest-ack")
def digest_read(sender: Any, digest: Digest, **kwargs: Any) -> None:
    row = Digest.objects.select_related("department").get(pk=digest.pk)
    data = {
        "id": row.pk,
        "department": row.department.code,
        "date": row.date.isoformat(),
        "acknowledged_at": row.acknowledged_at.isoformat() if row.acknowledged_at else None,
        "acknowledged_by_name": row.acknowledged_by_name,
    }
    webhooks.emit("digest.acknowledged", f"digest:{row.pk}", data, deliver_webhook.delay)


@receiver(post_save, sender=Review, dispatch_uid="api-review-created")
def review_added(sender: Any, instance: Review, created: bool, **kwargs: Any) -> None:
    if not created:
        return
    data = {
        "id": instance.pk,
        "source": instance.source,
        "date": instance.date.isoformat() if instance.date else None,
        "rating": str(instance.rating),
        "scale": instance.scale,
        "title": instance.title,
        "language": instance.language,
        "stay_id": instance.stay_id,
    }
    webhooks.emit("review.created", f"review:{instance.pk}", data, deliver_webhook.delay)


@receiver(trace_resolved, dispatch_uid="api-trace-resolved")
def trace_done(sender: Any, trace: Trace, **kwargs: Any) -> None:
    """Sent inside the resolving transaction: the event commits with the trace's new status."""
    row = Trace.objects.select_related("department", "stay").get(pk=trace.pk)
    data = {
        "id": row.pk,
        "stay_id": row.stay_id,
        "confirmation_number": row.stay.confirmation_number if row.stay else None,
        "request_id": row.request_id,
        "department": row.department.code,
        "status": row.status,
        "reason": row.reason,
        "resolved_at": row.resolved_at.isoformat() if row.resolved_at else None,
    }
    webhooks.emit("trace.resolved", f"trace:{row.pk}", data, deliver_webhook.delay)
