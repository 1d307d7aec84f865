"""Translated fields read as plain values: which language's text a reader is shown.

Models keep a translated field (a place's name, an event's title) in one column per language
(django-modeltranslation: name_kk, name_ru, name_en). Long lists read those columns with
`values_list()` instead of building a model a row, and then must pick the text themselves,
in the same order modeltranslation falls back through (MODELTRANSLATION_FALLBACK_LANGUAGES):

- `Translated` picks exactly what modeltranslation's descriptor would show (the staff board);
- `written_in` picks the first language the text is written in and says which, so a page can
  mark a text shown in another language (the local guide, recommendation sheets).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, cast

from django.conf import settings
from django.db.models import Model, QuerySet
from modeltranslation.fields import NONE
from modeltranslation.utils import (
    build_localized_fieldname,
    fallbacks_enabled,
    get_language,
    resolution_order,
)


def fallback_order(language: str) -> list[str]:
    """`language` first, then the configured fallbacks (en, ru, kk), then every other
    interface language, each once."""
    configured = settings.MODELTRANSLATION_FALLBACK_LANGUAGES.get("default", ())
    order = [language, *configured, *(code for code, _name in settings.LANGUAGES)]
    return [code for index, code in enumerate(order) if code and code not in order[:index]]


def written_in(
    source: Any, field: str, language: str, order: Iterable[str] | None = None
) -> tuple[str, str]:
    """(text, language it is in) of translated `field` of `source` (a model, or a row with
    the per-language attributes `field`_kk...): the first language of `order` (by default
    fallback_order(language)) in which it is written; a blank text is not written.
    ("", language) when it is written in none."""
    for code in fallback_order(language) if order is None else order:
        value = getattr(source, f"{field}_{code}", "") or ""
        if value.strip():
            return value, code
    return "", language


class Translated:
    """How modeltranslation shows translated `field` of `model` in the active language, for
    rows that read its columns as plain values: the columns it falls back through, in its
    order, and what it shows when every one is empty (TranslationFieldDescriptor.__get__)."""

    __slots__ = ("columns", "undefined", "empty")

    def __init__(self, model: type[Model], field: str) -> None:
        descriptor = getattr(model, field)  # the class attribute is the descriptor itself
        languages = resolution_order(get_language(), descriptor.fallback_languages)
        self.columns = tuple(build_localized_fieldname(field, code) for code in languages)
        default = descriptor.field.get_default()
        undefined = descriptor.fallback_undefined
        self.undefined = default if undefined is NONE else undefined
        fallback = descriptor.fallback_value
        self.empty = fallback if fallbacks_enabled() and fallback is not NONE else default

    def of(self, values: Sequence[Any]) -> Any:
        """The value shown of `values`, read from `columns` in order."""
        for value in values:
            if value is not None and value != self.undefined:
                return value
        return self.empty


def untranslated(queryset: QuerySet[Any]) -> QuerySet[Any]:
    """`queryset` reading the columns it names (title_kk), without modeltranslation's
    rewriting (of "title" into the active language's column) and per-row fallback."""
    return cast(QuerySet[Any], queryset.rewrite(False))  # type: ignore[attr-defined]
