"""The outbox: one helper renders and stores every email; a task sends it exactly once."""

import pytest

from guestdesk.emails import queue_email
from guestdesk.models import OutboxMessage
from guestdesk.tasks import retry_message, send_outbox_message
from tests.services import wait_until


def queue(language="kk", to=("hk@hotel.example",)):
    return queue_email("guestdesk-test", {"hotel": "Қазақстан Hotel"}, to, language)


@pytest.mark.django_db
def test_it_renders_in_the_recipients_language():
    message = queue("kk")
    assert message.subject == "Бақылау тақтасы: Қазақстан Hotel"
    assert "Бүгін қызметте" in message.body_text
    assert "<p>Бүгін қызметте</p>" in message.body_html
    assert message.status == OutboxMessage.Status.QUEUED


@pytest.mark.django_db
def test_a_language_we_do_not_speak_gets_english():
    message = queue("de")
    assert message.language == "en"
    assert message.subject == "Dashboard: Қазақстан Hotel"


@pytest.mark.django_db
def test_it_sends_after_commit_with_text_and_html(smtp_server, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        message = queue("ru")
    assert len(callbacks) == 1
    received = smtp_server.inbox.wait_for(1)
    assert len(received) == 1
    assert received[0]["to"] == ["hk@hotel.example"]
    text, html = smtp_server.inbox.bodies(received[0]["message"])
    assert "Сегодня на стойке" in text
    assert "<p>Сегодня на стойке</p>" in html
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.SENT
    assert message.sent_at is not None


@pytest.mark.django_db
def test_nothing_is_sent_when_the_transaction_rolls_back(
    smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        queue()
    assert len(callbacks) == 1  # queued for after commit, not sent inside the transaction
    assert smtp_server.inbox.messages == []


@pytest.mark.django_db
def test_run_twice_sends_once(smtp_server):
    message = queue()
    assert send_outbox_message.apply(args=(message.pk,)).get() == "sent"
    assert send_outbox_message.apply(args=(message.pk,)).get() == "skipped"
    assert len(smtp_server.inbox.messages) == 1


@pytest.mark.django_db
def test_a_permanent_refusal_is_recorded_on_the_row(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = 1  # nothing listens: a connection error, retried until the limit
    settings.EMAIL_MAX_ATTEMPTS = 2
    settings.EMAIL_RETRY_DELAY = 0
    message = queue()
    send_outbox_message.apply(args=(message.pk,))
    send_outbox_message.apply(args=(message.pk,))
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.FAILED
    assert message.attempts == 2
    assert "ConnectionRefusedError" in message.last_error


@pytest.mark.django_db
def test_a_failed_message_can_be_retried(smtp_server):
    message = queue()
    OutboxMessage.objects.filter(pk=message.pk).update(status="failed", attempts=5)
    assert retry_message(message.pk) is True
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.QUEUED
    assert retry_message(message.pk) is False  # only failed messages go back in the queue


def test_temporary_smtp_failures_are_retried_by_a_real_worker(celery_worker, smtp_server):
    """451 twice, then accepted: one email delivered, three attempts on the row."""
    from django.db import transaction

    smtp_server.inbox.refuse_next = 2
    worker = celery_worker(
        {
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(smtp_server.port),
            "EMAIL_RETRY_DELAY": "1",
        }
    )
    with transaction.atomic():
        message = queue()
    received = smtp_server.inbox.wait_for(1, timeout=40)
    assert len(received) == 1, worker.log()
    assert smtp_server.inbox.refused == 2
    # The worker records "sent" after the SMTP server has accepted the message.
    assert wait_until(lambda: OutboxMessage.objects.get(pk=message.pk).status == "sent")
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.SENT
    assert message.attempts == 3
    assert "451" in message.last_error


def test_a_task_delivered_twice_sends_once_with_a_real_worker(celery_worker, smtp_server):
    from django.db import transaction

    celery_worker({"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(smtp_server.port)})
    with transaction.atomic():
        message = queue()
    # The on-commit task plus two more deliveries of the same message, at once.
    send_outbox_message.delay(message.pk)
    send_outbox_message.delay(message.pk)
    smtp_server.inbox.wait_for(1)
    import time

    time.sleep(2)  # give the duplicates time to run (and do nothing)
    assert len(smtp_server.inbox.messages) == 1
    assert wait_until(lambda: OutboxMessage.objects.get(pk=message.pk).status == "sent")
    message.refresh_from_db()
    assert message.attempts == 1
