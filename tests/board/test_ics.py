"""The iCalendar feed: valid RFC 5545, public events only, hotel time zone."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from tests.board.conftest import at, make_event

pytestmark = pytest.mark.django_db


def feed(client, **params):
    response = client.get("/guest/events.ics", params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_it_parses_and_lists_public_events_only(client, venue, today):
    concert = make_event(venue, at(today, 20), title="Concert", title_kk="Концерт кеші")
    make_event(venue, at(today, 12), title="Private wedding", public=False)
    calendar = feed(client)
    assert calendar["VERSION"] == "2.0"
    assert "PRODID" in calendar
    events = calendar.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["Concert"]
    event = events[0]
    assert str(event["UID"]) == f"event-{concert.pk}@testserver"
    assert "DTSTAMP" in event
    assert str(event["LOCATION"]) == "Grand ballroom"
    assert event["DTSTART"].dt == concert.starts_at
    assert event["DTEND"].dt == concert.ends_at


def test_times_carry_the_hotels_time_zone_with_a_vtimezone(client, venue, today, settings):
    make_event(venue, at(today, 20))
    calendar = feed(client)
    start = calendar.walk("VEVENT")[0]["DTSTART"]
    assert start.params["TZID"] == settings.TIME_ZONE
    assert start.dt.tzinfo.key == ZoneInfo(settings.TIME_ZONE).key
    zones = [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")]
    assert zones == [settings.TIME_ZONE]


def test_it_speaks_the_language_asked_for(client, venue, today):
    make_event(venue, at(today, 20), title="Concert", title_kk="Концерт кеші")
    calendar = feed(client, lang="kk")
    assert str(calendar.walk("VEVENT")[0]["SUMMARY"]) == "Концерт кеші"


def test_it_leaves_out_events_long_past(client, venue, today):
    make_event(venue, at(today - timedelta(days=60), 20), title="Old concert")
    assert feed(client).walk("VEVENT") == []


def test_lines_are_folded_and_end_with_crlf(client, venue, today):
    make_event(venue, at(today, 20), description_en="A long description " * 10)
    raw = client.get("/guest/events.ics").content
    assert b"\r\n" in raw
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
