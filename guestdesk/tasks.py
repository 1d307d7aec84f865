import logging
import smtplib
import socket
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone

from guestdesk import erasure
from guestdesk.models import OutboxMessage

log = logging.getLogger(__name__)

# Worth trying again: the server is busy or unreachable, not refusing this message.
TRANSIENT = (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError, socket.error, TimeoutError)


def _is_transient(exc):
    if isinstance(exc, smtplib.SMTPResponseException):
        return 400 <= exc.smtp_code < 500
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(400 <= code < 500 for code, _ in exc.recipients.values())
    return isinstance(exc, TRANSIENT)


@shared_task(bind=True, max_retries=None, acks_late=True)
def send_outbox_message(self, message_pk):
    """Send outbox message `message_pk` unless it was already sent (safe to run twice).

    The row stays locked while the SMTP server talks, so a second delivery of this task
    waits, then finds the message sent and does nothing.
    """
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update().filter(pk=message_pk).first()
        if message is None or message.status != OutboxMessage.Status.QUEUED:
            return "skipped"
        message.attempts += 1
        email = EmailMultiAlternatives(
            subject=message.subject,
            body=message.body_text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=message.to,
            headers={"Content-Language": message.language},
        )
        email.attach_alternative(message.body_html, "text/html")
        try:
            email.send()
        except Exception as exc:  # noqa: BLE001 - the error is recorded on the row
            message.last_error = f"{type(exc).__name__}: {exc}"[:2000]
            if _is_transient(exc) and message.attempts < settings.EMAIL_MAX_ATTEMPTS:
                message.save(update_fields=["attempts", "last_error"])
                countdown = min(2**message.attempts, 300)
                # Queued when the new attempt count is committed (a transaction-aware task).
                send_outbox_message.apply_async((message_pk,), countdown=countdown)
                log.warning("Email %s failed (%s), retrying", message_pk, message.last_error)
                return "retry"
            message.status = OutboxMessage.Status.FAILED
            message.save(update_fields=["attempts", "last_error", "status"])
            log.error("Email %s failed for good: %s", message_pk, message.last_error)
            return "failed"
        message.status = OutboxMessage.Status.SENT
        message.sent_at = timezone.now()
        message.save(update_fields=["attempts", "status", "sent_at", "last_error"])
        return "sent"


def retry_message(message_pk):
    """Put a failed message back in the queue (a person pressed Retry)."""
    updated = OutboxMessage.objects.filter(
        pk=message_pk, status=OutboxMessage.Status.FAILED
    ).update(status=OutboxMessage.Status.QUEUED, attempts=0)
    if updated:
        send_outbox_message.delay(message_pk)
    return bool(updated)


@shared_task
def requeue_stale_outbox():
    """Queue again messages still waiting after 10 minutes (a broker lost the first task)."""
    cutoff = timezone.now() - timedelta(minutes=10)
    pks = list(
        OutboxMessage.objects.queued().filter(created_at__lt=cutoff).values_list("pk", flat=True)
    )
    for pk in pks:
        send_outbox_message.delay(pk)
    return len(pks)


@shared_task
def purge_personal_data() -> dict[str, int]:
    """Anonymise guests and files past their retention; running it twice changes nothing."""
    return dict(erasure.purge())
