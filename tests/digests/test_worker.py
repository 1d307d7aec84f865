"""Real Celery worker on Redis and a real SMTP server: exactly one email per department."""

import datetime
import time

import time_machine
from django.db import transaction

from digests.models import Digest
from digests.tasks import tick
from guestdesk.models import OutboxMessage
from tests.digests.conftest import subscribe
from tests.services import wait_until

CODES = ("housekeeping", "security", "transport")


def test_two_ticks_at_the_same_moment_deliver_one_email_per_department(celery_worker, smtp_server):
    for code in CODES:
        subscribe(code, ["vip", "arrivals"], send_time=datetime.time(0, 0))
    worker = celery_worker(
        {"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(smtp_server.port)}, concurrency=4
    )
    with transaction.atomic():
        # Both ticks queue a send for every department; the worker runs them side by side.
        tick.delay()
        tick.delay()
    received = smtp_server.inbox.wait_for(len(CODES), timeout=60)
    time.sleep(3)  # let the duplicate sends finish (and find the claim taken)
    assert len(smtp_server.inbox.messages) == len(CODES), worker.log()
    assert sorted(r["to"][0] for r in received) == sorted(f"{c}@hotel.example" for c in CODES)
    assert Digest.objects.count() == len(CODES)


def test_a_busy_smtp_server_ends_in_one_delivered_digest(celery_worker, smtp_server):
    subscribe("housekeeping", ["vip"], send_time=datetime.time(0, 0))
    smtp_server.inbox.refuse_next = 2
    worker = celery_worker(
        {"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(smtp_server.port), "EMAIL_RETRY_DELAY": "1"}
    )
    tick.delay()
    received = smtp_server.inbox.wait_for(1, timeout=60)
    assert len(received) == 1, worker.log()
    assert smtp_server.inbox.refused == 2
    # The worker records "sent" after the SMTP server has accepted the message.
    assert wait_until(lambda: Digest.objects.get().outbox.status == OutboxMessage.Status.SENT)
    digest = Digest.objects.select_related("outbox").get()
    assert digest.outbox.status == OutboxMessage.Status.SENT
    assert digest.outbox.attempts == 3
    assert "451" in digest.outbox.last_error


def test_the_worker_uses_the_hotel_date(celery_worker, smtp_server):
    """A tick at 19:30 UTC sends the next hotel day's digest (Asia/Almaty is UTC+5)."""
    subscribe("security", ["vip"], send_time=datetime.time(0, 15))
    celery_worker({"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(smtp_server.port)})
    with time_machine.travel(datetime.datetime(2026, 11, 24, 19, 30, tzinfo=datetime.UTC)):
        # The tick decides in this process; the worker sends what it queued.
        tick.apply()
    smtp_server.inbox.wait_for(1, timeout=60)
    assert Digest.objects.get().date == datetime.date(2026, 11, 25)
    assert "25 November 2026" in smtp_server.inbox.messages[0]["message"]["Subject"]
