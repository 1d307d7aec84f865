"""What each department reads: only its sections, only what concerns it."""

import datetime

import pytest

from digests.content import DayFacts, build
from digests.models import Section
from digests.services import preview
from tests.arrivals.factories import GuestFactory, StayFactory
from tests.digests.conftest import ALL, DAY, level, subscribe

pytestmark = pytest.mark.django_db

LEAP_DAY_1988 = datetime.date(1988, 2, 29)


def text_of(sub, day=DAY):
    subject, text, html = preview(sub, day)
    return subject, text, html


def test_housekeeping_gets_vip_and_arrivals_without_phone_numbers(arrivals_day):
    sub = subscribe("housekeeping", ["vip", "arrivals", "departures"])
    subject, text, html = text_of(sub)
    assert "25 November 2026" in subject
    assert "2 VIP arrivals" in subject
    assert "Ерлан Қожахметов" in text and "701" in text
    assert "Room preference: high floor" in text
    assert "+7 701" not in text and "+77012223344" not in text
    assert "+77012223344" not in html and "+7 701 222" not in html
    assert "Departing" in text  # departures section
    assert "Two bodyguards" not in text  # security notes are Security's only
    assert "Cancelled" not in text  # cancelled stays are not arrivals
    assert "Dietary needs and allergies" not in text  # not subscribed


def test_vip_arrivals_are_grouped_by_rank_highest_first(arrivals_day):
    sub = subscribe("management", ["vip"])
    _, text, _ = text_of(sub)
    assert text.index("VIP1") < text.index("Ерлан") < text.index("VIP3") < text.index("Anna")


def test_food_and_beverage_gets_dietary_needs_and_allergies(arrivals_day):
    sub = subscribe("food-beverage", ["dietary"])
    _, text, _ = text_of(sub)
    assert "Anna Schmidt" in text and "vegan" in text
    assert "ALLERGY: peanuts" in text
    assert "Дина" not in text  # nothing to note for her


def test_transport_gets_pickups_with_phone_numbers_when_allowed(arrivals_day):
    sub = subscribe("transport", ["transport"], show_phone_numbers=True)
    _, text, _ = text_of(sub)
    assert "KC 951" in text and "PICKUP NEEDED" in text
    assert "+49 1511 2345678" in text or "+4915112345678" in text


def test_security_gets_security_notes(arrivals_day):
    sub = subscribe("security", ["security"])
    _, text, _ = text_of(sub)
    assert "Two bodyguards in room 702" in text


def test_birthdays_during_the_stay_are_listed(arrivals_day):
    sub = subscribe("spa", ["occasions"])
    _, text, _ = text_of(sub)
    assert "Дина Әбілова" in text and "birthday 26 November" in text


def test_minimum_vip_level_leaves_lower_levels_out(arrivals_day):
    sub = subscribe("front-office", ["vip"], min_vip_level=level("VIP1"))
    _, text, _ = text_of(sub)
    assert "Ерлан" in text
    assert "Anna" not in text


def test_a_vip_level_told_to_some_departments_only_reaches_those(arrivals_day):
    spa = subscribe("spa", ["vip"])
    subscribe("security", ["vip"])
    level("VIP3").departments.set([spa.department])
    _, spa_text, _ = text_of(spa)
    _, security_text, _ = text_of(subscribe("security", ["vip"]))
    assert "Anna" in spa_text
    assert "Anna" not in security_text
    assert "Ерлан" in security_text  # VIP1 names no department: everyone is told


def test_a_quiet_day_still_says_so(db):
    sub = subscribe("housekeeping", ["vip", "arrivals"])
    subject, text, html = text_of(sub)
    assert "0 VIP arrivals" in subject
    assert "No VIP arrivals today." in text
    assert "No VIP arrivals today." in html


def test_it_is_written_in_the_departments_language(arrivals_day):
    sub = subscribe("housekeeping", ["vip"], language="ru")
    subject, text, _ = text_of(sub)
    assert "25 ноября 2026" in subject
    assert "VIP-заезды" in text or "Заезды VIP" in text


def test_the_html_body_is_an_email_with_an_acknowledge_button(arrivals_day):
    sub = subscribe("housekeeping", ["vip"])
    _, _, html = text_of(sub)
    assert "<!doctype html>" in html.lower()
    assert "I have read this digest" in html


