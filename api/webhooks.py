"""Webhooks: events written to an outbox with the change, then delivered signed and in order.

`emit()` runs inside the transaction of the change, so an event exists exactly when the
change does. `deliver()` sends one delivery: it claims it with a conditional update (two
workers never send it twice), waits for earlier events of the same object at the same
endpoint, signs the body and records the attempt. A failure is retried with exponential
backoff; an endpoint failing WEBHOOK_PAUSE_AFTER times in a row is paused and the
administrators are emailed.

Signature: `GuestDesk-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>">` with
the endpoint's secret (docs/API.md shows how to check it).
"""

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from api.event_types import EVENTS
from api.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhookEvent
from guestdesk import roles
from guestdesk.emails import queue_email

Queue = Callable[[int], Any]
SIGNATURE_HEADER = "GuestDesk-Signature"


def emit(kind: str, object_key: str, data: dict, queue: Queue) -> WebhookEvent | None:
    """Record event `kind` about `object_key` for every endpoint that wants it.

    Call it inside the change's transaction; `queue(delivery_pk)` starts the sending
    (a TransactionAwareTask's delay, which waits for the commit).
    """
    assert kind in EVENTS, kind
    endpoints = [e for e in WebhookEndpoint.objects.filter(active=True) if kind in e.events]
    if not endpoints:
        return None
    event = WebhookEvent.objects.create(kind=kind, object_key=object_key, payload=data)
    deliveries = WebhookDelivery.objects.bulk_create(
        WebhookDelivery(endpoint=e, event=event, object_key=object_key) for e in endpoints
    )
    for delivery, endpoint in zip(deliveries, endpoints, strict=True):
        if endpoint.paused_at is None:
            queue(delivery.pk)
    return event


