"""An agent logs in, sees the dashboard and switches to Kazakh; a department member is refused."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_agent_logs_in_and_switches_to_kazakh(page, live_server, login, agent, screenshot):
    call_command("load_demo", stdout=StringIO())  # a real morning for the README screenshot
    login(agent)
    expect(page.locator("h1")).to_have_text("Today at the desk")
    expect(page.get_by_test_id("card-arrivals")).to_be_visible()
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
    # The manager's digest settings are not in their navigation, and typing the URL is refused.
    expect(page.locator("[data-nav='digests:subscriptions']")).to_have_count(0)
    response = page.goto(f"{live_server.url}/digests/subscriptions/")
    assert response.status == 403
    expect(page.get_by_test_id("forbidden")).to_contain_text(
        "This page is not available to your role"
    )
    response = page.goto(f"{live_server.url}/admin/")
    assert "/login/" in page.url  # the admin is for staff administrators only