@pytest.mark.parametrize("count", [5, 60])
def test_building_every_digest_of_a_day_runs_a_fixed_number_of_queries(
    count, django_assert_max_num_queries
):
    for code in ("housekeeping", "food-beverage", "transport", "security", "spa"):
        subscribe(code, ALL)
    vip = level("VIP2")
    for i in range(count):
        StayFactory(arrival_date=DAY, vip_level=vip if i % 3 == 0 else None)
        StayFactory(arrival_date=DAY - __import__("datetime").timedelta(days=2), departure_date=DAY)
    from digests.services import subscriptions

    with django_assert_max_num_queries(8):
        facts = DayFacts.collect(DAY)
        subs = list(subscriptions())
        contexts = [build(sub, facts) for sub in subs]
    assert all(len(c["arrivals"]) == count for c in contexts)
    assert all(c["vip_count"] == len(range(0, count, 3)) for c in contexts)
    assert Section.VIP in contexts[0]["sections"]


def test_the_department_is_named_in_the_digests_language(db):
    sub = subscribe("food-beverage", ["vip"], language="kk")
    subject, text, _ = text_of(sub)
    assert "Тамақтану қызметі" in subject
    assert "Food & Beverage" not in text


def test_a_guest_born_on_29_february_is_celebrated_on_28_february_in_a_common_year(db):
    day = datetime.date(2027, 2, 28)
    StayFactory(
        guest=GuestFactory(first_name="Leila", last_name="Leapling", birthday=LEAP_DAY_1988),
        arrival_date=day - datetime.timedelta(days=2),
        departure_date=day + datetime.timedelta(days=2),
    )
    sub = subscribe("spa", ["occasions"])
    _, text, _ = text_of(sub, day)
    assert "Leila Leapling" in text and "birthday 29 February" in text
    _, text, _ = text_of(sub, day + datetime.timedelta(days=1))
    assert "Leila Leapling" not in text


def test_one_days_lines_are_kept_apart_per_language(arrivals_day):
    """Two departments shown the same preferences and phone rule, one in Kazakh and one in
    Russian, share one DayFacts: each reads its lines in its own words."""
    from digests.services import email_context
    from guestdesk.emails import render

    kazakh = subscribe("management", ["arrivals"], language="kk")
    russian = subscribe("spa", ["arrivals"], language="ru")
    facts = DayFacts.collect(DAY)

    def lines(subscription):
        _subject, text, html = render(
            "digests-daily", email_context(subscription, facts), subscription.language
        )
        return text, html

    kk_text, kk_html = lines(kazakh)
    ru_text, ru_html = lines(russian)
    kk_again, _ = lines(kazakh)  # rendered after the Russian lines: still Kazakh
    for text in (kk_text, kk_html, kk_again):
        assert "нөмір" in text and "адам" in text
        assert "номер" not in text and "чел." not in text
    for text in (ru_text, ru_html):
        assert "номер" in text and "чел." in text
        assert "нөмір" not in text and "адам" not in text
    assert "Ерлан Қожахметов" in kk_text and "Ерлан Қожахметов" in ru_text


def test_one_days_lists_are_kept_apart_per_language_and_phone_rule(arrivals_day):
    """The dietary, transport, security and departure lists are written once per language
    and phone rule for the day and shared: each department still reads its own."""
    from digests.services import email_context
    from guestdesk.emails import render

    sections = ["dietary", "transport", "security", "departures", "occasions"]
    with_phones = subscribe("transport", sections, language="ru", show_phone_numbers=True)
    without = subscribe("security", sections, language="ru")
    english = subscribe("management", sections, language="en")
    facts = DayFacts.collect(DAY)

    def mail(subscription):
        _subject, text, html = render(
            "digests-daily", email_context(subscription, facts), subscription.language
        )
        return text, html

    for text in mail(with_phones):
        assert "KC 951" in text and "НУЖНА ВСТРЕЧА" in text and "АЛЛЕРГИЯ: peanuts" in text
        assert "+49 1511 2345678" in text
    for text in mail(without):
        assert "KC 951" in text and "НУЖНА ВСТРЕЧА" in text
        assert "+49 1511 2345678" not in text and "+4915112345678" not in text
    for text in mail(english):
        assert "PICKUP NEEDED" in text and "ALLERGY: peanuts" in text
        assert "НУЖНА" not in text and "+49 1511 2345678" not in text
    again_text, again_html = mail(with_phones)  # after the others: still Russian, with phones
    assert "+49 1511 2345678" in again_text and "НУЖНА ВСТРЕЧА" in again_html
