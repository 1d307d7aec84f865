"""Soak test: the production set-up under simulated agents for a bounded time, on loopback.

Starts gunicorn (2 workers, production settings over plain HTTP), a Celery worker and beat
on Redis and a scratch PostgreSQL database (migrated, demo data loaded). Agents log in
through the login form and, until the time is up, create guest requests, move them along,
import small stay files and read the arrivals list, the request board, the hotel board and
the supplier directory, while beat ticks the digests every few seconds. Then it checks,
against what the agents sent: no 5xx answer, every created request present once in the
status its agent last moved it to, every imported stay present once, and PostgreSQL's
connections within the budget the settings imply. Prints a summary and writes
bench/soak.json; exits 1 when a check fails.

    python -m bench.soak --seconds 120
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import defaultdict
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit
from zoneinfo import ZoneInfo

import psycopg2

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"  # loopback only
PG = {"host": HOST, "port": int(os.environ.get("SOAK_PG_PORT", "5432")), "user": "postgres"}
REDIS_URL = os.environ.get("GUESTDESK_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
DEMO_PASSWORD = "guestdesk-demo"
AGENTS = ("agent", "agent2", "agent", "agent2")  # two sessions per demo agent
GUNICORN_WORKERS = 2
WORKER_CONCURRENCY = 2
CONN_MAX_AGE = 60
DIGEST_TICK_SECONDS = 5
HTTP_TIMEOUT = 30
MAX_ACTIONS_PER_AGENT = 20_000  # a bound on each loop besides the clock
TZ = ZoneInfo(os.environ.get("TIME_ZONE", "Asia/Almaty"))
# Each agent's next step in a request's life: (to_status, extra form fields).
NEXT_MOVE = {
    "new": ("in_progress", {}),
    "in_progress": ("booked", {"reference": "SOAK-REF"}),
    "booked": ("done", {}),
}
# The demo OPERA profile's columns (guestdesk's arrivals demo); a file must have them all.
IMPORT_HEADER = (
    "Conf No;Guest Name;Arrival;ETA;Departure;Room;Adults;Children;VIP;Nationality;Language;"
    "Email;Phone;Comments;Company"
)


class SoakError(Exception):
    pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def port_open(port: int) -> bool:
    try:
        with socket.create_connection((HOST, port), timeout=0.5):
            return True
    except OSError:
        return False


# --- HTTP client: one agent's browser (cookies, CSRF), over http.client --------------------


@dataclass
class Stats:
    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: dict[str, dict[int, int]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(int))
    )
    failures: list[str] = field(default_factory=list)

    def record(self, endpoint: str, seconds: float, status: int) -> None:
        with self.lock:
            self.latencies[endpoint].append(seconds)
            self.statuses[endpoint][status] += 1

    def fail(self, text: str) -> None:
        with self.lock:
            if len(self.failures) < 200:
                self.failures.append(text)


class Browser:
    def __init__(self, port: int, stats: Stats):
        self.port = port
        self.stats = stats
        self.cookies: dict[str, str] = {}
        self.connection: http.client.HTTPConnection | None = None

    def request(
        self,
        endpoint: str,
        method: str,
        path: str,
        body: bytes | None = None,
        content_type: str | None = None,
    ) -> tuple[int, dict[str, str], str]:
        headers = {"Host": f"{HOST}:{self.port}", "Accept-Language": "en"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if content_type:
            headers["Content-Type"] = content_type
        started = time.perf_counter()
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(HOST, self.port, timeout=HTTP_TIMEOUT)
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                text = response.read().decode("utf-8", "replace")
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                # gunicorn's sync workers close idle keep-alive connections: reconnect once.
                self.connection.close()
                self.connection = None
                if attempt == 2:
                    raise
        elapsed = time.perf_counter() - started
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        self.stats.record(endpoint, elapsed, response.status)
        if response.status >= 500:
            self.stats.fail(f"{method} {path}: {response.status}")
        return response.status, dict(response.headers.items()), text

    def get(self, endpoint: str, path: str) -> tuple[int, dict[str, str], str]:
        return self.request(endpoint, "GET", path)

    def post(
        self,
        endpoint: str,
        path: str,
        data: dict[str, str],
        files: dict[str, tuple[str, bytes]] | None = None,
    ) -> tuple[int, dict[str, str], str]:
        data = {**data, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
        if files:
            boundary = uuid.uuid4().hex
            parts = []
            for name, value in data.items():
                parts.append(
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                    f"{value}\r\n".encode()
                )
            for name, (filename, content) in files.items():
                parts.append(
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                    f'filename="{filename}"\r\nContent-Type: text/csv\r\n\r\n'.encode()
                    + content
                    + b"\r\n"
                )
            body = b"".join(parts) + f"--{boundary}--\r\n".encode()
            content_type = f"multipart/form-data; boundary={boundary}"
            return self.request(endpoint, "POST", path, body, content_type)
        return self.request(
            endpoint, "POST", path, urlencode(data).encode(), "application/x-www-form-urlencoded"
        )

    def login(self, username: str) -> None:
        status, _, _ = self.get("login", "/accounts/login/")
        if status != 200 or "csrftoken" not in self.cookies:
            raise SoakError(f"login page answered {status} without a CSRF cookie")
        status, headers, _ = self.post(
            "login", "/accounts/login/", {"username": username, "password": DEMO_PASSWORD}
        )
        if status != 302 or "sessionid" not in self.cookies:
            raise SoakError(f"{username} could not log in (answer {status})")

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()


# --- Agents -------------------------------------------------------------------------------


@dataclass
class Ledger:
    """What the clients sent and were told succeeded: the truth the database must match."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    requests: dict[str, str] = field(default_factory=dict)  # number -> last status moved to
    markers: dict[str, str] = field(default_factory=dict)  # walk-in marker -> number
    stays: list[str] = field(default_factory=list)  # imported confirmation numbers
    moves: int = 0
    created_unconfirmed: list[str] = field(default_factory=list)


