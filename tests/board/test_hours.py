"""'Open now' is computed from the hours in the hotel's time zone."""

from datetime import date, time

import pytest
import time_machine

from board.models import HoursException, ServiceEntry
from tests.board.conftest import at, every_day, make_entry

pytestmark = pytest.mark.django_db

WEDNESDAY = date(2026, 3, 11)


def status(entry, moment):
    entry = ServiceEntry.objects.with_hours(moment.date()).get(pk=entry.pk)
    return entry.status_at(moment)


def test_it_is_open_between_opening_and_closing_in_hotel_time():
    pool = make_entry(hours=every_day(time(7), time(22)))
    assert status(pool, at(WEDNESDAY, 7)).is_open
    assert status(pool, at(WEDNESDAY, 21, 59)).closes_at == at(WEDNESDAY, 22)
    closed = status(pool, at(WEDNESDAY, 22))
    assert not closed.is_open
    assert closed.opens_at == at(date(2026, 3, 12), 7)


@time_machine.travel("2026-03-11 17:30:00+00:00", tick=False)  # 22:30 in Almaty (UTC+5)
def test_it_uses_the_hotel_clock_not_utc(settings):
    settings.TIME_ZONE = "Asia/Almaty"
    pool = make_entry(hours=every_day(time(7), time(22)))
    assert not ServiceEntry.objects.with_hours(WEDNESDAY).get(pk=pool.pk).status_at().is_open


def test_hours_past_midnight_are_open_after_midnight_the_next_day():
    bar = make_entry("restaurant", "Sky bar", hours=[(2, time(18), time(2), True)])  # Wednesday
    assert status(bar, at(WEDNESDAY, 23)).is_open
    after_midnight = status(bar, at(date(2026, 3, 12), 1, 30))
    assert after_midnight.is_open
    assert after_midnight.closes_at == at(date(2026, 3, 12), 2)
    assert not status(bar, at(date(2026, 3, 12), 2, 30)).is_open


def test_a_holiday_closes_the_service_all_day():
    pool = make_entry(hours=every_day(time(7), time(22)))
    HoursException.objects.create(entry=pool, date=WEDNESDAY, closed=True, note="Maintenance")
    assert not status(pool, at(WEDNESDAY, 12)).is_open
    assert status(pool, at(date(2026, 3, 12), 12)).is_open


def test_an_exception_replaces_the_weekly_hours_that_day():
    spa = make_entry("spa", "Spa", hours=every_day(time(9), time(21)))
    HoursException.objects.create(entry=spa, date=WEDNESDAY, opens=time(12), closes=time(16))
    assert not status(spa, at(WEDNESDAY, 10)).is_open
    assert status(spa, at(WEDNESDAY, 15)).is_open
    assert not status(spa, at(WEDNESDAY, 17)).is_open


def test_a_day_may_have_several_openings():
    restaurant = make_entry(
        "restaurant",
        "Restaurant",
        hours=[(2, time(12), time(15), False), (2, time(18), time(23), False)],
    )
    assert status(restaurant, at(WEDNESDAY, 13)).is_open
    assert not status(restaurant, at(WEDNESDAY, 16)).is_open
    assert status(restaurant, at(WEDNESDAY, 16)).opens_at == at(WEDNESDAY, 18)


def test_a_service_without_hours_is_open_around_the_clock_only_when_marked():
    wifi = make_entry("wifi", "Wi-Fi", always_open=True)
    assert status(wifi, at(WEDNESDAY, 3)).always
    nothing = make_entry("other", "Shop")
    assert not status(nothing, at(WEDNESDAY, 12)).is_open


@pytest.mark.django_db
def test_the_week_is_summarised_as_on_a_door():
    import datetime as dt

    from board.models import OpeningHours, ServiceEntry

    entry = ServiceEntry.objects.create(category="pool", title_en="Pool")
    for day in range(5):
        OpeningHours.objects.create(entry=entry, weekday=day, opens=dt.time(7), closes=dt.time(22))
    OpeningHours.objects.create(entry=entry, weekday=5, opens=dt.time(9), closes=dt.time(23))
    OpeningHours.objects.create(
        entry=entry, weekday=5, opens=dt.time(23, 30), closes=dt.time(1), past_midnight=True
    )
    assert [(str(d), h) for d, h in entry.weekly_hours()] == [
        ("Mon–Fri", "07:00–22:00"),
        ("Sat", "09:00–23:00, 23:30–01:00 (+1)"),
        ("Sun", None),
    ]
