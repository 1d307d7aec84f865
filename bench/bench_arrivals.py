"""The daily arrivals list of the sample's busiest day (215 stays) against the floor and
the admin changelist of the same stays, and a 1,000-arrival day against the 215 one.

Each figure is a pair timed alternately in one run (bench/harness.py). Everything it
creates is rolled back.
"""

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import harness  # noqa: E402

harness.setup()

from django.contrib import admin  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from arrivals.models import Stay  # noqa: E402
from bench import days  # noqa: E402

DAY = date(2031, 3, 3)
BIG_DAY = date(2031, 3, 4)
BIG = 1000


def queries(client, url: str) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return len(captured), len(response.content)


def main() -> dict:
    results: dict = {}
    base = days.busiest_rows()
    with harness.rolled_back():
        small = days.load(base, DAY, len(base))
        days.load(base, BIG_DAY, BIG)
        user = get_user_model().objects.create_superuser("bench-arrivals", "", "x")
        client = harness.client(user)
        # The admin lists the whole day on one page, like the arrivals list.
        admin.site._registry[Stay].list_per_page = 10_000
        page = f"/arrivals/{DAY}/"
        big_page = f"/arrivals/{BIG_DAY}/"
        changelist = (
            f"/admin/arrivals/stay/?arrival_date__day={DAY.day}"
            f"&arrival_date__month={DAY.month}&arrival_date__year={DAY.year}"
        )
        count, size = queries(client, page)
        print(f"arrivals list: {small} stays, {size / 1024:.0f} KB, {count} queries")
        results["arrivals_stays"] = small
        results["arrivals_html_kb"] = round(size / 1024, 1)
        results["arrivals_queries"] = count
        results["arrivals_vs_admin"] = harness.pair(
            harness.get(client, page), harness.get(client, changelist)
        )
        results["arrivals_vs_floor"] = harness.pair(
            harness.get(client, page), harness.get(client, harness.FLOOR)
        )
        results["arrivals_1000_vs_215"] = harness.pair(
            harness.get(client, big_page), harness.get(client, page)
        )
    for key in ("arrivals_vs_admin", "arrivals_vs_floor", "arrivals_1000_vs_215"):
        r = results[key]
        print(f"{key:<24}{r['ms']:>9.1f} ms vs {r['reference_ms']:>8.1f} ms  = {r['ratio']:.2f}x")
    return results


if __name__ == "__main__":
    harness.report(main())
