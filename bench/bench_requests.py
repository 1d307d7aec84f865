"""Request board, dashboard and a request page at 5 and 500 requests: queries and time.

Run: DATABASE_URL=... python bench/bench_requests.py. Everything it creates is rolled back.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guestdesk.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
# DEBUG keeps every query in a bounded log, which would hide the counts measured here.
os.environ["DEBUG"] = "false"

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from guestdesk import roles  # noqa: E402
from requests_desk.models import ServiceRequest, Waybill  # noqa: E402

URLS = [
    "/requests/",
    "/requests/?status=all",
    "/requests/?type=transfer&mine=on",
    "/requests/?q=berg&page=2",
    "/",
]
ROUNDS = 5


class Rollback(Exception):
    pass


def measure(client):
    results = {}
    for url in URLS:
        assert client.get(url).status_code == 200, url
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        count = len(queries)  # read now: the next request clears the query log
        started = time.perf_counter()
        for _ in range(ROUNDS):
            client.get(url)
        results[url] = (count, (time.perf_counter() - started) / ROUNDS * 1000)
    return results


def main():
    from tests.requests_desk.test_board import many

    try:
        with transaction.atomic():
            user = get_user_model().objects.create_user("bench-requests-agent")
            user.groups.add(Group.objects.get(name=roles.AGENT))
            client = Client()
            client.force_login(user)
            Waybill.objects.all().delete()
            ServiceRequest.objects.all().delete()
            many(5, user)
            small = measure(client)
            many(495, user)
            large = measure(client)
            raise Rollback
    except Rollback:
        pass
    print(f"{'page':<36}{'q 5':>5}{'q 500':>7}{'ms 5':>9}{'ms 500':>9}{'ratio':>8}")
    for url in URLS:
        (q5, t5), (q500, t500) = small[url], large[url]
        print(f"{url:<36}{q5:>5}{q500:>7}{t5:>9.1f}{t500:>9.1f}{t500 / t5:>8.1f}")


if __name__ == "__main__":
    main()
