"""Supplier directory, local guide and commission report at 5 and 500 rows: queries and time.

Run: DATABASE_URL=... python bench/bench_vendors.py. Everything it creates is rolled back.
"""

import datetime
import os
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guestdesk.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from guestdesk import roles  # noqa: E402
from vendors.models import (  # noqa: E402
    Contact,
    OpeningHours,
    Place,
    PlaceTagRow,
    Supplier,
    SupplierCategory,
)

ROUNDS = 5


class Rollback(Exception):
    pass


class QueryCounter(list):
    def __call__(self, execute, sql, params, many, context):
        self.append(sql)
        return execute(sql, params, many, context)


def month():
    return timezone.localdate().strftime("%Y-%m")


def urls():
    return ["/vendors/", "/vendors/?category=taxi", "/vendors/guide/",
            "/vendors/guide/?open_now=on&tag=halal", f"/vendors/commission/{month()}/"]  # fmt: skip


def populate(n):
    from requests_desk.models import ServiceRequest

    ServiceRequest.objects.filter(number__startswith="BENCH-").delete()
    Supplier.objects.filter(name__startswith="Bench ").delete()
    Place.objects.filter(name__startswith="Bench ").delete()
    suppliers = Supplier.objects.bulk_create(
        Supplier(name=f"Bench {i:04d}", commission_value=10) for i in range(n)
    )
    SupplierCategory.objects.bulk_create(
        SupplierCategory(supplier=s, category=c) for s in suppliers for c in ("taxi", "transfer")
    )
    Contact.objects.bulk_create(Contact(supplier=s, name="Dispatcher") for s in suppliers)
    places = Place.objects.bulk_create(
        Place(kind="cafe", name=f"Bench {i}", name_en=f"Bench {i}") for i in range(n)
    )
    PlaceTagRow.objects.bulk_create(PlaceTagRow(place=p, tag="halal") for p in places)
    OpeningHours.objects.bulk_create(
        OpeningHours(place=p, weekday=d, opens=datetime.time(0), closes=datetime.time(0))
        for p in places
        for d in range(7)
    )
    now = timezone.now()
    ServiceRequest.objects.bulk_create(
        ServiceRequest(
            number=f"BENCH-{i:05d}",
            type="taxi",
            walk_in_name="Bench",
            supplier=s,
            status="done",
            due_at=now,
            done_at=now,
            price=Decimal("1000"),
        )  # fmt: skip
        for i, s in enumerate(suppliers)
    )


def measure(client):
    results = {}
    for url in urls():
        status = client.get(url).status_code
        assert status == 200, (url, status)
        queries = QueryCounter()
        with connection.execute_wrapper(queries):
            client.get(url)
        started = time.perf_counter()
        for _ in range(ROUNDS):
            client.get(url)
        results[url] = (len(queries), (time.perf_counter() - started) / ROUNDS * 1000)
    return results


def main():
    try:
        with transaction.atomic():
            user = get_user_model().objects.create_user("bench-vendors-manager")
            user.groups.add(Group.objects.get(name=roles.MANAGER))
            client = Client()
            client.force_login(user)
            populate(5)
            small = measure(client)
            populate(500)
            large = measure(client)
            raise Rollback
    except Rollback:
        pass
    print(f"{'page':<40}{'q 5':>5}{'q 500':>7}{'ms 5':>9}{'ms 500':>9}{'ratio':>8}")
    for url in urls():
        (q5, t5), (q500, t500) = small[url], large[url]
        print(f"{url:<40}{q5:>5}{q500:>7}{t5:>9.1f}{t500:>9.1f}{t500 / t5:>8.1f}")


if __name__ == "__main__":
    main()
