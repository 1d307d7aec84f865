"""A guest on a phone orders a taxi in Kazakh from the welcome card's link; the desk books it."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from requests_desk.models import ServiceRequest
from tests.conftest import PASSWORD
from tests.e2e.conftest import open_move
from tests.guestportal.conftest import make_stay

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": PHONE, "has_touch": True, "is_mobile": True}


def test_a_guest_orders_a_taxi_in_kazakh_and_sees_it_booked(
    page, browser, live_server, agent, settings, screenshot
):
    settings.HOTEL_PUBLIC_URL = live_server.url
    stay = make_stay(language="kk")

    # The desk prints the welcome card; its link is what the guest's phone opens.
    desk = browser.new_context(locale="en-US", viewport={"width": 1366, "height": 900}).new_page()
    desk.goto(f"{live_server.url}/accounts/login/")
    desk.fill("input[name=username]", agent.username)
    desk.fill("input[name=password]", PASSWORD)
    desk.click("main form button[type=submit]")
    desk.goto(f"{live_server.url}/guest/card/{stay.pk}/")
    link = desk.locator('[data-testid="card-url"]').inner_text()
    assert link.startswith(live_server.url)

    page.goto(link)
    expect(page.locator("html")).to_have_attribute("lang", "kk")
    expect(page.locator('[data-testid="no-requests"]')).to_be_visible()
    page.click('[data-testid="ask-link"]')
    page.select_option("select[name=kind]", "taxi")
    tomorrow = timezone.localdate() + timedelta(days=1)
    page.fill("input[name=day]", tomorrow.isoformat())
    page.fill("input[name=time]", "19:30")
    page.fill("input[name=people]", "2")
    page.fill("textarea[name=notes]", "Абай театрына")
    page.click('[data-testid="ask-submit"]')
    status = page.locator('[data-testid="guest-status"]')
    expect(status).to_have_text("Қабылданды")
    number = ServiceRequest.objects.get().number

    # The agent sees it on the board, marked as the guest's own, and books it.
    desk.goto(f"{live_server.url}/requests/")
    row = desk.locator(f'tr[data-number="{number}"]')
    expect(row.locator('[data-testid="from-guest"]')).to_be_visible()
    row.locator(f'a:text("{number}")').click()
    open_move(desk, "booked")
    desk.fill("#id_reference_booked", "TX-4412")
    desk.click('button[data-confirm-move="booked"]')
    expect(desk.locator('[data-testid="request-status"]')).to_have_text("Booked")

    # The guest's page now says booked, in Kazakh, and fits the phone.
    page.reload()
    expect(status).to_have_text("Брондалды")
    expect(page.locator(f'[data-request="{number}"]')).to_contain_text("Такси")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    screenshot("guestportal-phone-kk")
    desk.context.close()
