"""The guest's preferred language: ISO 639-1 codes, names in the interface language."""

import pytest
from django.utils import translation

from arrivals.languages import CODES, language_choices, language_name, parse_language
from arrivals.models import Guest


def test_the_usual_languages_come_first_then_the_rest_by_name():
    with translation.override("en"):
        choices = language_choices()
    assert [code for code, _ in choices[:3]] == ["kk", "ru", "en"]
    rest = [name.casefold() for _, name in choices[3:]]
    assert rest == sorted(rest)
    assert {code for code, _ in choices} == CODES
    assert len(CODES) == 183


@pytest.mark.parametrize(
    ("interface", "code", "name"),
    [
        ("en", "kk", "Kazakh"),
        ("ru", "kk", "Казахский"),
        ("kk", "kk", "Қазақша"),
        ("kk", "de", "Немісше"),
        # Django's kk catalogue has these in Russian or English; the Kazakh table names them.
        ("kk", "ky", "Қырғызша"),
        ("kk", "zh", "Қытайша"),
        ("kk", "be", "Беларусша"),
        # Django does not know Afar; pycountry names it, in Russian too.
        ("en", "aa", "Afar"),
        ("ru", "aa", "Афар"),
    ],
)
def test_names_follow_the_interface_language(interface, code, name):
    with translation.override(interface):
        assert language_name(code) == name
        assert (code, f"{name} ({code})") in language_choices()


def test_the_guest_form_field_offers_localised_names_and_stores_the_code():
    field = Guest._meta.get_field("language")
    with translation.override("ru"):
        assert ("ru", "Русский (ru)") in list(field.choices)
    field.clean("kk", None)  # a stored code stays valid


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("en-GB", "en"),
        ("KK", "kk"),
        ("Russian", "ru"),
        ("Afar", "aa"),
        ("Қазақ", "kk"),
        ("Русский", "ru"),
    ],
)
def test_import_values_parse_to_codes(value, code):
    assert parse_language(value) == code


def test_an_unknown_language_is_not_guessed():
    assert parse_language("Klingon") is None
    assert parse_language("sh") is None


KAZAKH_LETTERS = set("аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя")


@pytest.mark.parametrize(
    "code",
    "kk ru en tr zh de fr ar ko ja uz ky tg tk az uk be it es".split(),  # noqa: SIM905
)
def test_the_kazakh_interface_names_common_languages_in_kazakh(code):
    with translation.override("kk"):
        name = language_name(code)
    assert set(name.lower()) <= KAZAKH_LETTERS, name
    assert name.lower().endswith(("ша", "ше")), name  # not Russian "-ский", not English
