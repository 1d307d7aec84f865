"""PMS import and the daily arrivals list on the shared bookings sample.

Imports every reservation of the sample (14,938 rows) as a PMS CSV: dry run, import,
and the same file again (all unchanged). Then renders the arrivals list of the busiest
day against a small day. Prints rows per second, SQL queries and busy/small ratios.
Everything it creates is rolled back.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guestdesk.settings")

import django  # noqa: E402

django.setup()

from django.test.utils import setup_test_environment  # noqa: E402

setup_test_environment()  # so that responses carry their template context

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from arrivals import importer  # noqa: E402
from arrivals.models import Stay  # noqa: E402
from bench import arrivals_sample  # noqa: E402


class Rollback(Exception):
    pass


def timed(label, rows, run):
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        report = run()
        seconds = time.perf_counter() - start
    print(
        f"{label:<22} {seconds:7.2f} s  {rows / seconds:8.0f} rows/s  "
        f"{len(queries.captured_queries) / max(rows, 1):5.2f} queries/row  "
        f"{importer.summary(report['counts'])}"
    )
    return report


def page(client, day):
    url = reverse("arrivals:day", kwargs={"day": day})
    client.get(url)  # warm up templates
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        response = client.get(url, {"status": "all"})
        seconds = time.perf_counter() - start
    return seconds, len(queries.captured_queries), len(response.context["stays"])


def main():
    if not arrivals_sample.available():
        print(f"skipped: no shared sample at {arrivals_sample.SAMPLE}")
        return 0
    from django.contrib.auth import get_user_model
    from django.db.models import Count

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pms.csv"
        rows = arrivals_sample.write(path)
        try:
            with transaction.atomic():
                profile = arrivals_sample.PROFILE
                timed("dry run", rows, lambda: importer.Importer(profile).run(path, False))
                timed("import", rows, lambda: importer.Importer(profile).run(path, True))
                timed("same file again", rows, lambda: importer.Importer(profile).run(path, True))
                days = (
                    Stay.objects.filter(source="SAMPLE")
                    .values("arrival_date")
                    .annotate(n=Count("pk"))
                    .order_by("-n")
                )
                busiest = days[0]
                quiet = days.order_by("n")[0]
                user = get_user_model().objects.create_superuser("bench-arrivals", "", "x")
                client = Client(HTTP_HOST="localhost")
                client.force_login(user)
                small = page(client, quiet["arrival_date"])
                busy = page(client, busiest["arrival_date"])
                print(
                    f"arrivals list: {small[2]} stays {small[0] * 1000:.0f} ms {small[1]} queries; "
                    f"{busy[2]} stays {busy[0] * 1000:.0f} ms {busy[1]} queries; "
                    f"time ratio {busy[0] / small[0]:.1f}, query ratio {busy[1] / small[1]:.1f}"
                )
                raise Rollback
        except Rollback:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
