"""A day at the desk in a real browser: badges, suppliers by kind, time warnings, documents
in the guest's language, the stay search and a department's board."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from requests_desk.models import ServiceRequest
from tests.requests_desk.factories import make_guest, make_request, make_stay, make_supplier

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def transparent(colour: str) -> bool:
    return colour in ("rgba(0, 0, 0, 0)", "transparent")


def test_status_badges_are_coloured_on_the_stay_page(page, live_server, login, screenshot, agent):
    stay = make_stay(guest=make_guest(first_name="Dana", last_name="Seitova"))
    for status in (None, "in_progress", "booked", "done", "cancelled"):
        make_request("taxi", stay=stay, created_by=agent, status=status)
    login(agent)
    page.goto(f"{live_server.url}/arrivals/stay/{stay.pk}/")
    badges = page.locator('[data-testid="requests-panel"] [data-status-badge]')
    expect(badges).to_have_count(5)
    for i in range(5):
        badge = badges.nth(i)
        background = badge.evaluate("el => getComputedStyle(el).backgroundColor")
        colour = badge.evaluate("el => getComputedStyle(el).color")
        assert not transparent(background) and background != colour, badge.inner_text()
    page.locator('[data-testid="requests-panel"]').scroll_into_view_if_needed()
    screenshot("requests-stay-badges")


def test_a_rail_ticket_offers_rail_suppliers_and_questions_a_past_transfer(
    page, live_server, login, screenshot, agent
):
    from vendors.models import Supplier

    make_supplier("rail", name="KTZ Tickets", preferred=True)
    make_supplier("taxi", name="Yandex Go")
    make_supplier("restaurant", name="Gakku")
    expired = make_supplier("rail", name="Old Rail Agency")
    Supplier.objects.filter(pk=expired.pk).update(
        contract_end=timezone.localdate() - timedelta(days=10)
    )
    stay = make_stay(guest=make_guest(first_name="Ivan", last_name="Petrov"))
    login(agent)
    page.goto(f"{live_server.url}/requests/new/?stay={stay.pk}&type=rail")
    supplier = page.locator("select[name=supplier]")
    expect(supplier.locator("option:not([hidden])")).to_have_text(["---------", "KTZ Tickets"])
    expect(supplier.locator("option", has_text="Old Rail Agency")).to_have_count(0)
    page.select_option("select[name=type]", "taxi")
    expect(supplier.locator("option:not([hidden])")).to_have_text(["---------", "Yandex Go"])

    # A transfer at this morning's arrival time: warned, then created on purpose.
    page.select_option("select[name=type]", "transfer")
    past = timezone.localtime() - timedelta(hours=3)
    page.fill("input[name=transfer-pickup_at]", past.strftime("%Y-%m-%dT%H:%M"))
    page.fill("input[name=transfer-pickup_place]", "Almaty airport")
    page.fill("input[name=transfer-destination]", "Hotel")
    page.fill("input[name=transfer-passengers]", "1")
    page.click('[data-testid="save-request"]')
    warnings = page.locator('[data-testid="time-warnings"]')
    expect(warnings).to_contain_text("The service time is in the past.")
    expect(warnings).to_contain_text("Create anyway")
    assert not ServiceRequest.objects.exists()
    screenshot("requests-time-warning")
    page.check("input[name=confirm]")
    page.click('[data-testid="save-request"]')
    expect(page.locator('[data-testid="request-status"]')).to_have_text("New")
    assert ServiceRequest.objects.get().type == "transfer"


def test_the_stay_search_picks_the_guest(page, live_server, login, agent):
    for last in ("Abenov", "Bekova", "Temirov"):
        make_stay(guest=make_guest(first_name="Guest", last_name=last))
    login(agent)
    page.goto(f"{live_server.url}/requests/new/?type=taxi")
    page.fill("input[data-stay-search]", "temir")
    expect(page.locator("select[name=stay] option:checked")).to_contain_text("Temirov")
    expect(page.locator("select[name=stay] option:not([hidden])")).to_have_count(2)  # + "----"


def test_an_agent_in_english_prints_a_russian_guests_itinerary_in_russian(
    page, live_server, login, screenshot, agent
):
    stay = make_stay(guest=make_guest(first_name="Ольга", last_name="Смирнова", language="ru"))
    details = {
        "origin": "Алматы",
        "destination": "Астана",
        "departure_at": (timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%dT21:17"),
        "passengers": "Ольга Смирнова, N123\nИван Смирнов, N456",
        "service_number": "001Ц",
    }
    r = make_request("rail", stay=stay, created_by=agent, status="booked", details=details)
    login(agent)
    page.goto(f"{live_server.url}/requests/{r.number}/itinerary/")
    sheet = page.locator('[data-testid="sheet"]')
    expect(sheet).to_contain_text("Ваш маршрут")
    expect(sheet).to_contain_text("Отправление")
    expect(sheet).not_to_contain_text("Выезд")
    assert "Ольга Смирнова, N123<br>Иван Смирнов, N456" in sheet.inner_html()
    expect(page.locator("button[data-print]")).to_contain_text("Print")  # the agent's page
    screenshot("requests-itinerary-ru")


def test_housekeeping_is_told_nothing_is_routed_to_it(
    page, live_server, login, agent, department_member
):
    make_request("restaurant", created_by=agent)
    login(department_member)
    page.goto(f"{live_server.url}/requests/")
    expect(page.locator('[data-testid="nothing-routed"]')).to_be_visible()
    expect(page.locator("form.board-filters")).to_have_count(0)
    expect(page.locator('[data-testid="board"]')).to_have_count(0)
