"""PMS import speed and memory against PostgreSQL COPY, at 15,000 and 150,000 rows.

Builds a PMS CSV from the shared bookings sample (repeated, with new confirmation numbers
for each repetition), then for each size, in a fresh subprocess (so its peak memory is its
own): imports the file with `import_stays`' engine, and loads the same file into a plain
table with COPY. Prints seconds, rows per second, import/COPY ratio, peak memory
(ru_maxrss) and how time and memory grow from the small file to the large one.

    DATABASE_URL=postgres://... python bench/bench_import.py [--rows 15000,150000]

Needs a migrated PostgreSQL database; everything it writes is deleted again.
"""

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guestdesk.settings")

SOURCE = "BENCH"


def build(path: Path, rows: int, base: list[list]) -> None:
    """The sample as a PMS export of `rows` rows: repetitions get new confirmation numbers."""
    from bench import arrivals_sample

    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(arrivals_sample.HEADER)
        for n in range(rows):
            row = list(base[n % len(base)])
            row[0] = f"{row[0]}-{n // len(base)}"
            writer.writerow(row)


def child(path: str, what: str) -> None:
    """Run one measurement in this process and print it as JSON."""
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    settings.DEBUG = False  # as in production: no query log growing with the file

    from arrivals.importer import StayImporter
    from arrivals.models import Stay, StayChange
    from bench import arrivals_sample

    profile = {**arrivals_sample.PROFILE, "source": SOURCE}
    start = time.perf_counter()
    if what == "copy":
        with connection.cursor() as cursor, open(path, encoding="utf-8") as handle:
            columns = ", ".join(f"c{i} text" for i in range(len(arrivals_sample.HEADER)))
            cursor.execute(f"CREATE TEMP TABLE plain_copy ({columns})")
            cursor.copy_expert(
                "COPY plain_copy FROM STDIN WITH (FORMAT csv, HEADER true, DELIMITER ';')", handle
            )
        counts: dict = {}
    else:
        report = StayImporter(profile).run(path, commit=True)
        counts = report["counts"]
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if what == "import":
        StayChange.objects.filter(stay__source=SOURCE).delete()
        guests = list(Stay.objects.filter(source=SOURCE).values_list("guest_id", flat=True))
        Stay.objects.filter(source=SOURCE).delete()
        from arrivals.models import Guest

        Guest.objects.filter(pk__in=guests, stays__isnull=True).delete()
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "counts": counts}))


def measure(path: Path, what: str) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(path), what],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", default="15000,150000")
    parser.add_argument("--child", nargs=2)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    from bench import arrivals_sample

    if not arrivals_sample.available():
        print(f"skipped: {arrivals_sample.SAMPLE} is absent")
        return
    sizes = [int(n) for n in args.rows.split(",")]
    results = {}
    base = list(arrivals_sample.rows())
    with tempfile.TemporaryDirectory() as folder:
        for rows in sizes:
            path = Path(folder) / f"pms-{rows}.csv"
            build(path, rows, base)
            copy, run = measure(path, "copy"), measure(path, "import")
            results[rows] = (copy, run)
            speed = rows / run["seconds"]
            ratio = run["seconds"] / copy["seconds"]
            print(
                f"{rows:>7} rows: import {run['seconds']:6.2f} s ({speed:,.0f} rows/s), "
                f"COPY {copy['seconds']:5.2f} s, import/COPY {ratio:5.1f}x, "
                f"peak memory {run['peak_mb']:.0f} MB  {run['counts']}"
            )
    if len(sizes) == 2:
        (small, large) = sizes
        grow_time = results[large][1]["seconds"] / results[small][1]["seconds"]
        grow_memory = results[large][1]["peak_mb"] / results[small][1]["peak_mb"] - 1
        print(
            f"{large // small}x rows: time x{grow_time:.1f} (target <= 11), "
            f"peak memory +{100 * grow_memory:.0f}% (target < 20%)"
        )


if __name__ == "__main__":
    main()
