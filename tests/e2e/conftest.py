"""Browser tests: Playwright drives the system Chromium against pytest-django's live server."""

import os
import shutil
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


@pytest.fixture
def screenshot(page):
    """Save a full-page screenshot for the README (docs/screenshots/NAME.png)."""

    def take(name):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)

    return take
