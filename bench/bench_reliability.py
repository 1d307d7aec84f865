"""Reliability: duplicate digest sends through a real worker into a flaky SMTP server.

For ROUNDS hotel dates and DEPARTMENTS departments, every send is queued twice at once;
the SMTP server (aiosmtpd on loopback) answers "451 try again" to the first REFUSALS
messages. Prints how many emails were expected, delivered and duplicated. Needs Redis and
PostgreSQL; what it creates is deleted at the end.
"""

import datetime
import os
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guestdesk.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

from digests.models import Digest, DigestSubscription  # noqa: E402
from digests.tasks import send_department_digest  # noqa: E402
from guestdesk.celery import app  # noqa: E402
from guestdesk.models import Department, OutboxMessage  # noqa: E402
from tests.services import SMTPServer, Worker, database_url  # noqa: E402

ROUNDS, DEPARTMENTS, REFUSALS = 20, 5, 10
FIRST_DAY = datetime.date(2032, 1, 1)
REDIS_URL = os.environ.get("GUESTDESK_BENCH_REDIS_URL", "redis://127.0.0.1:6379/9")


def main():
    if not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        print("skipped: needs PostgreSQL (a worker process shares the database)")
        return
    departments = [
        Department.objects.create(
            name=f"Bench {i}", code=f"bench-rel-{i}", recipients=f"bench{i}@hotel.example"
        )
        for i in range(DEPARTMENTS)
    ]
    for department in departments:
        DigestSubscription.objects.create(department=department, language="en", sections=["vip"])
    days = [FIRST_DAY + datetime.timedelta(days=i) for i in range(ROUNDS)]
    try:
        with SMTPServer() as smtp:
            smtp.inbox.refuse_next = REFUSALS
            env = {
                "EMAIL_HOST": "127.0.0.1",
                "EMAIL_PORT": str(smtp.port),
                "EMAIL_RETRY_DELAY": "1",
            }
            with Worker(app, REDIS_URL, database_url(settings.DATABASES["default"]), env, 4):
                started = time.perf_counter()
                for day in days:
                    for department in departments:
                        for _ in range(2):  # the same send, twice, at once
                            send_department_digest.delay(department.pk, day.isoformat())
                expected = ROUNDS * DEPARTMENTS
                smtp.inbox.wait_for(expected, timeout=300)
                elapsed = time.perf_counter() - started
                time.sleep(3)  # let stragglers and retries finish
            sent = Counter((m["to"][0], m["message"]["Subject"]) for m in smtp.inbox.messages)
        duplicates = sum(n - 1 for n in sent.values())
        attempts = Counter(
            OutboxMessage.objects.filter(digest__department__in=departments).values_list(
                "attempts", flat=True
            )
        )
        print(f"sends queued: {expected * 2} ({expected} digests, each queued twice at once)")
        print(f"temporary SMTP refusals (451): {smtp.inbox.refused}")
        print(
            f"emails delivered: {len(smtp.inbox.messages)} of {expected} expected; "
            f"duplicates: {duplicates}; digest rows: "
            f"{Digest.objects.filter(department__in=departments).count()}"
        )
        print(
            f"messages by attempts: {dict(sorted(attempts.items()))}; "
            f"all delivered in {elapsed:.1f} s"
        )
    finally:
        outbox = list(
            OutboxMessage.objects.filter(digest__department__in=departments).values_list(
                "pk", flat=True
            )
        )
        Digest.objects.filter(department__in=departments).delete()
        OutboxMessage.objects.filter(pk__in=outbox).delete()
        Department.objects.filter(pk__in=[d.pk for d in departments]).delete()


if __name__ == "__main__":
    main()
