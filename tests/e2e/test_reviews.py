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
    # Topics are ranked by their effect on the score; noise is among them with the quote.
    first = page.locator("[data-testid=report-topic][data-topic=noise]")
    expect(first.locator("[data-testid=topic-name]")).to_have_text("Noise")
    expect(first.locator("[data-testid=topic-quote]").first).to_contain_text(
        "ночью очень шумно: до двух часов музыка из бара"
    )
    expect(first.locator("[data-testid=topic-proposal]")).to_contain_text("quiet rooms")
    expect(page.locator("#reviews-chart")).to_be_visible()
    # Drawn by the shared static/js/guestdesk.js from the page's json_script data, once
    # Chart.js (loaded at the end of the page) has run: wait for both charts to be drawn.
    page.wait_for_function(
        "() => window.Chart && ['reviews-chart', 'sources-chart']"
        ".every(id => Chart.getChart(document.getElementById(id)))"
    )
    legend = page.evaluate(
        "Chart.getChart(document.getElementById('reviews-chart')).data.datasets.map(d => d.label)"
    )
    assert legend == ["Average score", "Reviews"]
    sources = page.evaluate(
        "Chart.getChart(document.getElementById('sources-chart')).data.datasets.map(d => d.label)"
    )
    assert "Guest book" in sources and sources[-1] == "All sources"
    screenshot("reviews-report")


def test_the_manager_answers_from_a_template_and_sends_a_follow_up(
    page, live_server, login, screenshot, manager
):
    from reviews.models import Review
    from reviews.services import save_review
    from tests.arrivals.factories import GuestFactory, StayFactory

    guest = GuestFactory(first_name="Aigerim", last_name="Nurlanova", language="kk")
    stay = StayFactory(guest=guest, room="512")
    review = save_review(
        Review(
            source=Review.Source.GUEST_BOOK,
            date=stay.arrival_date,
            rating=2,
            scale=5,
            language="kk",
            text="Бөлме лас болды, кілемде дақ бар.",
            guest=guest,
            stay=stay,
        )
    )
    login(manager)
    page.goto(f"{live_server.url}/reviews/{review.pk}/")
    page.select_option("#id_template", label="Kazakh · Тазалық (Cleanliness)")
    page.get_by_role("button", name="Fill in").click()
    text = page.locator("#id_response")
    expect(text).to_contain_text("Құрметті Aigerim Nurlanova,")
    expect(text).to_contain_text("(512-бөлме,")
    page.get_by_role("button", name="Save response").click()
    expect(page.locator(".alert-success")).to_contain_text("Response saved.")
    page.fill("#id_note", "Replace the carpet in room 512.")
    page.get_by_role("button", name="Create the follow-up for the department").click()
    expect(page.locator(".alert-success")).to_contain_text("created for Housekeeping")
    followup = page.locator("[data-testid=review-followup]")
    expect(followup).to_contain_text("Housekeeping")
    screenshot("reviews-follow-up")
    followup.get_by_role("link").first.click()
    expect(page.locator("[data-testid=review-followup-panel]")).to_contain_text("Guest book")
    page.locator("[data-testid=review-followup-panel] a").first.click()
    expect(page.locator("[data-testid=review-text]")).to_contain_text("кілемде дақ")
