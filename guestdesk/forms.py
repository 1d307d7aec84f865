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


def small_controls(form: forms.BaseForm) -> None:
    """Bootstrap's small controls, for filter bars rendered field by field."""
    for field in form.fields.values():
        if isinstance(field.widget, forms.CheckboxInput):
            field.widget.attrs["class"] = "form-check-input"
        elif isinstance(field.widget, forms.Select):
            field.widget.attrs["class"] = "form-select form-select-sm"
        else:
            field.widget.attrs["class"] = "form-control form-control-sm"
