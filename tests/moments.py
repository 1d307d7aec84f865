"""Run pytest at several moments of the calendar, two at a time: `make test-dates`.

    python -m tests.moments 2026-12-31T23:50 2028-02-29T01:00 -- tests/board tests/digests

Each moment runs in its own pytest process (`--moment`, see tests/conftest.py) with its own
test database, so two lanes share the machine's cores without sharing tables. The last
line sums up every run: "dates: N passed, N failed".
"""

import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit, urlunsplit

SUMMARY = re.compile(r"(\d+) (passed|failed|errors?)")


def lane_url(url: str, lane: int) -> str:
    """`url` with its database name suffixed, so each lane gets its own test database."""
    if not url or url.startswith("sqlite"):
        return url
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"{parts.path.rstrip('/')}_moment{lane}"))


def run(moment: str, lane: int, args: list[str]) -> tuple[str, int, str]:
    env = {**os.environ, "DATABASE_URL": lane_url(os.environ.get("DATABASE_URL", ""), lane)}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", f"--moment={moment}"]
    result = subprocess.run(command + args, env=env, capture_output=True, text=True)
    return moment, result.returncode, result.stdout + result.stderr


def main(argv: list[str]) -> int:
    if "--" in argv:
        split = argv.index("--")
        moments, args = argv[:split], argv[split + 1 :]
    else:
        moments, args = argv, []
    lanes = max(1, min(int(os.environ.get("MOMENT_LANES", "2")), len(moments)))
    totals = {"passed": 0, "failed": 0}
    worst = 0
    with ThreadPoolExecutor(max_workers=lanes) as pool:
        futures = [pool.submit(run, m, i % lanes, args) for i, m in enumerate(moments)]
        for future in futures:
            moment, code, output = future.result()
            lines = output.rstrip().splitlines()
            print(f"== moment {moment}: exit {code}")
            # Failures in full; a passing run needs only its closing line.
            print("\n".join(lines if code else lines[-1:]), flush=True)
            for count, word in SUMMARY.findall(lines[-1] if lines else ""):
                key = "passed" if word == "passed" else "failed"
                totals[key] += int(count)
            worst = worst or code
    print(f"dates: {totals['passed']} passed, {totals['failed']} failed")
    return worst


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
