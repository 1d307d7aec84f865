"""Shared pieces of the benchmarks: paired, alternating timing with medians and ratios.

Every figure is a pair measured in the same run: the page and its reference (the floor,
the admin changelist, a smaller day) are requested one after the other, round after
round, and the ratio of the medians is reported. Load on a shared machine then slows
both sides alike.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCALE = os.environ.get("BENCH_SCALE", "small")
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "15" if SCALE == "small" else "25"))
FLOOR = "/bench-floor/"


def setup() -> None:
    """Django with the project's settings, DEBUG off (no query log), the bench's URLs."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guestdesk.settings")
    os.environ["DEBUG"] = "false"
    import django

    django.setup()
    from django.conf import settings
    from django.test.utils import override_settings

    override_settings(ROOT_URLCONF="bench.urls").enable()
    # The public guest page's rate limit is not what is measured.
    settings.BOARD_PUBLIC_RATE_LIMIT = 10**9


def pair(first: Callable[[], object], second: Callable[[], object], rounds: int = ROUNDS) -> dict:
    """Median milliseconds of two actions run alternately, and their ratio (first/second)."""
    first(), second()  # warm up: templates, translations, connections
    times: tuple[list[float], list[float]] = ([], [])
    for n in range(rounds):
        # Alternate which side goes first, so neither always follows the other.
        order = ((0, first), (1, second)) if n % 2 == 0 else ((1, second), (0, first))
        for side, action in order:
            started = time.perf_counter()
            action()
            times[side].append((time.perf_counter() - started) * 1000)
    a, b = statistics.median(times[0]), statistics.median(times[1])
    return {"ms": round(a, 2), "reference_ms": round(b, 2), "ratio": round(a / b, 3)}


def client(user=None):
    """A test client on a loopback host name (the development ALLOWED_HOSTS), logged in."""
    from django.test import Client

    browser = Client(HTTP_HOST="localhost")
    if user is not None:
        browser.force_login(user)
    return browser


def get(client, url: str, status: int = 200) -> Callable[[], object]:
    """An action that requests `url` and checks the answer."""

    def action():
        response = client.get(url)
        assert response.status_code == status, (url, response.status_code)
        return response

    return action


def report(results: dict) -> None:
    """Hand the figures to bench/__main__.py (last line of the output)."""
    print("RESULTS " + json.dumps(results, default=str), flush=True)


class Rollback(Exception):
    """Raised at the end of an atomic block to undo everything a benchmark created."""


@contextmanager
def rolled_back() -> Iterator[None]:
    """Run the block in a transaction undone at its end: a benchmark leaves nothing behind."""
    from django.db import transaction

    try:
        with transaction.atomic():
            yield
            raise Rollback
    except Rollback:
        pass


def staff_client(username: str, role: str):
    """A new user in the group of `role` (guestdesk.roles) and a client logged in as them."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(username)
    user.groups.add(Group.objects.get(name=role))
    return user, client(user)


def print_pairs(results: dict) -> None:
    """One line a pair: the page, its reference and their ratio."""
    width = max(map(len, results), default=0) + 2
    for key, r in results.items():
        print(
            f"{key:<{width}}{r['ms']:>9.1f} ms vs {r['reference_ms']:>8.1f} ms  = {r['ratio']:.2f}x"
        )
