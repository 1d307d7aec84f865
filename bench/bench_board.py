"""Board pages at 5 and 500 entries and events: queries and time, as ratios.

Run: DATABASE_URL=... python bench/bench_board.py. Everything it creates is rolled back.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guestdesk.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.db import transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from board.models import Event, OpeningHours, ServiceEntry  # noqa: E402
from guestdesk import roles  # noqa: E402

URLS = ["/board/", "/board/?q=pool", "/board/events/week/", "/guest/", "/guest/events.ics"]
ROUNDS = 5


class Rollback(Exception):
    pass


def populate(n):
    from tests.board.test_queries import populate as fill

    Event.objects.all().delete()
    OpeningHours.objects.all().delete()
    ServiceEntry.objects.all().delete()
    fill(n, timezone.localdate())


def measure(client):
    results = {}
    for url in URLS:
        status = client.get(url).status_code
        assert status == 200, (url, status)
        started = time.perf_counter()
        for _ in range(ROUNDS):
            client.get(url)
        results[url] = (time.perf_counter() - started) / ROUNDS * 1000
    return results


def main():
    from django.conf import settings

    settings.BOARD_PUBLIC_RATE_LIMIT = 10**9
    try:
        with transaction.atomic():
            user = get_user_model().objects.create_user("bench-board-agent")
            user.groups.add(Group.objects.get(name=roles.AGENT))
            client = Client()
            client.force_login(user)
            populate(5)
            small = measure(client)
            populate(500)
            large = measure(client)
            raise Rollback
    except Rollback:
        pass
    # Query counts are pinned by tests/board/test_queries.py; this prints time only.
    print(f"{'page':<24}{'ms 5':>9}{'ms 500':>9}{'ratio':>8}")
    for url in URLS:
        t5, t500 = small[url], large[url]
        print(f"{url:<24}{t5:>9.1f}{t500:>9.1f}{t500 / t5:>8.1f}")


if __name__ == "__main__":
    main()