def local_now() -> datetime:
    return datetime.now(TZ)


class Agent(threading.Thread):
    def __init__(
        self, index: int, username: str, port: int, deadline: float, stats: Stats, ledger: Ledger
    ):
        super().__init__(name=f"agent-{index}", daemon=True)
        self.index = index
        self.username = username
        self.browser = Browser(port, stats)
        self.deadline = deadline
        self.stats = stats
        self.ledger = ledger
        self.random = random.Random(index)
        self.mine: dict[str, str] = {}  # open requests this agent created: number -> status
        self.sequence = 0
        self.error: str | None = None

    def run(self) -> None:
        try:
            self.browser.login(self.username)
            for _ in range(MAX_ACTIONS_PER_AGENT):
                if time.monotonic() >= self.deadline:
                    break
                self.step()
                time.sleep(self.random.uniform(0.02, 0.1))  # an agent's think time
        except Exception as exc:  # reported, and counted as an error of the run
            self.error = f"{self.name}: {type(exc).__name__}: {exc}"
            self.stats.fail(self.error)
        finally:
            self.browser.close()

    def step(self) -> None:
        roll = self.random.random()
        if roll < 0.2:
            self.create_request()
        elif roll < 0.45 and self.mine:
            self.move_request()
        elif roll < 0.5:
            self.import_stays()
        else:
            endpoint, path = self.random.choice(
                [
                    ("arrivals", "/arrivals/"),
                    ("request board", "/requests/"),
                    ("hotel board", "/board/"),
                    ("directory", "/vendors/"),
                ]
            )
            status, _, _ = self.browser.get(endpoint, path)
            if status != 200:
                self.stats.fail(f"GET {path}: {status}")

    def marker(self) -> str:
        self.sequence += 1
        return f"Soak-{self.index}-{self.sequence}"

    def create_request(self) -> None:
        marker = self.marker()
        pickup = (local_now() + timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M")
        data = {
            "type": "taxi",
            "priority": "normal",
            "currency": "KZT",
            "walk_in_name": marker,
            "taxi-pickup_at": pickup,
            "taxi-pickup_place": "Hotel",
            "taxi-destination": "Medeu",
            "taxi-passengers": "2",
        }
        status, headers, _ = self.browser.post("create request", "/requests/new/", data)
        location = headers.get("Location", "")
        match = re.fullmatch(r"/requests/([^/]+)/", urlsplit(location).path)
        if status != 302 or not match:
            self.stats.fail(f"create {marker}: {status} {location}")
            with self.ledger.lock:
                self.ledger.created_unconfirmed.append(marker)
            return
        number = match.group(1)
        self.mine[number] = "new"
        with self.ledger.lock:
            self.ledger.requests[number] = "new"
            self.ledger.markers[marker] = number

    def move_request(self) -> None:
        number = self.random.choice(sorted(self.mine))
        current = self.mine[number]
        if self.random.random() < 0.1:
            to_status, extra = "cancelled", {"reason": "Guest changed plans"}
        else:
            to_status, extra = NEXT_MOVE[current]
        data = {"to_status": to_status, "expected": current, **extra}
        status, headers, _ = self.browser.post("move status", f"/requests/{number}/status/", data)
        if status != 302:
            self.stats.fail(f"move {number} to {to_status}: {status}")
            return
        # The page after the move says whether it happened; the agent believes what it reads.
        page_status, _, page = self.browser.get("request detail", f"/requests/{number}/")
        if page_status != 200 or "The request is now" not in page:
            self.stats.fail(f"move {number} to {to_status}: not confirmed on the page")
            return
        with self.ledger.lock:
            self.ledger.requests[number] = to_status
            self.ledger.moves += 1
        if to_status in NEXT_MOVE:
            self.mine[number] = to_status
        else:
            del self.mine[number]

    def wait_for_batch(self, pk: str, wanted: str, timeout: float = 60) -> bool:
        """Poll the batch's progress until the worker reaches `wanted` (bounded in time)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status, _, body = self.browser.get(
                "import progress", f"/arrivals/import/{pk}/progress/"
            )
            if status != 200:
                self.stats.fail(f"import {pk} progress: {status}")
                return False
            state = json.loads(body)
            if state["status"] == wanted:
                return True
            if not state["running"] and state["status"] not in ("pending", "queued"):
                self.stats.fail(f"import {pk}: {state['status']}, not {wanted}")
                return False
            time.sleep(0.3)
        self.stats.fail(f"import {pk}: not {wanted} after {timeout:.0f} s")
        return False

    def import_stays(self) -> None:
        today = local_now().date()
        confirmations = [f"SOAK-{self.index}-{self.sequence + 1}-{i}" for i in range(3)]
        self.sequence += 1
        rows = [IMPORT_HEADER] + [
            f"{conf};Soakova, Anna;{today + timedelta(days=1):%d.%m.%Y};"
            f"14:00;{today + timedelta(days=3):%d.%m.%Y};{500 + i};2;0;;KAZ;ru;;;;"
            for i, conf in enumerate(confirmations)
        ]
        content = "\r\n".join(rows).encode("cp1251")
        status, _, imports_page = self.browser.get("imports", "/arrivals/import/")
        match = re.search(r'<option value="(\d+)"[^>]*>OPERA arrivals \(demo\)', imports_page)
        if status != 200 or not match:
            self.stats.fail(f"import page: {status}, demo profile not offered")
            return
        status, headers, _ = self.browser.post(
            "import upload",
            "/arrivals/import/",
            {"profile": match.group(1)},
            files={"file": (f"soak-{self.index}-{self.sequence}.csv", content)},
        )
        batch = re.fullmatch(r"/arrivals/import/(\d+)/", urlsplit(headers.get("Location", "")).path)
        if status != 302 or not batch:
            self.stats.fail(f"import upload: {status}")
            return
        pk = batch.group(1)
        # Every import runs in the worker: wait for the check, import, wait for the result.
        if not self.wait_for_batch(pk, "checked"):
            return
        status, _, _ = self.browser.post("import commit", f"/arrivals/import/{pk}/commit/", {})
        if status != 302:
            self.stats.fail(f"import commit: {status}")
            return
        if not self.wait_for_batch(pk, "done"):
            return
        status, _, page = self.browser.get("import result", f"/arrivals/import/{pk}/")
        if status != 200 or "created 3, updated 0" not in page:
            self.stats.fail(f"import {pk}: the page does not report 3 stays created")
            return
        with self.ledger.lock:
            self.ledger.stays.extend(confirmations)


# --- Processes and the scratch database ---------------------------------------------------


class Services:
    """Scratch database, gunicorn, Celery worker and beat; all stopped and dropped on exit."""

    def __init__(self) -> None:
        self.database = f"gd_soak_{uuid.uuid4().hex[:8]}"
        self.port = free_port()
        self.work = Path(tempfile.mkdtemp(prefix="guestdesk-soak-"))
        self.processes: list[tuple[str, subprocess.Popen[bytes]]] = []
        self.queue = f"soak-{uuid.uuid4().hex[:8]}"
        self.env = {
            **{k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE"}},
            "GUESTDESK_ENV": "production",
            "SECRET_KEY": "soak-test-key-" + "x" * 50,
            "ALLOWED_HOSTS": HOST,
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_COOKIES": "false",
            "DATABASE_URL": f"postgres://{PG['user']}@{HOST}:{PG['port']}/{self.database}",
            "CONN_MAX_AGE": str(CONN_MAX_AGE),
            "CELERY_BROKER_URL": REDIS_URL,
            "CACHE_URL": REDIS_URL,
            "CELERY_TASK_DEFAULT_QUEUE": self.queue,
            "DIGEST_TICK_SECONDS": str(DIGEST_TICK_SECONDS),
            "GUESTDESK_VAR_DIR": str(self.work / "var"),
            "MEDIA_ROOT": str(self.work / "media"),
            "LOG_LEVEL": "WARNING",
        }
        for name in ("EMAIL_HOST", "EMAIL_PORT"):  # emails go to the worker's console
            self.env.pop(name, None)

    def admin(self) -> Any:
        connection = psycopg2.connect(dbname="postgres", connect_timeout=5, **PG)
        connection.autocommit = True
        return connection

    def manage(self, *args: str, env: dict[str, str] | None = None) -> None:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env or self.env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if result.returncode != 0:
            raise SoakError(f"manage.py {args[0]} failed:\n{result.stdout}\n{result.stderr}")

    def start(self, name: str, command: list[str]) -> None:
        log = (self.work / f"{name}.log").open("wb")
        process = subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=log, stderr=log)
        self.processes.append((name, process))

    def __enter__(self) -> Services:
        try:
            return self._start_all()
        except BaseException:
            self.__exit__()
            raise

    def _start_all(self) -> Services:
        with closing(self.admin()) as connection, connection.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{self.database}"')
        self.manage("migrate", "--no-input", "-v0")
        # The demo hotel with its known logins: load_demo refuses a production installation,
        # so it runs with development settings on the same scratch database.
        self.manage("load_demo", env={**self.env, "GUESTDESK_ENV": "development"})
        self.manage("collectstatic", "--no-input", "-v0")
        python = sys.executable
        self.start(
            "gunicorn",
            [
                python, "-m", "gunicorn", "guestdesk.wsgi",
                "--bind", f"{HOST}:{self.port}",
                "--workers", str(GUNICORN_WORKERS),
                "--timeout", str(HTTP_TIMEOUT),
            ],
        )  # fmt: skip
        celery = [python, "-m", "celery", "-A", "guestdesk"]
        self.start(
            "worker",
            celery + [
                "worker", "-P", "threads", "-c", str(WORKER_CONCURRENCY), "-Q", self.queue,
                "--without-heartbeat", "--without-mingle", "--without-gossip", "--loglevel=INFO",
            ],
        )  # fmt: skip
        self.start(
            "beat",
            celery + ["beat", "--loglevel=INFO", "-s", str(self.work / "celerybeat-schedule")],
        )
        deadline = time.monotonic() + 60
        while not port_open(self.port):
            if time.monotonic() > deadline or any(p.poll() is not None for _, p in self.processes):
                raise SoakError("gunicorn did not start:\n" + self.log("gunicorn"))
            time.sleep(0.2)
        while " ready." not in self.log("worker"):
            if time.monotonic() > deadline:
                raise SoakError("the Celery worker did not start:\n" + self.log("worker"))
            time.sleep(0.2)
        return self

    def log(self, name: str) -> str:
        path = self.work / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def alive(self) -> list[str]:
        return [name for name, process in self.processes if process.poll() is None]

    def __exit__(self, *exc: object) -> None:
        for _, process in self.processes:
            if process.poll() is None:
                process.terminate()
        for _, process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        try:
            with closing(self.admin()) as connection, connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
        except psycopg2.Error:
            pass  # the server is gone: nothing left to drop
        finally:
            shutil.rmtree(self.work, ignore_errors=True)


class ConnectionWatch(threading.Thread):
    """Samples PostgreSQL's connections (to the scratch database, and in all) once a second."""

    def __init__(self, services: Services, stop: threading.Event):
        super().__init__(name="connection-watch", daemon=True)
        self.services = services
        self.stop_event = stop
        self.peak_database = 0
        self.peak_server = 0
        self.max_connections = 0
        self.samples = 0

    def run(self) -> None:
        connection = self.services.admin()
        try:
            with connection.cursor() as cursor:
                cursor.execute("SHOW max_connections")
                self.max_connections = int(cursor.fetchone()[0])
                for _ in range(24 * 3600):
                    cursor.execute(
                        "SELECT count(*) FILTER (WHERE datname = %s), count(*) "
                        "FROM pg_stat_activity WHERE backend_type = 'client backend'",
                        [self.services.database],
                    )
                    database, server = cursor.fetchone()
                    self.peak_database = max(self.peak_database, database)
                    self.peak_server = max(self.peak_server, server)
                    self.samples += 1
                    if self.stop_event.wait(1.0):
                        break
        finally:
            connection.close()


def verify(services: Services, ledger: Ledger) -> dict[str, Any]:
    """Compare the database with what the agents were told."""
    connection = psycopg2.connect(dbname=services.database, connect_timeout=5, **PG)
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT walk_in_name, number, status FROM requests_desk_servicerequest "
                "WHERE walk_in_name LIKE 'Soak-%%'"
            )
            rows = cursor.fetchall()
            cursor.execute(
                "SELECT confirmation_number, count(*) FROM arrivals_stay "
                "WHERE confirmation_number LIKE 'SOAK-%%' GROUP BY confirmation_number"
            )
            stays = dict(cursor.fetchall())
            cursor.execute("SELECT count(*) FROM digests_digest")
            digests = cursor.fetchone()[0]
    finally:
        connection.close()
    by_marker: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for marker, number, status in rows:
        by_marker[marker].append((number, status))
    lost, duplicated, wrong_status, unexpected = [], [], [], []
    for marker, number in ledger.markers.items():
        found = by_marker.get(marker, [])
        if not found:
            lost.append(number)
        elif len(found) > 1:
            duplicated.append(number)
        elif found[0] != (number, ledger.requests[number]):
            wrong_status.append(f"{number}: {found[0][1]}, expected {ledger.requests[number]}")
    for marker in set(by_marker) - set(ledger.markers):
        # Created although the client saw no success (e.g. an answer lost on the way).
        unexpected.append(marker)
    lost_stays = [c for c in ledger.stays if stays.get(c, 0) == 0]
    duplicated_stays = [c for c in ledger.stays if stays.get(c, 0) > 1]
    return {
        "requests_created": len(ledger.markers),
        "status_moves": ledger.moves,
        "stays_imported": len(ledger.stays),
        "writes_verified": len(ledger.markers)
        + ledger.moves
        + len(ledger.stays)
        - len(lost)
        - len(duplicated)
        - len(wrong_status)
        - len(lost_stays)
        - len(duplicated_stays),
        "lost": lost + lost_stays,
        "duplicated": duplicated + duplicated_stays,
        "wrong_status": wrong_status,
        "unconfirmed_creates": ledger.created_unconfirmed,
        "unexpected_rows": unexpected,
        "digests_in_database": digests,
    }


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def run(seconds: int) -> dict[str, Any]:
    stats, ledger = Stats(), Ledger()
    with Services() as services:
        stop = threading.Event()
        watch = ConnectionWatch(services, stop)
        watch.start()
        started = time.monotonic()
        deadline = started + seconds
        agents = [
            Agent(i, username, services.port, deadline, stats, ledger)
            for i, username in enumerate(AGENTS, start=1)
        ]
        for agent in agents:
            agent.start()
        for agent in agents:
            agent.join(timeout=max(1.0, deadline - time.monotonic()) + 2 * HTTP_TIMEOUT)
        elapsed = time.monotonic() - started
        stop.set()
        watch.join(timeout=10)
        still_running = [agent.name for agent in agents if agent.is_alive()]
        alive = services.alive()
        ticks = sum(
            "digests.tasks.tick[" in line and "succeeded" in line
            for line in services.log("worker").splitlines()
        )
        outcome = verify(services, ledger)
    statuses = {
        endpoint: {str(code): n for code, n in sorted(codes.items())}
        for endpoint, codes in stats.statuses.items()
    }
    server_errors = sum(
        n for codes in stats.statuses.values() for code, n in codes.items() if code >= 500
    )
    budget = GUNICORN_WORKERS + WORKER_CONCURRENCY + 2  # + the worker's and beat's own
    report = {
        "seconds": seconds,
        "elapsed": round(elapsed, 1),
        "agents": len(AGENTS),
        "settings": {
            "gunicorn_workers": GUNICORN_WORKERS,
            "worker_concurrency": WORKER_CONCURRENCY,
            "conn_max_age": CONN_MAX_AGE,
            "digest_tick_seconds": DIGEST_TICK_SECONDS,
        },
        "requests_sent": sum(len(v) for v in stats.latencies.values()),
        "endpoints": {
            endpoint: {
                "count": len(values),
                "median_ms": round(statistics.median(values) * 1000),
                "p95_ms": round(percentile(values, 0.95) * 1000),
                "statuses": statuses[endpoint],
            }
            for endpoint, values in sorted(stats.latencies.items())
        },
        "server_errors": server_errors,
        "errors": stats.failures,
        "digest_ticks": ticks,
        "connections": {
            "peak_database": watch.peak_database,
            "budget": budget,
            "peak_server": watch.peak_server,
            "max_connections": watch.max_connections,
            "samples": watch.samples,
        },
        "processes_alive_at_end": alive,
        "agents_still_running": still_running,
        **outcome,
    }
    report["ok"] = bool(
        server_errors == 0
        and not stats.failures
        and not outcome["lost"]
        and not outcome["duplicated"]
        and not outcome["wrong_status"]
        and not outcome["unexpected_rows"]
        and outcome["requests_created"] > 0
        and outcome["status_moves"] > 0
        and outcome["stays_imported"] > 0
        and watch.peak_database <= budget
        and watch.peak_server < watch.max_connections
        and len(alive) == 3
        and not still_running
    )
    return report


