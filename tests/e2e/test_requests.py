"""An agent books a transfer for a VIP arrival, prints the waybill and finds it on the board."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from requests_desk.models import ServiceRequest, Waybill
from tests.e2e.conftest import open_move
from tests.requests_desk.factories import make_guest, make_request, make_stay, make_supplier

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_an_agent_books_a_transfer_for_a_vip_and_prints_the_waybill(
    page, live_server, login, screenshot, agent
):
    stay = make_stay(vip=True, room="1201")
    stay.guest.first_name, stay.guest.last_name = "Anna", "Berg"
    stay.guest.save()
    make_supplier("transfer", name="Silk Way Transfers", preferred=True)
    # Some other work on the board, so the screenshot shows overdue and due-soon rows. The
    # theatre tickets are booked: past their deadline, yet not overdue (nothing is owed).
    now = timezone.now()
    for type_, name, minutes, status in (
        ("taxi", ("Kenji", "Tanaka"), -25, None),
        ("restaurant", ("Aigerim", "Nurlanova"), 35, None),
        ("theatre", ("Pierre", "Martin"), -90, "booked"),
    ):
        guest = make_guest(first_name=name[0], last_name=name[1])
        make_request(
            type_,
            stay=make_stay(guest=guest, room=str(300 + minutes % 97)),
            created_by=agent,
            due_at=now + timedelta(minutes=minutes),
            status=status,
        )
    problems = []
    page.on(
        "console",
        lambda msg: problems.append(msg.text) if "Content Security Policy" in msg.text else None,
    )

    login(agent)
    page.goto(f"{live_server.url}/arrivals/")
    page.locator(f"#stay-{stay.pk} a.guest-name").click()
    expect(page.locator("h1")).to_contain_text("Anna Berg")

    # Two clicks from the stay: the transfer button, then the form with the stay chosen.
    page.locator('[data-testid="requests-panel"] a[data-new-request="transfer"]').first.click()
    expect(page.locator("select[name=stay] option:checked")).to_contain_text("Anna Berg")
    expect(page.locator('fieldset[data-type="transfer"]')).to_be_visible()
    expect(page.locator('fieldset[data-type="air"]')).to_be_hidden()
    # Switching the type shows only that type's fields (static JS, no inline script).
    page.select_option("select[name=type]", "air")
    expect(page.locator('fieldset[data-type="air"]')).to_be_visible()
    expect(page.locator('fieldset[data-type="transfer"]')).to_be_hidden()
    page.select_option("select[name=type]", "transfer")

    pickup = timezone.localtime(now + timedelta(hours=5)).strftime("%Y-%m-%dT%H:%M")
    page.fill("input[name=transfer-pickup_at]", pickup)
    page.fill("input[name=transfer-pickup_place]", "Almaty airport, terminal 1")
    page.fill("input[name=transfer-meet_service]", "LH 648")
    page.fill("input[name=transfer-destination]", "Hotel")
    page.fill("input[name=transfer-passengers]", "2")
    page.fill("input[name=transfer-luggage]", "3")
    page.select_option("select[name=transfer-vehicle_class]", "business")
    page.fill("input[name=transfer-driver_name]", "Serik Akhmetov")
    page.fill("input[name=transfer-driver_phone]", "+7 701 555 11 22")
    page.fill("input[name=transfer-vehicle]", "Toyota Camry, black")
    page.fill("input[name=transfer-plate]", "123 ABC 02")
    page.click('[data-testid="save-request"]')

    expect(page.locator('[data-testid="request-status"]')).to_have_text("New")
    number = page.locator('[data-testid="request-number"]').inner_text().split(" ")[0]
    assert re.fullmatch(r"R-\d{4}-\d{6}", number)

    # Assign the supplier and mark it booked with the supplier's reference.
    open_move(page, "booked")
    page.select_option("#id_supplier_booked", label="Silk Way Transfers ★")
    page.fill("#id_reference_booked", "SW-2231")
    page.click('button[data-confirm-move="booked"]')
    expect(page.locator('[data-testid="request-status"]')).to_have_text("Booked")
    expect(page.locator('[data-testid="request-supplier"]')).to_have_text("Silk Way Transfers")
    expect(page.locator('[data-testid="request-reference"]')).to_have_text("SW-2231")

    # Print the waybill: numbered on first print, one A4 page.
    page.click('[data-testid="waybill"]')
    year = timezone.localdate().year
    expect(page.locator('[data-testid="waybill-number"]')).to_contain_text(f"W-{year}-000001")
    expect(page.locator(".sheet")).to_contain_text("123 ABC 02")
    screenshot("requests-waybill")
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=True)
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1  # fits one A4 sheet
    page.emulate_media(media="screen")

    # And it is on the board.
    page.goto(f"{live_server.url}/requests/")
    row = page.locator(f'tr[data-number="{number}"]')
    expect(row).to_contain_text("Anna Berg")
    expect(row).to_contain_text("Booked")
    expect(page.locator("tr.request-overdue")).to_have_count(1)
    expect(page.locator("tr.request-due-soon")).to_have_count(1)
    screenshot("requests-board")

    r = ServiceRequest.objects.get(number=number)
    assert (r.stay, r.status, r.supplier.name) == (stay, "booked", "Silk Way Transfers")
    assert Waybill.objects.get(request=r).number == f"W-{year}-000001"
    assert not problems, problems
