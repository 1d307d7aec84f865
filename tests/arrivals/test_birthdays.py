"""Birthdays on lists and in digests, guests born on 29 February included."""

from datetime import date, timedelta

import pytest

from arrivals.models import Stay, birthday_in
from tests.arrivals.factories import GuestFactory, StayFactory

pytestmark = pytest.mark.django_db

LEAPLING = date(1988, 2, 29)


@pytest.mark.parametrize(
    ("year", "kept_on"),
    [(2027, date(2027, 2, 28)), (2028, date(2028, 2, 29)), (2100, date(2100, 2, 28))],
)
def test_a_29_february_birthday_is_kept_on_the_28th_in_a_common_year(year, kept_on):
    assert birthday_in(LEAPLING, year) == kept_on


def test_other_birthdays_keep_their_day():
    assert birthday_in(date(1990, 3, 1), 2027) == date(2027, 3, 1)
    assert birthday_in(date(1990, 12, 31), 2028) == date(2028, 12, 31)


@pytest.mark.parametrize(
    ("arrival", "nights", "cake"),
    [
        (date(2027, 2, 27), 1, True),  # leaves on the 28th: the departure day counts too
        (date(2027, 2, 26), 1, False),
        (date(2027, 2, 28), 2, True),
        (date(2027, 2, 26), 5, True),
        (date(2027, 3, 1), 3, False),
        (date(2028, 2, 28), 1, True),  # leaves on the 29th, the real birthday
        (date(2028, 3, 1), 2, False),
        (date(2027, 12, 30), 4, False),  # across the new year, no birthday in it
    ],
)
def test_the_cake_on_the_list_for_a_guest_born_on_29_february(arrival, nights, cake):
    stay = StayFactory(
        guest=GuestFactory(birthday=LEAPLING),
        arrival_date=arrival,
        departure_date=arrival + timedelta(days=nights),
    )
    assert stay.birthday_in_stay is cake


def test_a_stay_across_the_new_year_finds_a_1_january_birthday():
    stay = StayFactory(
        guest=GuestFactory(birthday=date(1970, 1, 1)),
        arrival_date=date(2026, 12, 30),
        departure_date=date(2027, 1, 3),
    )
    assert stay.birthday_in_stay is True


def test_in_house_birthdays_of_a_day_include_29_february_in_a_common_year():
    leapling = StayFactory(
        guest=GuestFactory(birthday=LEAPLING),
        arrival_date=date(2027, 2, 25),
        departure_date=date(2027, 3, 3),
    )
    born_28th = StayFactory(
        guest=GuestFactory(birthday=date(1990, 2, 28)),
        arrival_date=date(2027, 2, 25),
        departure_date=date(2027, 3, 3),
    )
    StayFactory(
        guest=GuestFactory(birthday=date(1990, 3, 1)),
        arrival_date=date(2027, 2, 25),
        departure_date=date(2027, 3, 3),
    )

    def born(day):
        return set(Stay.objects.in_house_on(day).birthday_on(day))

    assert born(date(2027, 2, 28)) == {leapling, born_28th}
    assert born(date(2027, 3, 1)) - {leapling, born_28th} != set()
    assert leapling not in born(date(2027, 3, 1))


def test_in_a_leap_year_29_february_is_its_own_day():
    leapling = StayFactory(
        guest=GuestFactory(birthday=LEAPLING),
        arrival_date=date(2028, 2, 25),
        departure_date=date(2028, 3, 3),
    )
    assert leapling not in Stay.objects.birthday_on(date(2028, 2, 28))
    assert leapling in Stay.objects.birthday_on(date(2028, 2, 29))
