"""A manager adds a public event in 3 languages; guests see it in Kazakh, not a private one."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import expect

from board import demo
from board.models import Event, Venue

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_public_event_reaches_the_guest_page_and_feed_but_a_private_one_does_not(
    page, live_server, login, manager, screenshot
):
    demo.load()  # the hotel's services and venues, so the pages look like a real day
    ballroom = Venue.objects.get(name_en="Grand ballroom")
    terrace = Venue.objects.get(name_en="Summer terrace")
    today = timezone.localdate()
    wedding_start = timezone.make_aware(datetime.combine(today, time(12)))
    Event.objects.create(
        title_en="Private wedding Abenov",
        title_kk="Әбеновтердің тойы",
        venue=ballroom,
        starts_at=wedding_start,
        ends_at=wedding_start + timedelta(hours=5),
        is_public=False,
    )
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )

    login(manager)
    page.goto(f"{live_server.url}/board/events/new/")
    page.fill("#id_title_kk", "Домбыра кеші")
    page.fill("#id_title_ru", "Вечер домбры")
    page.fill("#id_title_en", "Dombra evening")
    page.fill("#id_description_kk", "Лоббидегі дәстүрлі музыка.")
    page.select_option("#id_venue", label="Summer terrace")
    page.fill("#id_starts_at", f"{today.isoformat()}T19:00")
    page.fill("#id_ends_at", f"{today.isoformat()}T21:00")
    page.check("#id_is_public")
    page.click("[data-testid=save-event]")
    expect(page.locator("[data-testid=event-title]")).to_have_text("Dombra evening")
    assert Event.objects.get(title_en="Dombra evening").venue == terrace

    page.goto(f"{live_server.url}/board/")
    expect(page.locator(".board-event", has_text="Dombra evening")).to_be_visible()
    expect(page.locator(".board-event", has_text="Private wedding Abenov")).to_be_visible()
    screenshot("board-staff")

    # A guest's phone: no login, Kazakh chosen on the page.
    page.context.clear_cookies()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/guest/?lang=kk")
    expect(page.locator("html")).to_have_attribute("lang", "kk")
    expect(page.locator(".guest-event", has_text="Домбыра кеші")).to_be_visible()
    expect(page.locator("body")).not_to_contain_text("Әбеновтердің тойы")
    expect(page.locator("body")).not_to_contain_text("Private wedding")
    expect(page.locator("body")).not_to_contain_text("KazTech")  # private demo meeting
    screenshot("board-guest-kk")

    # The choice is remembered: the plain address stays in Kazakh; the switch goes to Russian.
    page.goto(f"{live_server.url}/guest/")
    expect(page.locator(".guest-event", has_text="Домбыра кеші")).to_be_visible()
    page.click("a[data-lang=ru]")
    expect(page.locator(".guest-event", has_text="Вечер домбры")).to_be_visible()

    feed = page.request.get(f"{live_server.url}/guest/events.ics?lang=kk")
    assert feed.ok
    calendar = Calendar.from_ical(feed.body())
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert "Домбыра кеші" in summaries
    assert "Әбеновтердің тойы" not in summaries
    assert set(summaries) == {e.title_kk for e in Event.objects.filter(is_public=True)}
    assert calendar.walk("VTIMEZONE")
    assert not violations, violations
