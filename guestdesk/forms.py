"""Building blocks the apps' forms share."""

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django_stubs_ext import StrOrPromise

_Field = TypeVar("_Field", bound=forms.Field)


def form_field(form: forms.BaseForm, name: str, kind: type[_Field]) -> _Field:
    """`form.fields[name]`, checked to be a `kind` (a ModelChoiceField, to set its queryset)."""
    field = form.fields[name]
    if not isinstance(field, kind):
        raise TypeError(f"{type(form).__name__}.{name} is not a {kind.__name__}.")
    return field


def checkboxes(
    label: StrOrPromise, choices: Iterable[tuple[Any, Any]], **options: Any
) -> forms.MultipleChoiceField:
    """Several of `choices` ticked as checkboxes (a model's JSON list of codes)."""
    return forms.MultipleChoiceField(
        label=label, choices=choices, widget=forms.CheckboxSelectMultiple, **options
    )


def small_controls(form: forms.BaseForm) -> None:
    """Bootstrap's small controls, for filter bars rendered field by field."""
    for field in form.fields.values():
        if isinstance(field.widget, forms.CheckboxInput):
            field.widget.attrs["class"] = "form-check-input"
        elif isinstance(field.widget, forms.Select):
            field.widget.attrs["class"] = "form-select form-select-sm"
        else:
            field.widget.attrs["class"] = "form-control form-control-sm"


def in_languages(*bases: str) -> list[str]:
    """The translated fields of `bases` in every language: "title_kk", "title_ru", ..."""
    return [f"{base}_{code}" for base in bases for code, _name in settings.LANGUAGES]


def label_languages(form: forms.BaseForm, base_labels: Mapping[str, StrOrPromise]) -> None:
    """Label translated fields "Title (Kazakh)" etc., in the reader's language.

    A field `<base>_<language code>` whose base is in `base_labels` gets that label.
    """
    names = dict(settings.LANGUAGES)
    for name, field in form.fields.items():
        base, _sep, code = name.rpartition("_")
        if code in names and base in base_labels:
            field.label = gettext("%(field)s (%(language)s)") % {
                "field": base_labels[base],
                "language": names[code],
            }
