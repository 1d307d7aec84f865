"""Every department's digest for the busiest day, against rendering the arrivals page
once per department, and its queries on a small and a busy day.

Uses the busiest day's arrivals count of the shared hotel bookings sample (215) when it
is there, 215 otherwise (1,000 with BENCH_SCALE=large). Everything it created is rolled
back.
"""

import datetime
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import harness  # noqa: E402

harness.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from arrivals.models import Guest, Stay, VipLevel  # noqa: E402
from digests.content import DayFacts  # noqa: E402
from digests.models import DigestSubscription, Section  # noqa: E402
from digests.services import email_context, subscriptions  # noqa: E402
from guestdesk.emails import render  # noqa: E402
from guestdesk.models import Department  # noqa: E402

DAY = datetime.date(2031, 3, 3)  # far from any real data
ROUNDS = harness.ROUNDS


def busiest_day_size():
    sample = Path(__file__).resolve().parents[2] / "shared" / "data" / "hotel_bookings_sample.csv"
    if not sample.exists():
        return 215, "synthetic"
    import csv
    from collections import Counter

    with sample.open(newline="") as f:
        days = Counter(
            (r["arrival_date_year"], r["arrival_date_month"], r["arrival_date_day_of_month"])
            for r in csv.DictReader(f)
        )
    return max(days.values()), "size of the shared sample's busiest arrival day"


def populate(n):
    Stay.objects.filter(arrival_date=DAY).delete()
    levels = list(VipLevel.objects.order_by("rank"))
    guests = Guest.objects.bulk_create(
        Guest(
            first_name=f"Гость{i}",
            last_name=f"Bench{i}",
            dietary_needs="vegan" if i % 7 == 0 else "",
            birthday=datetime.date(1980, 3, 3) if i % 11 == 0 else None,
        )
        for i in range(n)
    )
    Stay.objects.bulk_create(
        Stay(
            guest=g,
            source="BENCH",
            confirmation_number=f"B{DAY:%Y%m%d}{i:05d}",
            arrival_date=DAY,
            departure_date=DAY + datetime.timedelta(days=2),
            room=str(100 + i),
            vip_level=levels[i % len(levels)] if i % 5 == 0 else None,
            pickup_needed=i % 9 == 0,
            security_note="escort" if i % 13 == 0 else "",
        )
        for i, g in enumerate(guests)
    )


def digests(subs):
    """Build the day's facts once and render every subscribed department's digest."""

    def action():
        facts = DayFacts.collect(DAY)
        for sub in subs:
            render("digests-daily", email_context(sub, facts), sub.language)

    return action


def queries(subs) -> int:
    with CaptureQueriesContext(connection) as captured:
        digests(subs)()
    return len(captured)


def arrivals_pages(client, times: int):
    """The arrivals page of the same day, rendered once per department."""
    page = harness.get(client, f"/arrivals/{DAY}/")

    def action():
        for _ in range(times):
            page()

    return action


def main() -> dict:
    busy, source = busiest_day_size()
    if harness.SCALE == "large":
        busy, source = 1000, "a 1,000-arrival day"
    results: dict = {}
    with harness.rolled_back():
        for department in Department.objects.all():
            department.recipients = department.recipients or f"{department.code}@bench.example"
            department.save()
            DigestSubscription.objects.update_or_create(
                department=department,
                defaults={
                    "enabled": True,
                    "language": "ru",
                    "sections": [str(s) for s in Section],
                },
            )
        subs = list(subscriptions().filter(enabled=True))
        populate(5)
        results["digest_queries_small"] = queries(subs)
        populate(busy)
        results["digest_queries_large"] = queries(subs)
        results["digest_departments"] = len(subs)
        results["digest_arrivals"] = busy
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.create_superuser("bench-digests", "", "x")
        client = harness.client(user)
        results["digests_vs_arrivals_pages"] = harness.pair(
            digests(subs), arrivals_pages(client, len(subs)), rounds=max(3, ROUNDS // 3)
        )
    r = results["digests_vs_arrivals_pages"]
    print(f"every department's digest ({len(subs)} departments, all sections, {busy} arrivals: "
          f"{source}): {r['ms']:.0f} ms vs the arrivals page once per department "
          f"{r['reference_ms']:.0f} ms = {r['ratio']:.2f}x")  # fmt: skip
    print(f"queries: {results['digest_queries_small']} for 5 arrivals, "
          f"{results['digest_queries_large']} for {busy}")  # fmt: skip
    return results


if __name__ == "__main__":
    harness.report(main())
