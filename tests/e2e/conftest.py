"""Browser tests: Playwright drives the system Chromium against pytest-django's live server."""

import os
import re
import shutil
import sys
import threading
import traceback
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import PASSWORD, need

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests
# make themselves are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# A loaded CI machine can take more than Playwright's default 5 s to answer a form post and
# draw the next page; assertions wait up to 15 s for what they expect (and still fail when
# the page never shows it).
expect.set_options(timeout=15_000)

CHROMIUM = os.environ.get("GUESTDESK_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A browser test that fails says what the server and the database were doing: which
    requests the page sent and which answered, each thread's stack, each session's wait."""
    outcome = yield
    report = outcome.get_result()
    if report.when != "call" or not report.failed or "live_server" not in item.fixturenames:
        return
    network = getattr(item, "network_log", None)
    if network:
        report.sections.append(("page network (last 30)", "\n".join(network[-30:])))
    report.sections.append(("threads", _thread_stacks()))
    report.sections.append(("database sessions", _database_sessions()))


def _thread_stacks() -> str:
    names = {thread.ident: thread.name for thread in threading.enumerate()}
    return "\n".join(
        f"--- {names.get(ident, ident)}\n" + "".join(traceback.format_stack(frame)[-8:])
        for ident, frame in sys._current_frames().items()
    )


def _database_sessions() -> str:
    from django.db import connections

    database = connections["default"]
    if database.vendor != "postgresql":
        return "(not PostgreSQL)"
    try:
        with database.cursor() as cursor:
            cursor.execute(
                "SELECT pid, state, wait_event_type, wait_event, now() - xact_start,"
                " left(query, 160) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            return "\n".join(" | ".join(str(value) for value in row) for row in cursor.fetchall())
    except Exception as error:  # noqa: BLE001 - a report of a failure must not fail itself
        return f"(could not read: {error})"


@pytest.fixture
def page(page, request):
    """Playwright's page, keeping a log of its requests for the failure report above."""
    log: list[str] = []
    page.on("request", lambda r: log.append(f"sent     {r.method} {r.url}"))
    page.on("requestfinished", lambda r: log.append(f"answered {r.method} {r.url}"))
    page.on("requestfailed", lambda r: log.append(f"FAILED   {r.method} {r.url} {r.failure}"))
    request.node.network_log = log
    return page


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    need(shutil.which(CHROMIUM) or os.path.exists(CHROMIUM), f"no Chromium at {CHROMIUM}")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "en-US", "viewport": {"width": 1366, "height": 900}}


@pytest.fixture
def login(page, live_server):
    """Log `user` in through the real login form."""

    def do(user, password=PASSWORD):
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("input[name=username]", user.username)
        page.fill("input[name=password]", password)
        page.click("main form button[type=submit]")
        return page

    return do


def open_move(page, move: str) -> None:
    """Open a request's form for `move` (booked, cancelled...) as a person does: once the
    page has loaded (its toggles work only when Bootstrap has run) and until the form has
    finished opening. A Confirm clicked before that was seen to send nothing at all."""
    page.wait_for_load_state("load")
    page.click(f'button[data-move="{move}"]')
    form = page.locator(f"form#move-{move}")
    expect(form).to_have_class(re.compile(r"\bshow\b"))
    expect(form).not_to_have_class(re.compile(r"\bcollapsing\b"))


@pytest.fixture
def screenshot(page):
    """Save a full-page screenshot for the README (docs/screenshots/NAME.png), once the page
    has loaded (its scripts have run, so what follows can use them too)."""

    def take(name):
        page.wait_for_load_state("load")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)

    return take
