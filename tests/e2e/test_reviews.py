"""An agent copies a Russian guest-book complaint about noise; the manager reads the report."""

import pytest
from playwright.sync_api import expect

from reviews import demo

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_noise_complaint_reaches_the_improvement_report(
    page, live_server, login, screenshot, agent, manager
):
    demo.load()  # six months of reviews around the new entry
    login(agent)
    page.get_by_role("link", name="Reviews").first.click()
    expect(page.locator("h1")).to_have_text("Reviews")
    page.get_by_role("link", name="Guest-book entry").first.click()
    page.fill("#id_rating", "2")
    page.select_option("#id_scale", "5")
    page.fill("#id_author", "Ольга Петрова")
    page.select_option("#id_language", "ru")
    page.fill("#id_text", "Номер хороший, но ночью очень шумно: до двух часов музыка из бара.")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".alert-success")).to_contain_text("Guest-book entry saved.")
    expect(page.locator("[data-testid=review-topics]")).to_contain_text("Noise")
    expect(page.locator("[data-testid=review-score]")).to_have_text("4.0")
    page.context.clear_cookies()
    login(manager)
    page.get_by_role("link", name="Improvement report").first.click()
    expect(page.locator("h1")).to_have_text("Improvement report")
    first = page.locator("[data-testid=report-topic]").first
    expect(first.locator("[data-testid=topic-name]")).to_have_text("Noise")
    expect(first.locator("[data-testid=topic-quote]").first).to_contain_text(
        "ночью очень шумно: до двух часов музыка из бара"
    )
    expect(first.locator("[data-testid=topic-proposal]")).to_contain_text("quiet rooms")
    expect(page.locator("#reviews-chart")).to_be_visible()
    # Drawn by the shared static/js/guestdesk.js from the page's json_script data.
    legend = page.evaluate(
        "Chart.getChart(document.getElementById('reviews-chart')).data.datasets.map(d => d.label)"
    )
    assert legend == ["Average score", "Reviews"]
    screenshot("reviews-report")
