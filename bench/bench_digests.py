"""Building and rendering every department's digest for a day: small vs busy day.

Uses the busiest day's arrivals count of the shared hotel bookings sample (215) when it
is there, 215 otherwise. Prints milliseconds, SQL queries and the busy/small ratios.
Everything it creates is rolled back.
"""

import datetime
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guestdesk.settings")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from arrivals.models import Guest, Stay, VipLevel  # noqa: E402
from digests.content import DayFacts  # noqa: E402
from digests.models import DigestSubscription, Section  # noqa: E402
from digests.services import email_context, subscriptions  # noqa: E402
from guestdesk.emails import render  # noqa: E402
from guestdesk.models import Department  # noqa: E402

DAY = datetime.date(2031, 3, 3)  # far from any real data
ROUNDS = 5


class Rollback(Exception):
    pass


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


def measure():
    subs = list(subscriptions().filter(enabled=True))
    with CaptureQueriesContext(connection) as queries:
        facts = DayFacts.collect(DAY)
        for sub in subs:
            render("digests-daily", email_context(sub, facts), sub.language)
    started = time.perf_counter()
    for _ in range(ROUNDS):
        facts = DayFacts.collect(DAY)
        for sub in subs:
            render("digests-daily", email_context(sub, facts), sub.language)
    return (time.perf_counter() - started) / ROUNDS * 1000, len(queries), len(subs)


def main():
    busy, source = busiest_day_size()
    try:
        with transaction.atomic():
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
            populate(5)
            small = measure()
            populate(busy)
            large = measure()
            raise Rollback
    except Rollback:
        pass
    print(f"every department's digest ({large[2]} departments, all sections), {source}")
    print(f"{'arrivals':>10}{'ms':>10}{'queries':>10}")
    print(f"{5:>10}{small[0]:>10.1f}{small[1]:>10}")
    print(f"{busy:>10}{large[0]:>10.1f}{large[1]:>10}")
    print(
        f"time ratio {busy}/5: {large[0] / small[0]:.1f}x for {busy / 5:.0f}x the arrivals; "
        f"queries {large[1]} vs {small[1]}"
    )


if __name__ == "__main__":
    main()
