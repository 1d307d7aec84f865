"""1,000 stays pushed in one API call against the same 1,000 rows imported from a file.

Both go through the stays importer (the API adds JSON parsing, the key check, the
all-or-nothing check, a lock per stay and the call log); the target is at most 3x.
Each round writes new stays (new confirmation numbers); everything is rolled back.

    DATABASE_URL=postgres://... python bench/bench_api.py
"""

import csv
import json
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import harness  # noqa: E402

harness.setup()

from django.utils import timezone  # noqa: E402

from api.models import ApiKey  # noqa: E402
from arrivals.importer import StayImporter  # noqa: E402

ROWS = 1000
ROUNDS = 5 if harness.SCALE == "small" else 9
COUNTRIES = ["KZ", "RU", "DE", "GB", "CN", "TR", "AE", "US", "FR", "UZ"]


def stays(prefix: str) -> list[dict]:
    day = timezone.localdate() + timedelta(days=10)
    return [
        {
            "confirmation_number": f"{prefix}-{n}",
            "first_name": f"Guest{n % 97}",
            "last_name": f"Bench{n}",
            "arrival_date": (day + timedelta(days=n % 7)).isoformat(),
            "departure_date": (day + timedelta(days=n % 7 + 3)).isoformat(),
            "room": str(100 + n % 400),
            "adults": str(1 + n % 3),
            "nationality": COUNTRIES[n % len(COUNTRIES)],
            "language": "ru",
            "email": f"bench{n}@example.org",
            "phone": f"+7701{n:07d}",
            "notes": "Late arrival" if n % 5 == 0 else "",
        }
        for n in range(ROWS)
    ]


def main() -> dict:
    folder = Path(tempfile.mkdtemp())
    rounds = {"file": 0, "api": 0}
    fields = list(stays("x")[0])
    profile = {"source": "BENCH", "date_format": "%Y-%m-%d", "delimiter": ",",
               "columns": {f: f for f in fields}}  # fmt: skip
    results: dict = {}
    with harness.rolled_back():
        _key, secret = ApiKey.objects.create_key(name="bench", scopes=["stays:write"])
        browser = harness.client()

        def from_file() -> None:
            rounds["file"] += 1
            path = folder / f"file-{rounds['file']}.csv"
            with path.open("w", newline="", encoding="utf-8") as handle:
                writer = csv.DictWriter(handle, fieldnames=fields)
                writer.writeheader()
                writer.writerows(stays(f"F{rounds['file']}"))
            report = StayImporter(profile, trusted=True).run(path, commit=True)
            assert report["counts"]["created"] == ROWS, report["counts"]

        def from_api() -> None:
            rounds["api"] += 1
            body = [{"source": "BENCH", **row} for row in stays(f"A{rounds['api']}")]
            answer = browser.post(
                "/api/v1/stays/",
                json.dumps(body),
                content_type="application/json",
                HTTP_AUTHORIZATION=f"Api-Key {secret}",
            )
            assert answer.status_code == 200, answer.content[:500]

        results["api_upsert_vs_file"] = harness.pair(from_api, from_file, rounds=ROUNDS)
    figure = results["api_upsert_vs_file"]
    print(f"{ROWS} stays: API {figure['ms']:.0f} ms, file {figure['reference_ms']:.0f} ms, "
          f"ratio {figure['ratio']:.2f}x (target <= 3x)")  # fmt: skip
    return results


if __name__ == "__main__":
    harness.report(main())
