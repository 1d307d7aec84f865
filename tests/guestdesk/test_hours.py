"""The one opening-hours rule (guestdesk.hours), tested once for the board and the guide.

Rule: a period belongs to the day it opens on; closing at or before opening is the next day.
"""

from datetime import UTC, date, datetime, time, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from board.models import HoursException, OpeningHours, ServiceEntry
from guestdesk import hours
from tests.vendors.conftest import make_place
from vendors.models import Place

ALMATY = ZoneInfo("Asia/Almaty")
SUNDAY = date(2026, 3, 1)
MONDAY = date(2026, 3, 2)
TUESDAY = date(2026, 3, 3)
WEDNESDAY = date(2026, 3, 4)


def at(day, hour, minute=0):
    return datetime.combine(day, time(hour, minute), tzinfo=ALMATY)


def week(*rows):
    """Weekly periods from (weekday, "HH:MM", "HH:MM")."""
    return [
        SimpleNamespace(weekday=d, opens=time.fromisoformat(o), closes=time.fromisoformat(c))
        for d, o, c in rows
    ]


def exception(day, opens=None, closes=None, closed=False):
    return SimpleNamespace(
        date=day,
        closed=closed,
        opens=time.fromisoformat(opens) if opens else None,
        closes=time.fromisoformat(closes) if closes else None,
    )


def status(weekly, moment, exceptions=(), always_open=False):
    return hours.status_at(weekly, exceptions, moment, always_open)


# The rule in Python ----------------------------------------------------------------------


def test_a_normal_day_is_open_from_opening_until_closing():
    cafe = week((0, "09:00", "18:00"))
    assert not status(cafe, at(MONDAY, 8, 59)).is_open
    opened = status(cafe, at(MONDAY, 9))
    assert opened.is_open and opened.closes_at == at(MONDAY, 18)
    closed = status(cafe, at(MONDAY, 18))
    assert not closed.is_open and closed.opens_at == at(MONDAY + timedelta(days=7), 9)


def test_a_period_closing_before_it_opens_runs_past_midnight():
    bar = week((0, "20:00", "02:00"))
    assert status(bar, at(MONDAY, 23)).closes_at == at(TUESDAY, 2)
    assert status(bar, at(TUESDAY, 1, 59)).is_open
    assert not status(bar, at(TUESDAY, 2)).is_open
    assert not status(bar, at(MONDAY, 1)).is_open  # Sunday night has no period


def test_sunday_night_runs_into_monday():
    club = week((6, "22:00", "03:00"))
    monday_night = status(club, at(MONDAY, 2))
    assert monday_night.is_open and monday_night.closes_at == at(MONDAY, 3)
    assert not status(club, at(MONDAY, 3)).is_open


def test_a_day_without_periods_is_closed_all_day():
    shop = week((0, "09:00", "18:00"), (2, "09:00", "18:00"))
    tuesday = status(shop, at(TUESDAY, 12))
    assert not tuesday.is_open
    assert tuesday.opens_at == at(WEDNESDAY, 9) and not tuesday.opens_today
    assert status(shop, at(TUESDAY, 6)).opens_at == at(WEDNESDAY, 9)


def test_midnight_to_midnight_is_round_the_clock():
    always = week(*((d, "00:00", "00:00") for d in range(7)))
    for hour in (0, 6, 12, 23):
        now = status(always, at(MONDAY, hour))
        # Open the whole week we look at: there is no closing time to give.
        assert now.is_open and now.closes_at is None
    one_day = week((0, "00:00", "00:00"))
    assert status(one_day, at(MONDAY, 23, 59)).closes_at == at(TUESDAY, 0)
    assert not status(one_day, at(TUESDAY, 0)).is_open


def test_opening_equals_closing_is_24_hours_from_the_opening():
    shift = week((0, "09:00", "09:00"))
    assert status(shift, at(TUESDAY, 8, 59)).is_open
    assert not status(shift, at(TUESDAY, 9)).is_open
    assert not status(shift, at(MONDAY, 8, 59)).is_open


def test_back_to_back_periods_close_when_the_last_one_ends():
    late = week((0, "18:00", "00:00"), (1, "00:00", "03:00"))
    assert status(late, at(MONDAY, 20)).closes_at == at(TUESDAY, 3)


def test_several_periods_a_day():
    restaurant = week((0, "12:00", "15:00"), (0, "18:00", "23:00"))
    between = status(restaurant, at(MONDAY, 16))
    assert not between.is_open and between.opens_at == at(MONDAY, 18) and between.opens_today


def test_a_closed_date_replaces_the_weekly_hours():
    pool = week(*((d, "07:00", "22:00") for d in range(7)))
    holiday = [exception(TUESDAY, closed=True)]
    assert not status(pool, at(TUESDAY, 12), holiday).is_open
    assert status(pool, at(TUESDAY, 12), holiday).opens_at == at(WEDNESDAY, 7)
    assert status(pool, at(MONDAY, 12), holiday).is_open


def test_special_hours_on_a_date_replace_that_day_only():
    spa = week(*((d, "09:00", "21:00") for d in range(7)))
    short = [exception(TUESDAY, "12:00", "16:00")]
    assert not status(spa, at(TUESDAY, 10), short).is_open
    assert status(spa, at(TUESDAY, 15), short).closes_at == at(TUESDAY, 16)
    assert status(spa, at(TUESDAY, 10), short).opens_at == at(TUESDAY, 12)
    assert status(spa, at(WEDNESDAY, 10), short).is_open


