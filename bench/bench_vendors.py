"""Supplier directory, local guide and commission report at 500 rows, against the floor.

Pairs are timed alternately in one run (bench/harness.py); everything it creates is
rolled back.
"""

import datetime
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import harness  # noqa: E402

harness.setup()

from django.db import connection  # noqa: E402
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

ROWS = 500


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


def main() -> dict:
    results: dict = {}
    with harness.rolled_back():
        _user, client = harness.staff_client("bench-vendors-manager", roles.MANAGER)
        populate(ROWS)
        # Statistics for what was just written, as autovacuum's analyze keeps them in
        # production: without them the planner takes the 500 new requests for one row
        # and joins every supplier to every request (rolled back with the rest).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE requests_desk_servicerequest, vendors_supplier")
        floor = harness.get(client, harness.FLOOR)
        names = ["directory", "directory_category", "guide", "guide_filtered", "commission"]
        for name, url in zip(names, urls(), strict=True):
            results[f"{name}_vs_floor"] = harness.pair(harness.get(client, url), floor)
    harness.print_pairs(results)
    return results


if __name__ == "__main__":
    harness.report(main())
