"""Staff lists on a phone (390 x 844) fit the screen as cards; the VIP list fits paper too."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from arrivals import demo as arrivals_demo
from arrivals.models import Stay
from requests_desk import demo as requests_demo
from tests.arrivals.factories import StayFactory, vip
from vendors import demo as vendors_demo

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": PHONE, "has_touch": True, "is_mobile": True}


@pytest.fixture
def busy_day():
    arrivals_demo.load()
    vendors_demo.load()
    requests_demo.load()


def page_width(page):
    return page.evaluate("document.scrollingElement.scrollWidth")


def too_wide(page):
    """Elements that stick out to the right of the screen (to name them when a test fails)."""
    return page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > 391)
            .slice(0, 8).map(e => e.tagName + '.' + e.className)"""
    )


def test_the_arrivals_list_is_cards_with_the_name_beside_the_arrived_button(
    page, live_server, login, agent, busy_day, screenshot
):
    login(agent)
    page.goto(f"{live_server.url}/arrivals/")
    # The language switch is in the bar, not hidden in the collapsed menu.
    expect(page.locator("nav [data-lang=ru]")).to_be_visible()
    expect(page.locator("#main-nav")).to_be_hidden()
    assert page_width(page) <= PHONE["width"]

    card = (
        page.locator("[data-testid=stay-table] tbody tr")
        .filter(has=page.locator("[data-action=arrived]"))
        .first
    )
    button = card.locator("[data-action=arrived]")
    name = card.locator(".guest-name")
    button.scroll_into_view_if_needed()
    expect(button).to_be_in_viewport()
    expect(name).to_be_in_viewport()
    name_box, button_box = name.bounding_box(), button.bounding_box()
    assert button_box["y"] - name_box["y"] < 120  # the action sits right under the name
    assert button_box["x"] + button_box["width"] <= PHONE["width"]
    page.evaluate("window.scrollTo(0, 0)")
    screenshot("arrivals-phone")

    guest = name.inner_text()
    button.click()
    expect(page.locator(".alert-success")).to_contain_text(guest)


@pytest.mark.parametrize(
    "path",
    [
        "/arrivals/in-house/",
        "/arrivals/departures/",
        "/arrivals/vip/",
        "/requests/",
        "/vendors/",
        "/search/?q=an",
    ],
)
def test_every_staff_list_fits_a_phone(page, live_server, login, manager, busy_day, path):
    login(manager)
    page.goto(f"{live_server.url}{path}")
    expect(page.locator("main h1").first).to_be_visible()
    assert page_width(page) <= PHONE["width"], too_wide(page)


def test_the_search_box_is_one_tap_away_on_a_phone(page, live_server, login, agent, busy_day):
    login(agent)
    page.get_by_role("button", name="Menu").click()
    page.locator("[data-testid=top-search]").fill("Qx-nobody")
    page.locator("[data-testid=top-search]").press("Enter")
    expect(page.locator("[data-testid=search-nothing]")).to_be_visible()
    assert page_width(page) <= PHONE["width"]


def test_the_printed_vip_list_fits_six_vips_on_one_page(
    page, live_server, login, manager, busy_day
):
    today = timezone.localdate()
    for n in range(6 - Stay.objects.arriving_on(today).vip().active().count()):
        StayFactory(
            arrival_date=today,
            vip_level=vip("VIP2"),
            guest__last_name=f"Qx-Print{n}",
            guest__notes="Prefers a quiet room high up, away from the lift.",
            special_attention="Fruit basket and a handwritten card from the manager.",
        )
    login(manager)
    page.goto(f"{live_server.url}/arrivals/vip/")
    cards = page.locator(".vip-card")
    assert cards.count() >= 6
    pdf = page.pdf(format="A4", landscape=True, print_background=True)
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    assert pages == 1, f"{cards.count()} VIPs take {pages} pages"  # two before the print CSS


@pytest.mark.parametrize("path", ["/arrivals/", "/requests/", "/vendors/"])
def test_long_lists_label_each_card_field_from_the_table_header(
    page, live_server, login, manager, busy_day, path
):
    """The rows of the longest lists carry no labels; on a phone each field of a card is
    labelled with its column's header (static/js/guestdesk.js)."""
    login(manager)
    page.goto(f"{live_server.url}{path}")
    table = page.locator("table[data-card-labels]")
    headers = table.locator("thead th").evaluate_all("ths => ths.map(th => th.textContent.trim())")
    cells = table.locator("tbody tr").first.locator("td")
    expect(cells.first).to_have_attribute("data-label", headers[0])
    labels = cells.evaluate_all("tds => tds.map(td => td.dataset.label || '')")
    shown = cells.evaluate_all("tds => tds.map(td => getComputedStyle(td, '::before').content)")
    assert len(labels) == len(headers) >= 4
    for label, header, before in zip(labels, headers, shown, strict=True):
        assert label == header
        if header:  # what the phone shows before the field is its column's name
            assert before == f'"{header}"', (header, before)
