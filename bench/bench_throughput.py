"""Requests per second under gunicorn (2 workers, production settings, loopback) with wrk:
the arrivals page of the busiest day against the floor, logged in, alternating runs.

Needs wrk (Debian package `wrk`); without it the benchmark says so and reports nothing.
What it creates (a day of stays, a user, a session) is committed for gunicorn to see and
deleted at the end.
"""

import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
# Sessions are signed with the key, so the bench and gunicorn share one (not the dev key).
os.environ["SECRET_KEY"] = secrets.token_urlsafe(48)

from bench import harness  # noqa: E402

harness.setup()

from django.contrib.auth import get_user_model  # noqa: E402

from arrivals.models import ImportBatch  # noqa: E402
from bench import days  # noqa: E402

DAY = date(2031, 3, 5)
DURATION = 5 if harness.SCALE == "small" else 15
RUNS = 5 if harness.SCALE == "small" else 7  # runs of each side; the median is reported


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, headers: dict, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    error: object = None
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as answer:
                if answer.status == 200:
                    return
        except OSError as problem:
            error = problem
            time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer {url}: {error}")


def wrk(url: str, headers: dict) -> float:
    args = ["wrk", "-t2", "-c8", f"-d{DURATION}s"]
    for name, value in headers.items():
        args += ["-H", f"{name}: {value}"]
    out = subprocess.run([*args, url], capture_output=True, text=True, check=True).stdout
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non_2xx:
        raise RuntimeError(f"{url}: {non_2xx.group(1)} failed responses\n{out}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def main() -> dict:
    if not shutil.which("wrk"):
        print("SKIPPED: wrk is missing (install the Debian package: apt-get install wrk)")
        return {"throughput_vs_floor": None, "throughput_skipped": "wrk is missing"}
    base = days.busiest_rows()
    last_batch = ImportBatch.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    user = get_user_model().objects.create_superuser(f"bench-wrk-{secrets.token_hex(4)}", "", "x")
    gunicorn = None
    try:
        stays = days.load(base, DAY, len(base))
        client = harness.client(user)
        cookie = client.cookies["sessionid"].value
        port = free_port()
        env = {
            **os.environ,
            "GUESTDESK_ENV": "production",
            "DEBUG": "false",
            "ALLOWED_HOSTS": "localhost,127.0.0.1",
        }
        # Production serves hashed static files: collect them as a deployment would.
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
            cwd=harness.ROOT, env=env, check=True,
        )  # fmt: skip
        gunicorn = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "bench.wsgi:application", "--workers", "2",
             "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
            cwd=harness.ROOT, env=env,
        )  # fmt: skip
        # TLS ends at the proxy in production; tell Django the request came over HTTPS.
        headers = {"Cookie": f"sessionid={cookie}", "X-Forwarded-Proto": "https"}
        page = f"http://127.0.0.1:{port}/arrivals/{DAY}/"
        floor = f"http://127.0.0.1:{port}{harness.FLOOR}"
        wait_for(page, headers)
        wait_for(floor, headers)
        rates: tuple[list[float], list[float]] = ([], [])
        for n in range(RUNS):
            order = ((0, page), (1, floor)) if n % 2 == 0 else ((1, floor), (0, page))
            for side, url in order:
                rates[side].append(wrk(url, headers))
        a, b = statistics.median(rates[0]), statistics.median(rates[1])
        results = {
            "throughput_vs_floor": {"rps": a, "reference_rps": b, "ratio": round(a / b, 3)},
            "throughput_stays": stays,
        }
        print(f"gunicorn, 2 workers, wrk 8 connections x {DURATION} s, median of {RUNS}: "
              f"arrivals ({stays} stays) {a:.1f} req/s, floor {b:.1f} req/s "
              f"= {a / b:.3f}")  # fmt: skip
        return results
    finally:
        if gunicorn:
            gunicorn.terminate()
            gunicorn.wait(10)
        days.remove()
        ImportBatch.objects.filter(pk__gt=last_batch).delete()
        user.delete()


if __name__ == "__main__":
    harness.report(main())
