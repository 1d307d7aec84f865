"""What the board shows about a service's hours: open or closed now, today's hours, the week.

The rule itself (overnight, exceptions, SQL against Python) is tested once, in
tests/guestdesk/test_hours.py; here the pages that agents and guests read.
"""

import re
from datetime import date, time

import pytest
import time_machine

from board.models import HoursException
from tests.board.conftest import at, every_day, make_entry

pytestmark = pytest.mark.django_db

WEDNESDAY = date(2026, 3, 11)
THURSDAY = date(2026, 3, 12)


def card(client, entry, moment, url="/board/"):
    """The text of `entry`'s card on `url` at `moment`, tags and spacing squashed."""
    with time_machine.travel(moment, tick=False):
        html = client.get(url).content.decode()
    match = re.search(rf'data-entry="{entry.pk}".*?</article>', html, re.S)
    assert match, f"entry {entry.pk} is not on {url}"
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(0)).split())


def test_an_open_service_says_until_when(agent_client):
    pool = make_entry(hours=every_day(time(7), time(22)))
    text = card(agent_client, pool, at(WEDNESDAY, 21, 30))
    assert "Open now until 22:00" in text
    assert "Today 07:00–22:00" in text


def test_a_closed_service_says_when_it_opens_today_or_on_which_day(agent_client):
    pool = make_entry(hours=every_day(time(7), time(22)))
    assert "Closed now opens at 07:00" in card(agent_client, pool, at(WEDNESDAY, 5))
    assert "Closed now opens Thu 07:00" in card(agent_client, pool, at(WEDNESDAY, 22, 30))


def test_a_bar_open_past_midnight_is_still_open_after_midnight(agent_client):
    bar = make_entry("restaurant", "Sky bar", hours=[(2, time(18), time(2))])  # Wednesday
    evening = card(agent_client, bar, at(WEDNESDAY, 23))
    assert "Open now until 02:00" in evening
    assert "Today 18:00–02:00 +1" in evening
    after_midnight = card(agent_client, bar, at(THURSDAY, 1, 30))
    assert "Open now until 02:00" in after_midnight
    assert "Closed now" in card(agent_client, bar, at(THURSDAY, 2, 30))


def test_a_holiday_shows_closed_today_and_is_listed_with_its_note(agent_client):
    pool = make_entry(hours=every_day(time(7), time(22)))
    HoursException.objects.create(entry=pool, date=WEDNESDAY, closed=True, note="Maintenance")
    text = card(agent_client, pool, at(WEDNESDAY, 12))
    assert "Closed now opens Thu 07:00" in text
    assert "Today closed today" in text
    assert "closed (Maintenance)" in text


def test_special_hours_on_a_date_replace_the_week_that_day(agent_client):
    spa = make_entry("spa", "Spa", hours=every_day(time(9), time(21)))
    HoursException.objects.create(entry=spa, date=WEDNESDAY, opens=time(12), closes=time(16))
    text = card(agent_client, spa, at(WEDNESDAY, 10))
    assert "Closed now opens at 12:00" in text
    assert "Today 12:00–16:00" in text


def test_the_week_is_printed_as_on_a_door(agent_client):
    pool = make_entry(hours=[*((d, time(7), time(22)) for d in range(5)), (5, time(9), time(23))])
    text = card(agent_client, pool, at(WEDNESDAY, 12))
    assert "Mon–Fri 07:00–22:00 Sat 09:00–23:00 Sun closed" in text


def test_the_week_is_printed_in_the_readers_language(agent_client):
    pool = make_entry(hours=[(d, time(7), time(22)) for d in range(5)])
    agent_client.cookies["django_language"] = "ru"
    text = card(agent_client, pool, at(WEDNESDAY, 12))
    assert "Пн–Пт 07:00–22:00 Сб–Вс" in text


def test_a_service_open_around_the_clock_needs_no_hours(agent_client):
    wifi = make_entry("wifi", "Wi-Fi", always_open=True)
    text = card(agent_client, wifi, at(WEDNESDAY, 3))
    assert "Open 24 hours" in text and "around the clock" in text
    nothing = make_entry("other", "Shop")
    assert "Closed now" in card(agent_client, nothing, at(WEDNESDAY, 12))


@time_machine.travel("2026-03-11 17:30:00+00:00", tick=False)  # 22:30 in Almaty (UTC+5)
def test_guests_read_the_hotel_clock_not_utc(client):
    make_entry(hours=every_day(time(7), time(22)))
    body = client.get("/guest/").content.decode()
    assert "Closed now" in body and "Open now" not in body
