"""Dates and money as each interface language writes them (guestdesk.formatting)."""

from datetime import date
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from guestdesk.formatting import day_heading, day_month, long_date, money

TUESDAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("language", "heading", "short_heading"),
    [
        ("en", "Tuesday, 1 December 2026", "Tuesday, 1 December"),
        ("ru", "вторник, 1 декабря 2026", "вторник, 1 декабря"),
        ("kk", "сейсенбі, 1 желтоқсан 2026", "сейсенбі, 1 желтоқсан"),
    ],
)
def test_day_headings_use_the_month_after_a_day_and_lower_case_names(
    language, heading, short_heading
):
    with translation.override(language):
        assert day_heading(TUESDAY) == heading
        assert day_heading(TUESDAY, with_year=False) == short_heading


@pytest.mark.parametrize(
    ("language", "long", "month_day", "short"),
    [
        ("en", "1 December 2026", "1 December", "01.12.2026"),
        ("ru", "1 декабря 2026 г.", "1 декабря", "01.12.2026"),
        ("kk", "1 желтоқсан 2026", "1 желтоқсан", "01.12.2026"),
    ],
)
def test_dates_follow_the_language_formats_never_us_ones(language, long, month_day, short):
    with translation.override(language):
        assert long_date(TUESDAY) == long
        assert day_month(TUESDAY) == month_day
        rendered = Template('{{ d|date:"SHORT_DATE_FORMAT" }}').render(Context({"d": TUESDAY}))
        assert rendered == short


def test_an_empty_date_is_empty():
    assert long_date(None) == day_heading(None) == day_month(None) == ""


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "62\xa0000.00\xa0KZT"), ("ru", "62\xa0000,00\xa0KZT"), ("kk", "62\xa0000,00\xa0KZT")],
)
def test_money_is_grouped_with_two_decimals_and_the_currency_code(language, text):
    with translation.override(language):
        assert money(Decimal("62000"), "KZT") == text
        assert money("1234567.5", "USD").startswith("1\xa0234\xa0567")


def test_money_without_an_amount_is_a_dash_and_without_a_currency_a_number():
    with translation.override("en"):
        assert money(None, "KZT") == "—"
        assert money(Decimal("1500.5")) == "1\xa0500.50"


def test_the_template_filters_render_the_same_helpers():
    template = Template(
        "{% load formatting %}{{ d|day_heading }}|{{ d|long_date }}|{{ d|day_month }}|"
        "{{ p|money:'KZT' }}"
    )
    with translation.override("ru"):
        text = template.render(Context({"d": TUESDAY, "p": Decimal("62000")}))
    assert text == "вторник, 1 декабря 2026|1 декабря 2026 г.|1 декабря|62\xa0000,00\xa0KZT"
