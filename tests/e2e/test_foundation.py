"""An agent logs in, sees the dashboard and switches to Kazakh; a department member is refused."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_agent_logs_in_and_switches_to_kazakh(page, live_server, login, agent, screenshot):
    login(agent)
    expect(page.locator("h1")).to_have_text("Today at the desk")
    screenshot("dashboard")
    page.click("button[data-lang=kk]")
    expect(page.locator("html")).to_have_attribute("lang", "kk")
    expect(page.locator("h1")).to_have_text("Бүгін қызметте")
    expect(page.get_by_role("link", name=re.compile("Бақылау тақтасы"))).to_be_visible()


def test_a_wrong_password_shows_a_clear_message(page, live_server, login, agent):
    login(agent, password="not-the-password")
    expect(page.locator(".alert-danger, .invalid-feedback, .alert").first).to_contain_text(
        "Please enter a correct username and password"
    )


def test_a_department_member_is_refused_a_manager_page(page, live_server, login, department_member):
    login(department_member)
    expect(page.locator("h1")).to_have_text("Today at the desk")
    response = page.goto(f"{live_server.url}/admin/")
    # The admin sends non-staff users to its login; GuestDesk's own manager pages answer 403.
    assert response.status in (200, 302)
    assert "/admin/login/" in page.url or "/accounts/login/" in page.url