def print_summary(report: dict[str, Any]) -> None:
    print(
        f"Soak: {report['agents']} agents for {report['elapsed']} s, "
        f"{report['requests_sent']} HTTP requests, {report['server_errors']} answers 5xx"
    )
    print(f"{'endpoint':<16} {'count':>6} {'median ms':>10} {'p95 ms':>8}  statuses")
    for endpoint, figures in report["endpoints"].items():
        codes = ", ".join(f"{code}: {n}" for code, n in figures["statuses"].items())
        print(
            f"{endpoint:<16} {figures['count']:>6} {figures['median_ms']:>10} "
            f"{figures['p95_ms']:>8}  {codes}"
        )
    c = report["connections"]
    print(
        f"Writes: {report['requests_created']} requests created, {report['status_moves']} status "
        f"moves, {report['stays_imported']} stays imported; {report['writes_verified']} verified, "
        f"{len(report['lost'])} lost, {len(report['duplicated'])} duplicated, "
        f"{len(report['wrong_status'])} in another status"
    )
    print(
        f"PostgreSQL connections: peak {c['peak_database']} to the database (budget "
        f"{c['budget']}), {c['peak_server']} on the server (max_connections "
        f"{c['max_connections']}); digest ticks run: {report['digest_ticks']}"
    )
    for error in report["errors"][:20]:
        print(f"  error: {error}")
    print("OK" if report["ok"] else "FAILED")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("SOAK_SECONDS", "120")))
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "soak.json")
    args = parser.parse_args(argv)
    if not 1 <= args.seconds <= 3600:
        parser.error("--seconds must be between 1 and 3600")
    report = run(args.seconds)
    args.output.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print_summary(report)
    print(f"Written to {args.output}")
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
