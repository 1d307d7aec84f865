"""Building blocks the apps' forms share."""

from typing import TypeVar

from django import forms

_Field = TypeVar("_Field", bound=forms.Field)


def form_field(form: forms.BaseForm, name: str, kind: type[_Field]) -> _Field:
    """`form.fields[name]`, checked to be a `kind` (a ModelChoiceField, to set its queryset)."""
    field = form.fields[name]
    if not isinstance(field, kind):
        raise TypeError(f"{type(form).__name__}.{name} is not a {kind.__name__}.")
    return field