def body(event: WebhookEvent) -> bytes:
    """The JSON every receiver gets for `event`."""
    document = {
        "id": str(event.uuid),
        "type": event.kind,
        "created": event.created_at.isoformat(),
        "data": event.payload,
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


def signature(secret: str, timestamp: int, payload: bytes) -> str:
    """The GuestDesk-Signature header's value for `payload` sent at `timestamp`."""
    signed = f"{timestamp}.".encode() + payload
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def verify(secret: str, header: str, payload: bytes, tolerance: int = 300) -> bool:
    """True when `header` signs `payload` with `secret` within `tolerance` seconds."""
    try:
        parts = dict(item.split("=", 1) for item in header.split(","))
        timestamp = int(parts["t"])
    except (ValueError, KeyError):
        return False
    if abs(time.time() - timestamp) > tolerance:
        return False
    expected = signature(secret, timestamp, payload).split("v1=", 1)[1]
    return hmac.compare_digest(expected, parts.get("v1", ""))


def _claim(pk: int, now: Any) -> WebhookDelivery | None:
    """Take delivery `pk` for one try, or None (sent, not due, paused, or an earlier one waits)."""
    hold = now + timedelta(seconds=settings.WEBHOOK_TIMEOUT + 30)
    claimed = (
        WebhookDelivery.objects.filter(
            pk=pk,
            status=WebhookDelivery.Status.PENDING,
            endpoint__active=True,
            endpoint__paused_at__isnull=True,
        )
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .update(claimed_until=hold)
    )
    if not claimed:
        return None
    delivery = WebhookDelivery.objects.select_related("endpoint", "event").get(pk=pk)
    earlier = WebhookDelivery.objects.filter(
        endpoint=delivery.endpoint_id,
        object_key=delivery.object_key,
        status=WebhookDelivery.Status.PENDING,
        pk__lt=pk,
    ).exists()
    if earlier:
        # In order per object: this one goes when the earlier ones have been delivered.
        WebhookDelivery.objects.filter(pk=pk).update(claimed_until=None)
        return None
    return delivery


def _post(endpoint: WebhookEndpoint, event: WebhookEvent) -> tuple[int | None, str]:
    payload = body(event)
    request = urllib.request.Request(
        endpoint.url,
        data=payload,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": "GuestDesk-Webhooks/1",
            "GuestDesk-Event": event.kind,
            "GuestDesk-Event-Id": str(event.uuid),
            SIGNATURE_HEADER: signature(endpoint.secret, int(time.time()), payload),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=settings.WEBHOOK_TIMEOUT) as answer:  # noqa: S310
            return answer.status, ""
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (OSError, ValueError) as error:
        return None, str(error)[:300]


def deliver(pk: int, queue: Queue, retry: Callable[[int, int], Any]) -> bool:
    """Try delivery `pk` once; True when the receiver took it (a 2xx answer).

    `queue(pk)` sends the object's next delivery; `retry(pk, seconds)` tries this one again.
    """
    now = timezone.now()
    delivery = _claim(pk, now)
    if delivery is None:
        return False
    started = time.monotonic()
    code, error = _post(delivery.endpoint, delivery.event)
    took = int((time.monotonic() - started) * 1000)
    ok = code is not None and 200 <= code < 300
    with transaction.atomic():
        WebhookAttempt.objects.create(
            delivery=delivery, status_code=code, error=error, duration_ms=took
        )
        attempts = delivery.attempts + 1
        if ok:
            WebhookDelivery.objects.filter(pk=pk).update(
                status=WebhookDelivery.Status.DELIVERED,
                attempts=attempts,
                last_status_code=code,
                delivered_at=timezone.now(),
                claimed_until=None,
            )
            WebhookEndpoint.objects.filter(pk=delivery.endpoint_id).update(consecutive_failures=0)
            _queue_following(delivery, queue)
            return True
        gave_up = attempts >= settings.WEBHOOK_MAX_ATTEMPTS
        delay = settings.WEBHOOK_RETRY_DELAY * 2 ** (attempts - 1)
        WebhookDelivery.objects.filter(pk=pk).update(
            status=WebhookDelivery.Status.FAILED if gave_up else WebhookDelivery.Status.PENDING,
            attempts=attempts,
            last_status_code=code,
            next_attempt_at=now + timedelta(seconds=delay),
            claimed_until=None,
        )
        WebhookEndpoint.objects.filter(pk=delivery.endpoint_id).update(
            consecutive_failures=F("consecutive_failures") + 1
        )
        _pause_if_failing(delivery.endpoint_id)
        if gave_up:
            _queue_following(delivery, queue)
        else:
            retry(pk, delay)
    return False


def _queue_following(delivery: WebhookDelivery, queue: Queue) -> None:
    """Queue the next pending delivery of the same object to the same endpoint, if any."""
    following = (
        WebhookDelivery.objects.filter(
            endpoint=delivery.endpoint_id,
            object_key=delivery.object_key,
            status=WebhookDelivery.Status.PENDING,
            pk__gt=delivery.pk,
        )
        .values_list("pk", flat=True)
        .first()
    )
    if following:
        queue(following)


def _pause_if_failing(endpoint_pk: int) -> None:
    paused = WebhookEndpoint.objects.filter(
        pk=endpoint_pk,
        paused_at__isnull=True,
        consecutive_failures__gte=settings.WEBHOOK_PAUSE_AFTER,
    ).update(paused_at=timezone.now())
    if not paused:
        return
    endpoint = WebhookEndpoint.objects.get(pk=endpoint_pk)
    admins = (
        get_user_model()
        .objects.filter(Q(groups__name=roles.ADMINISTRATOR) | Q(is_superuser=True), is_active=True)
        .exclude(email="")
        .distinct()
    )
    addresses = sorted({user.email for user in admins})
    if addresses:
        queue_email(
            "api-webhook-paused",
            {"endpoint": endpoint, "failures": endpoint.consecutive_failures},
            addresses,
            settings.LANGUAGE_CODE,
        )


def resume(endpoint: WebhookEndpoint, queue: Queue) -> int:
    """Send to a paused endpoint again: its waiting deliveries are queued; how many."""
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(paused_at=None, consecutive_failures=0)
    firsts: dict[str, int] = {}
    for pk, key in WebhookDelivery.objects.filter(
        endpoint=endpoint, status=WebhookDelivery.Status.PENDING
    ).values_list("pk", "object_key"):
        firsts.setdefault(key, pk)
    for pk in firsts.values():
        queue(pk)
    return len(firsts)


def due(now: Any) -> list[int]:
    """Pending deliveries whose retry time has passed and nobody holds: the first per object."""
    rows = WebhookDelivery.objects.filter(
        status=WebhookDelivery.Status.PENDING,
        next_attempt_at__lte=now,
        endpoint__active=True,
        endpoint__paused_at__isnull=True,
    ).filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
    firsts: dict[tuple[int, str], int] = {}
    for pk, endpoint, key in rows.order_by("pk").values_list("pk", "endpoint_id", "object_key"):
        firsts.setdefault((endpoint, key), pk)
    return sorted(firsts.values())
