"""A manager previews a department's digest, it is sent, and the history shows it read."""

import datetime
import re
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from digests.models import Digest
from tests.arrivals.factories import GuestFactory, StayFactory
from tests.digests.conftest import level, subscribe

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_manager_previews_sends_and_sees_the_acknowledgement(
    page, live_server, login, manager, screenshot, settings
):
    settings.HOTEL_PUBLIC_URL = live_server.url
    today = timezone.localdate()
    subscribe("housekeeping", ["vip", "arrivals"], language="ru")
    subscribe("security", ["vip", "security"])
    StayFactory(
        arrival_date=today,
        departure_date=today + datetime.timedelta(days=2),
        vip_level=level("VIP1"),
        room="701",
        security_note="Escort from the airport",
        guest=GuestFactory(first_name="Ерлан", last_name="Қожахметов"),
    )

    login(manager)
    page.goto(f"{live_server.url}/digests/preview/housekeeping/{today.isoformat()}/")
    expect(page.get_by_test_id("preview-text")).to_contain_text("Ерлан Қожахметов")
    expect(page.get_by_test_id("preview-text")).to_contain_text("VIP-заезды")

    call_command("send_digests", "--date", today.isoformat(), stdout=StringIO())
    assert len(mail.outbox) == 2
    security = next(m for m in mail.outbox if m.to == ["security@hotel.example"])
    assert "Escort from the airport" in security.body
    link = re.search(r"(http\S+/ack/\S+/)", security.body).group(1)

    # The security officer clicks the link in the email: no login needed.
    ack = page.context.new_page()
    ack.goto(link)
    assert Digest.objects.get(department__code="security").acknowledged_at is None
    ack.get_by_test_id("ack-button").click()
    expect(ack.get_by_test_id("ack")).to_be_visible()
    assert Digest.objects.get(department__code="security").acknowledged_at is not None

    page.goto(f"{live_server.url}/digests/?date={today.isoformat()}")
    security_row = page.locator("tr[data-department=security]")
    expect(security_row).to_contain_text("sent")
    expect(security_row).to_contain_text("acknowledged")
    expect(page.locator("tr[data-department=housekeeping]")).not_to_contain_text("acknowledged")
    screenshot("digests-history")
