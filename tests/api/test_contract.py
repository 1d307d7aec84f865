"""A stay pushed through the API ends exactly as the same stay imported from a file."""

import csv
from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from arrivals import importer
from arrivals.models import Guest, Stay, StayChange
from tests.api.conftest import stay_json
from tests.arrivals.factories import vip

pytestmark = pytest.mark.django_db
IGNORED = {"id", "guest", "guest_id", "created_at", "updated_at"}


def snapshot():
    """Every stay, its guest and its history, without ids and clocks."""
    rows = []
    for stay in Stay.objects.select_related("guest").order_by("confirmation_number"):
        values = {
            f.attname: getattr(stay, f.attname)
            for f in Stay._meta.concrete_fields
            if f.attname not in IGNORED
        }
        guest = {
            f.attname: str(getattr(stay.guest, f.attname))
            for f in Guest._meta.concrete_fields
            if f.attname not in IGNORED
        }
        history = [
            (c.kind, {k: v for k, v in c.changes.items() if k != "created"})
            for c in StayChange.objects.filter(stay=stay).order_by("pk")
        ]
        rows.append((values, guest, history))
    return rows


def import_file(tmp_path, items, name):
    fields = list(items[0])
    path = tmp_path / name
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(items)
    profile = {
        "source": items[0]["source"],
        "delimiter": ",",
        "date_format": "%Y-%m-%d",
        "columns": {f: f for f in fields if f != "source"},
    }
    report = importer.Importer(profile, trusted=True).run(path, commit=True)
    assert report["counts"]["rejected"] == 0, report["rows"]


def versions():
    day = timezone.localdate() + timedelta(days=3)
    first = [
        {
            k: str(v)
            for k, v in stay_json(
                f"K-{i}",
                arrival_date=day.isoformat(),
                departure_date=(day + timedelta(days=2)).isoformat(),
                vip_code="VIP1" if i == 0 else "",
            ).items()
        }
        for i in range(3)
    ]
    # The PMS's later version: a room move, a new VIP, longer stay, a guest's new email.
    second = [dict(row) for row in first]
    second[0]["room"] = "1204"
    second[1]["vip_code"] = "VIP1"
    second[2]["departure_date"] = (day + timedelta(days=4)).isoformat()
    second[2]["email"] = "new@example.kz"
    return first, second


def test_the_api_and_a_file_leave_the_same_stays_and_history(pms, tmp_path):
    vip("VIP1")
    first, second = versions()
    point = transaction.savepoint()
    import_file(tmp_path, first, "day-1.csv")
    import_file(tmp_path, second, "day-2.csv")
    from_file = snapshot()
    transaction.savepoint_rollback(point)
    assert not Stay.objects.exists()

    assert pms.post("/api/v1/stays/", first, format="json").status_code == 200
    assert pms.post("/api/v1/stays/", second, format="json").status_code == 200
    from_api = snapshot()

    assert from_api == from_file
    assert len(from_api) == 3 and all(len(history) == 2 for _s, _g, history in from_api)
