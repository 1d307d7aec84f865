"""Run the benchmarks, print one table of ratios and write bench/results.json.

Every figure is a pair measured in the same run, alternately, as medians (see
bench/harness.py): a page against the floor (base.html behind the same middleware and
login), against Django's admin listing the same rows, a large day against a small one,
the PMS import against COPY. BENCH_SCALE=small (the default) finishes in a few minutes;
BENCH_SCALE=large uses more rounds and larger files. Everything a benchmark creates is
rolled back or deleted.
"""

from __future__ import annotations

import json
import os
import platform
import re
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCALE = os.environ.get("BENCH_SCALE", "small")
IMPORT_ROWS = {"small": "2000,20000", "large": "15000,150000"}
SCRIPTS = [
    "bench_arrivals.py",
    "bench_board.py",
    "bench_vendors.py",
    "bench_requests.py",
    "bench_digests.py",
    "bench_throughput.py",
    "bench_api.py",
]
# What the table shows, with the targets of docs/PERFORMANCE.md.
TARGETS = {
    "arrivals_vs_admin": 0.25,
    "arrivals_vs_floor": 4,
    "arrivals_1000_vs_215": 4,
    "board_vs_floor": 5,
    "board_search_vs_floor": 5,
    "guest_vs_floor": 1.5,
    "guest_uncached_vs_floor": None,
    "calendar_vs_floor": 1.5,
    "directory_vs_floor": 5,
    "directory_category_vs_floor": 5,
    "guide_vs_floor": 5,
    "guide_filtered_vs_floor": 5,
    "commission_vs_floor": 5,
    "request_board_vs_floor": 5,
    "digests_vs_arrivals_pages": 1,
    "api_upsert_vs_file": 3,
}


def run(args: list[str]) -> tuple[int, str]:
    """Run one benchmark, echoing its output; returns its exit code and output."""
    print(f"\n## {' '.join(args)}\n", flush=True)
    process = subprocess.run(
        [sys.executable, *args], cwd=HERE.parent, capture_output=True, text=True
    )
    for line in process.stdout.splitlines():
        if not line.startswith("RESULTS "):
            print(line)
    if process.returncode:
        print(process.stderr[-3000:], file=sys.stderr)
    return process.returncode, process.stdout


def results_of(output: str) -> dict:
    lines = [line for line in output.splitlines() if line.startswith("RESULTS ")]
    return json.loads(lines[-1].removeprefix("RESULTS ")) if lines else {}


def import_results(output: str) -> dict:
    """The figures bench_import.py prints, as numbers."""
    runs = re.findall(
        r"(\d+) rows: import\s+([\d.]+) s .*?COPY\s+([\d.]+) s.*?peak memory (\d+) MB", output
    )
    growth = re.search(r"time x([\d.]+).*?peak memory \+?(-?\d+)%", output)
    results: dict = {}
    if runs:
        rows, seconds, copy, _memory = runs[0]
        results["import_vs_copy"] = {
            "rows": int(rows), "import_s": float(seconds), "copy_s": float(copy),
            "ratio": round(float(seconds) / float(copy), 1),
        }  # fmt: skip
        results["import_runs"] = [
            {"rows": int(r), "import_s": float(s), "copy_s": float(c), "peak_mb": int(m)}
            for r, s, c, m in runs
        ]
    if growth:
        results["import_time_growth"] = float(growth.group(1))
        results["import_memory_growth"] = int(growth.group(2)) / 100
    return results


def database() -> str:
    sys.path.insert(0, str(HERE.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guestdesk.settings")
    import django

    django.setup()
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT version()") if connection.vendor == "postgresql" else None
        version = cursor.fetchone()[0] if connection.vendor == "postgresql" else ""
    return f"{connection.vendor} {version.split(' on ')[0]}".strip()


def ratio(value: object) -> str:
    if isinstance(value, dict):
        return f"{value['ratio']:.2f}x"
    return "—" if value is None else str(value)


def table(results: dict) -> None:
    print(f"\n## Summary ({results['scale']}, {results['date']}, {results['database']})\n")
    print(f"{'figure':<30}{'page':>12}{'reference':>12}{'ratio':>10}{'target':>9}  met")
    for key, target in TARGETS.items():
        value = results.get(key)
        if not isinstance(value, dict):
            continue
        met = "" if target is None else ("yes" if value["ratio"] <= target else "no")
        aim = "" if target is None else f"{target:>8}x"
        print(f"{key:<30}{value['ms']:>10.1f}ms{value['reference_ms']:>10.1f}ms"
              f"{value['ratio']:>9.2f}x{aim}  {met}")  # fmt: skip
    tp = results.get("throughput_vs_floor")
    if tp:
        met = "yes" if tp["ratio"] >= 0.25 else "no"
        print(f"{'throughput_vs_floor':<30}{tp['rps']:>8.1f}r/s{tp['reference_rps']:>9.1f}r/s"
              f"{tp['ratio']:>9.2f}x{'>=0.25':>9}  {met}")  # fmt: skip
    else:
        print(
            f"{'throughput_vs_floor':<30}{'skipped: ' + str(results.get('throughput_skipped')):>40}"
        )
    for key in ("import_vs_copy", "import_time_growth", "import_memory_growth",
                "digest_queries_small", "digest_queries_large", "arrivals_queries",
                "arrivals_html_kb", "request_board_index_scan"):  # fmt: skip
        print(f"{key:<30}{ratio(results.get(key)):>34}")


def main() -> int:
    started = time.monotonic()
    results: dict = {
        "scale": SCALE,
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.node()} {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        "database": database(),
    }
    failed = 0
    for script in SCRIPTS:
        code, output = run([str(HERE / script)])
        failed += code != 0
        results.update(results_of(output))
    code, output = run([str(HERE / "bench_import.py"), "--rows", IMPORT_ROWS[SCALE]])
    failed += code != 0
    results.update(import_results(output))
    results["seconds"] = round(time.monotonic() - started)
    (HERE / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    table(results)
    print(f"\n{results['seconds']} s; wrote {HERE / 'results.json'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
