"""A stay's history reads as text in the active language (arrivals.history)."""

import pytest
from django.template import Context, Template
from django.utils import translation

from arrivals.history import history_label, history_lines, history_value
from arrivals.models import StayChange


@pytest.mark.parametrize(
    ("language", "label", "old", "new"),
    [
        ("en", "reviewed", "no", "yes"),
        ("ru", "проверено", "нет", "да"),
        ("kk", "тексерілді", "жоқ", "иә"),
    ],
)
def test_booleans_read_yes_and_no(language, label, old, new):
    change = StayChange(changes={"reviewed": [False, True]})
    with translation.override(language):
        [line] = history_lines(change)
    assert (line.label, line.old, line.new) == (label, old, new)


def test_nothing_reads_as_a_dash_and_choices_by_their_labels():
    with translation.override("ru"):
        assert history_value("room", None) == "—"
        assert history_value("room", "") == "—"
        assert history_value("status", "in_house") == "проживает"
        assert history_label("status") == "статус"


def test_dates_times_vip_codes_and_languages_read_in_the_interface_language():
    with translation.override("kk"):
        assert history_value("arrival_date", "2026-12-01") == "1 желтоқсан 2026"
        assert history_value("eta", "14:30:00") == "14:30"
        assert history_value("vip_level", "VIP1") == "VIP1"
        assert history_value("guest.language", "de") == "Немісше"
    with translation.override("en"):
        assert history_value("reviewed_at", "2026-12-01T09:15:00+05:00") == "1 December 2026 09:15"
        assert history_value("missing_confirmed", "cancel") == "cancel the stay"
        assert history_value("adults", 2) == "2"


def test_an_unknown_key_and_a_malformed_row_still_show():
    with translation.override("en"):
        assert history_label("something_else") == "something_else"
        [line] = history_lines(StayChange(changes={"room": "101"}))
    assert (line.old, line.new) == ("—", "101")
    assert history_lines(StayChange(changes=["not", "a", "dict"])) == []


@pytest.mark.parametrize(
    ("language", "adults", "children", "text"),
    [
        ("en", 1, 1, "1 adult, 1 child"),
        ("en", 2, 3, "2 adults, 3 children"),
        ("ru", 1, 1, "1 взрослый, 1 ребёнок"),
        ("ru", 2, 3, "2 взрослых, 3 ребёнка"),
        ("ru", 5, 0, "5 взрослых, 0 детей"),
        ("kk", 2, 1, "2 ересек, 1 бала"),
    ],
)
def test_adults_and_children_take_the_plural_form_of_their_count(language, adults, children, text):
    template = Template("{% load arrivals_tags %}{% party a c %}")
    with translation.override(language):
        assert template.render(Context({"a": adults, "c": children})) == text
