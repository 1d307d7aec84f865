"""Translated fields read as plain values pick the text modeltranslation's order gives."""

from types import SimpleNamespace

import pytest
from django.utils import translation

from board.models import Event
from guestdesk.translated import Translated, fallback_order, written_in


def test_the_order_is_the_language_then_english_russian_kazakh():
    assert fallback_order("kk") == ["kk", "en", "ru"]
    assert fallback_order("ru") == ["ru", "en", "kk"]
    assert fallback_order("en") == ["en", "ru", "kk"]


def row(**texts):
    return SimpleNamespace(**{f"name_{code}": texts.get(code, "") for code in ("kk", "ru", "en")})


@pytest.mark.parametrize(
    ("texts", "language", "shown"),
    [
        ({"kk": "Көкбазар", "ru": "Зелёный базар", "en": "Green Bazaar"}, "kk", ("Көкбазар", "kk")),
        ({"ru": "Зелёный базар", "en": "Green Bazaar"}, "kk", ("Green Bazaar", "en")),
        ({"kk": "  ", "ru": "Зелёный базар"}, "kk", ("Зелёный базар", "ru")),  # blank: unwritten
        ({"kk": "Көкбазар"}, "ru", ("Көкбазар", "kk")),
        ({}, "ru", ("", "ru")),
    ],
)
def test_written_in_says_which_language_it_fell_back_to(texts, language, shown):
    assert written_in(row(**texts), "name", language) == shown


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["kk", "ru", "en"])
@pytest.mark.parametrize(
    "titles",
    [
        {"title_kk": "Домбыра кеші", "title_ru": "Вечер домбры", "title_en": "Dombra evening"},
        {"title_kk": "", "title_ru": "Вечер домбры", "title_en": ""},
        {"title_kk": "Домбыра кеші", "title_ru": "", "title_en": ""},
        {"title_kk": "", "title_ru": "", "title_en": ""},
    ],
)
def test_translated_shows_what_the_model_shows(language, titles):
    event = Event(**titles)
    with translation.override(language):
        title = Translated(Event, "title")
        assert title.of([getattr(event, column) for column in title.columns]) == event.title
