"""Webhook deliveries in the background (see api.webhooks)."""

from celery import shared_task
from django.utils import timezone

from api import webhooks


def _retry(pk: int, seconds: int) -> None:
    deliver_webhook.apply_async((pk,), countdown=seconds)


@shared_task
def deliver_webhook(delivery_pk: int) -> bool:
    """Try one delivery; safe to run twice (it is claimed with a conditional update)."""
    return webhooks.deliver(delivery_pk, queue=deliver_webhook.delay, retry=_retry)


@shared_task
def send_due_webhooks() -> int:
    """Beat: deliveries whose retry is due or whose task was lost; how many were queued."""
    due = webhooks.due(timezone.now())
    for pk in due:
        deliver_webhook.delay(pk)
    return len(due)
