"""An agent finds a taxi supplier, opens it, and prepares a sheet for a Russian-speaking guest."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.vendors.conftest import make_guest
from vendors import demo

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def guide():
    today = timezone.localdate()
    demo.load_suppliers(today)
    demo.load_places(today)


def test_an_agent_finds_a_taxi_and_prepares_a_russian_sheet(
    page, live_server, login, agent, guide, screenshot
):
    guest = make_guest(first_name="Мария", last_name="Иванова", language="ru")
    login(agent)
    page.get_by_role("link", name="Suppliers").click()
    expect(page.locator("h1")).to_have_text("Suppliers")
    expect(page.locator("[data-testid=contract-expired]").first).to_be_visible()
    screenshot("vendors-directory")

    page.select_option("#id_category", "taxi")
    rows = page.locator("[data-testid=supplier-row]")
    expect(rows).to_have_count(2)  # City Taxi 24 is active too, with an expired contract
    expect(rows.first).to_contain_text("Alem Taxi")  # preferred first
    rows.first.get_by_role("link", name="Alem Taxi").click()
    expect(page.locator("[data-testid=supplier-name]")).to_contain_text("Alem Taxi")
    expect(page.locator("[data-testid=contacts]")).to_contain_text("+7 727 277 0008")
    expect(page.locator("[data-testid=commission-terms]")).to_have_count(0)

    page.get_by_role("link", name="Local guide").click()
    page.get_by_role("link", name="Recommendation sheet").click()
    page.get_by_label("Guest").fill("Иванова")
    page.get_by_role("button", name="Find").click()
    page.get_by_role("link", name="Мария Иванова").click()
    expect(page.locator("[data-testid=sheet-guest]")).to_contain_text("preferred language RU")
    expect(page.locator("#id_language")).to_have_value("ru")
    places = page.locator("[data-testid=sheet-places] label")
    places.filter(has_text="Kaganat").locator("input").check()
    places.filter(has_text="Navat teahouse").locator("input").check()
    expect(page.locator("[data-chosen-count]")).to_have_text("2")
    page.get_by_role("button", name="Preview").click()

    sheet = page.locator("[data-testid=sheet-body]")
    expect(sheet).to_have_attribute("lang", "ru")
    expect(sheet.locator("h1")).to_have_text("Наши рекомендации для вас")
    expect(sheet).to_contain_text("Подготовлено для: Мария Иванова")
    expect(sheet.locator("[data-testid=sheet-place]")).to_have_count(2)
    expect(sheet).to_contain_text("Каганат")
    expect(sheet).to_contain_text("Чайхана «Нават»")
    expect(sheet).to_contain_text("Столовая самообслуживания")
    expect(sheet).to_contain_text("мин пешком от отеля")
    screenshot("vendors-sheet")

    page.get_by_role("button", name="Email to maria@example.com").click()
    expect(page.locator("[data-testid=emailed]")).to_contain_text("maria@example.com")
    assert guest.recommendation_sheets.get().emailed_to == "maria@example.com"


def test_an_agent_prints_lunch_and_shopping_on_one_sheet_with_qr_codes(
    page, live_server, login, agent, guide, screenshot
):
    guest = make_guest(first_name="Anna", last_name="Berg", language="en", email="")
    login(agent)
    page.goto(f"{live_server.url}/vendors/sheets/new/?guest={guest.pk}")
    presets = page.locator("[data-testid=presets]")
    presets.get_by_role("link", name="Lunch nearby").click()
    presets.get_by_role("link", name="Shopping").click()  # added to lunch, not instead of it
    expect(presets.locator("[aria-pressed=true]")).to_have_count(2)
    chosen = page.locator("[data-testid=sheet-places] input:checked")
    expect(chosen.first).to_be_checked()
    count = chosen.count()
    assert count > 1
    page.get_by_role("button", name="Preview").click()

    sheet = page.locator("[data-testid=sheet-body]")
    expect(sheet.locator("h1")).to_have_text("Lunch nearby · Shopping")
    places = sheet.locator("[data-testid=sheet-place]")
    expect(places).to_have_count(count)
    expect(sheet).to_contain_text("Shopping")
    page.get_by_role("button", name="Print").click()
    qr = page.locator("[data-testid=sheet-qr]")
    expect(qr).to_have_count(count)  # every demo place has a map
    expect(qr.first).to_be_visible()
    # The data: image renders under the strict CSP (a blocked image has no natural size).
    assert qr.first.evaluate("img => img.complete && img.naturalWidth > 0")
    page.emulate_media(media="print")
    expect(qr.first).to_be_visible()
    page.emulate_media(media="screen")
    screenshot("vendors-sheet-qr")
