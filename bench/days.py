"""Arrival days built from the shared bookings sample's busiest day, through the PMS import.

The busiest arrival day of the sample (215 reservations) is copied onto a far-off date, as
is, or repeated with new confirmation numbers to make a larger day (1,000 arrivals), each
guest with a made-up mobile number. When the sample is absent, synthetic rows of the same
shape stand in.
"""

from __future__ import annotations

import csv
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

from bench import arrivals_sample

SOURCE = "BENCH"
PHONE = "Phone"
FORMAT = "%d.%m.%Y"


def busiest_rows() -> list[list]:
    """The PMS rows of the sample's busiest arrival day (synthetic ones without the sample)."""
    if not arrivals_sample.available():
        return [
            [f"S{i:06d}", f"Bench{i}, Гость{i}", "18.09.2015", "21.09.2015", f"A{100 + i}",
             2, i % 3, "VIP1" if i % 9 == 0 else "", ["RUS", "KAZ", "DEU"][i % 3], "", ""]
            for i in range(215)
        ]  # fmt: skip
    return list(arrivals_sample.rows(arriving=arrivals_sample.busiest_day()))


def write(path: Path, base: list[list], day: date, count: int) -> None:
    """`count` rows arriving on `day`, cycling through `base` with new confirmation numbers."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow([*arrivals_sample.HEADER, PHONE])
        for n in range(count):
            row = list(base[n % len(base)])
            # The sample carries no phone numbers; a PMS export has one for most guests,
            # and lists show them: a made-up mobile per sample guest.
            row.append(f"+7 701 {5_000_000 + n % len(base):07d}")
            arrival = datetime.strptime(row[2], FORMAT).date()
            nights = datetime.strptime(row[3], FORMAT).date() - arrival
            row[0] = f"{row[0]}-{day:%Y%m%d}-{n // len(base)}"
            row[2] = f"{day:{FORMAT}}"
            row[3] = f"{day + max(nights, timedelta(days=1)):{FORMAT}}"
            row[9] = ""  # all expected, so every row offers its actions
            writer.writerow(row)


def load(base: list[list], day: date, count: int) -> int:
    """Import `count` arrivals on `day` with the PMS importer; returns the stays created."""
    from arrivals.importer import StayImporter

    columns = {**arrivals_sample.PROFILE["columns"], "phone": PHONE}
    profile = {**arrivals_sample.PROFILE, "source": SOURCE, "columns": columns}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "day.csv"
        write(path, base, day, count)
        report = StayImporter(profile).run(path, commit=True)
    return report["counts"].get("created", count)


def remove() -> None:
    """Delete what load() created (for benchmarks that must commit, as under gunicorn)."""
    from arrivals.models import Guest, Stay, StayChange

    StayChange.objects.filter(stay__source=SOURCE).delete()
    guests = list(Stay.objects.filter(source=SOURCE).values_list("guest_id", flat=True))
    Stay.objects.filter(source=SOURCE).delete()
    Guest.objects.filter(pk__in=guests, stays__isnull=True).delete()
