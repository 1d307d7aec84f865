"""Department traces in a real browser: a manager raises a stay to VIP1, housekeeping sees
the new traces on a phone, marks one done, and the manager's VIP list shows it."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from arrivals.models import VipLevel
from guestdesk.models import Department
from tests.arrivals.factories import GuestFactory, StayFactory
from tests.conftest import PASSWORD
from tests.e2e.conftest import SCREENSHOTS
from traces.models import Trace, TraceRule

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}


def sign_in(page, live_server, user):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")


def test_a_raised_vip_reaches_housekeeping_on_a_phone_and_back_to_the_vip_list(
    browser, live_server, manager, department_member
):
    vip1 = VipLevel.objects.get(code="VIP1")
    housekeeping = Department.objects.get(code="housekeeping")
    TraceRule.objects.create(
        vip_level=vip1,
        department=housekeeping,
        text="Qx-Fruit plate and flowers",
        due_time=datetime.time(23, 59),
    )
    TraceRule.objects.create(vip_level=vip1, department=housekeeping, text="Qx-Room check")
    today = timezone.localdate()
    stay = StayFactory(
        arrival_date=today, room="Qx-1201", guest=GuestFactory(last_name="Qx-Raisedova")
    )

    desk = browser.new_context(locale="en-US", viewport={"width": 1366, "height": 900})
    manager_page = desk.new_page()
    sign_in(manager_page, live_server, manager)
    manager_page.goto(f"{live_server.url}/arrivals/stay/{stay.pk}/edit/")
    manager_page.select_option("select[name=vip_level]", str(vip1.pk))
    manager_page.click("main form button[type=submit]")
    expect(manager_page.locator("[data-testid=traces-panel]")).to_contain_text(
        "Qx-Fruit plate and flowers"
    )

    phone = browser.new_context(locale="en-US", viewport=PHONE, is_mobile=True, has_touch=True)
    page = phone.new_page()
    sign_in(page, live_server, department_member)
    page.goto(f"{live_server.url}/departments/")
    assert page.url.endswith("/departments/housekeeping/")
    today_list = page.locator("[data-testid=traces-today]")
    expect(today_list).to_contain_text("Qx-Fruit plate and flowers")
    expect(today_list).to_contain_text("Qx-Room check")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    fruit = today_list.locator("li.trace").filter(has_text="Qx-Fruit plate and flowers")
    done = fruit.locator("[data-action=done]")
    box = done.bounding_box()
    assert box is not None and box["height"] >= 40  # a thumb can hit it
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "traces-phone.png"))
    done.click()
    expect(page.locator(".alert-success")).to_contain_text("Qx-Fruit plate and flowers")
    fruit = page.locator("[data-testid=traces-today] li.trace").filter(
        has_text="Qx-Fruit plate and flowers"
    )
    expect(fruit.locator("[data-testid=trace-status]")).to_have_text("done")
    assert Trace.objects.get(text="Qx-Fruit plate and flowers").resolved_by == department_member

    manager_page.goto(f"{live_server.url}/arrivals/vip/{today.isoformat()}/")
    cell = manager_page.locator(
        f"[data-testid=traces-vip] tr[data-stay='{stay.confirmation_number}'] "
        "td[data-department=housekeeping] .badge"
    )
    expect(cell).to_have_attribute("data-open", "1")
    expect(cell).to_have_attribute("data-done", "1")
    phone.close()
    desk.close()