def test_an_exception_may_run_past_midnight_and_a_night_runs_into_a_holiday():
    bar = week((0, "20:00", "02:00"))
    new_year = [exception(TUESDAY, "20:00", "04:00"), exception(TUESDAY, closed=True)]
    # Monday's night belongs to Monday: it still runs into the closed Tuesday.
    assert status(bar, at(TUESDAY, 1), new_year).is_open
    # Tuesday's special night (the open row wins over the closed one) ends at 04:00 Wednesday.
    assert status(bar, at(WEDNESDAY, 3), new_year).closes_at == at(WEDNESDAY, 4)


def test_open_around_the_clock_needs_no_periods():
    now = status([], at(MONDAY, 3), always_open=True)
    assert now.is_open and now.always
    nothing = status([], at(MONDAY, 3))
    assert not nothing.is_open and nothing.opens_at is None


def test_moments_are_judged_on_the_almaty_clock_all_year():
    cafe = week((0, "09:00", "18:00"))
    # 04:00 UTC is 09:00 in Almaty (UTC+5), in winter and in summer alike (no DST).
    assert status(cafe, datetime(2026, 3, 2, 4, 0, tzinfo=UTC)).is_open
    assert not status(cafe, datetime(2026, 3, 2, 3, 59, tzinfo=UTC)).is_open
    assert status(cafe, datetime(2026, 7, 6, 4, 0, tzinfo=UTC)).is_open
    assert status(cafe, datetime(2026, 7, 6, 12, 0, tzinfo=UTC)).closes_at == datetime(
        2026, 7, 6, 13, 0, tzinfo=UTC
    )


# SQL and Python give the same answer ------------------------------------------------------


def _grid():
    """Every 50 minutes from Saturday to Wednesday, so minutes vary and midnight is crossed."""
    start = at(date(2026, 2, 28), 0, 10)
    return [start + timedelta(minutes=50 * n) for n in range(int(5 * 24 * 60 / 50))]


@pytest.mark.django_db
def test_the_guides_filter_and_its_places_agree():
    rows = {
        "day": [(0, "09:00", "18:00"), (1, "09:00", "18:00")],
        "night": [(0, "20:00", "02:00")],
        "sunday night": [(6, "22:00", "03:00")],
        "always": [(d, "00:00", "00:00") for d in range(7)],
        "shift": [(1, "09:00", "09:00")],
        "split": [(2, "12:00", "15:00"), (2, "18:00", "00:00")],
        "closed": [],
    }
    for name, periods in rows.items():
        make_place(name, hours=periods)
    places = list(Place.objects.for_listing())
    for moment in _grid():
        in_python = {p.name_en for p in places if p.is_open_at(moment)}
        in_sql = set(Place.objects.open_at(moment).values_list("name_en", flat=True))
        assert in_python == in_sql, moment


@pytest.mark.django_db
def test_the_boards_filter_and_its_entries_agree_with_exceptions():
    def entry(title, periods, exceptions=(), **extra):
        made = ServiceEntry.objects.create(category="other", title_en=title, **extra)
        for d, o, c in periods:
            OpeningHours.objects.create(entry=made, weekday=d, opens=o, closes=c)
        for day, o, c, closed in exceptions:
            HoursException.objects.create(entry=made, date=day, opens=o, closes=c, closed=closed)

    t = time
    entry("pool", [(d, t(7), t(22)) for d in range(7)], [(MONDAY, None, None, True)])
    entry("bar", [(d, t(20), t(2)) for d in range(7)], [(TUESDAY, None, None, True)])
    entry("spa", [(d, t(9), t(21)) for d in range(7)], [(MONDAY, t(12), t(16), False)])
    entry("party", [], [(SUNDAY, t(22), t(4), False), (MONDAY, t(0), t(0), False)])
    entry("wifi", [], always_open=True)
    entry("nothing", [])
    for moment in _grid():
        entries = list(ServiceEntry.objects.with_hours(moment.date()))
        in_python = {e.title_en for e in entries if e.is_open_at(moment)}
        in_sql = set(ServiceEntry.objects.open_at(moment).values_list("title_en", flat=True))
        assert in_python == in_sql, moment


# The week as on a door ------------------------------------------------------------------


DOOR = week(
    *((d, "07:00", "22:00") for d in range(5)),
    (5, "10:00", "16:00"),
    (5, "20:00", "02:00"),
)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", [("Mon–Fri", "07:00–22:00"), ("Sat", "10:00–16:00, 20:00–02:00"), ("Sun", None)]),
        ("ru", [("Пн–Пт", "07:00–22:00"), ("Сб", "10:00–16:00, 20:00–02:00"), ("Вс", None)]),
        ("kk", [("Дс–Жм", "07:00–22:00"), ("Сн", "10:00–16:00, 20:00–02:00"), ("Жс", None)]),
    ],
)
def test_the_week_reads_as_on_a_door(language, expected):
    with translation.override(language):
        assert [tuple(line) for line in hours.weekly_summary(DOOR)] == expected


def test_round_the_clock_and_no_hours_at_all():
    always = week(*((d, "00:00", "00:00") for d in range(7)))
    with translation.override("ru"):
        assert hours.weekly_summary(always) == [("Пн–Вс", "круглосуточно")]
    with translation.override("kk"):
        assert hours.weekly_summary(always) == [("Дс–Жс", "тәулік бойы")]
    assert hours.weekly_summary([]) == []


def test_closed_days_between_open_ones_split_the_week():
    weekends_off = week(*((d, "09:00", "18:00") for d in (0, 1, 3, 4)))
    with translation.override("en"):
        assert hours.weekly_summary(weekends_off) == [
            ("Mon–Tue", "09:00–18:00"),
            ("Wed", None),
            ("Thu–Fri", "09:00–18:00"),
            ("Sat–Sun", None),
        ]
