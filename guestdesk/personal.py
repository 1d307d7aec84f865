"""Which fields hold guests' personal data, and how each is anonymised.

The one list is spread over the models that own the fields, so guestdesk imports no app:
a model declares

    PERSONAL_FIELDS = {"first_name": personal.NAME, "email": personal.CONTACT, ...}
    PERSONAL_OWNER = "guest"          # lookup from the model to the guest it belongs to
    PERSONAL_UNOWNED_AFTER = "created_at"  # optional: rows without a guest expire by this date

and the guest model sets `PERSONAL_OWNER = "pk"`. Files and reports that keep personal data
for a short while declare `RETAINED = {"after": "created_at", "fields": {"file": DOCUMENT}}`.
`personal_models()` and `retained_models()` collect them from the app registry.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(StrEnum):
    NAME = "name"  # kept as initials
    CONTACT = "contact"  # emptied
    TEXT = "text"  # free text: emptied
    DATE = "date"  # emptied (a birthday)
    DATA = "data"  # structured details (passport numbers, passengers): emptied
    DOCUMENT = "document"  # a stored file: deleted
    REVIEW_TEXT = "review text"  # kept when ERASURE_KEEPS_REVIEW_TEXT, emptied otherwise
    REPORT = "report"  # an import report: its row data dropped, its counts kept


NAME, CONTACT, TEXT, DATE, DATA, DOCUMENT, REVIEW_TEXT, REPORT = Kind

KIND_LABELS = {
    Kind.NAME: _("kept as initials"),
    Kind.CONTACT: _("removed"),
    Kind.TEXT: _("removed"),
    Kind.DATE: _("removed"),
    Kind.DATA: _("removed"),
    Kind.DOCUMENT: _("file deleted"),
    Kind.REVIEW_TEXT: _("kept or removed, as the hotel chooses"),
    Kind.REPORT: _("row data removed, counts kept"),
}


def personal_models() -> list[type[models.Model]]:
    """Models with personal fields, in app order."""
    return [m for m in apps.get_models() if getattr(m, "PERSONAL_FIELDS", None)]


def subject_model() -> type[models.Model]:
    """The model of the people the data is about (the guest)."""
    for model in personal_models():
        if owner_path(model) == "pk":
            return model
    raise LookupError("No model declares PERSONAL_OWNER = 'pk'.")


def retained_models() -> list[type[models.Model]]:
    """Models whose files, reports or bodies are kept only RETENTION_FILES_DAYS."""
    return [m for m in apps.get_models() if getattr(m, "RETAINED", None)]


def fields_of(model: type[models.Model]) -> dict[str, Kind]:
    """The personal fields `model` declares (`PERSONAL_FIELDS`), with their kinds."""
    fields: dict[str, Kind] = getattr(model, "PERSONAL_FIELDS", {})
    return fields


def owner_path(model: type[models.Model]) -> str:
    """The lookup from a row of `model` to the guest it is about (`PERSONAL_OWNER`)."""
    path: str = getattr(model, "PERSONAL_OWNER")  # noqa: B009 - declared per model, not typed
    return path


def retention_start(model: type[models.Model]) -> str:
    """The field a kept-briefly row's retention counts from (`RETAINED["after"]`)."""
    after: str = getattr(model, "RETAINED")["after"]  # noqa: B009 - declared per model
    return after


def initials(value: str) -> str:
    """'Әсем Нұрланқызы' -> 'Ә. Н.'; already initials stay as they are."""
    return " ".join(f"{word[0]}." for word in value.replace(".", " ").split())


def anonymous_value(kind: Kind, value: Any, *, keep_review_text: bool | None = None) -> Any:
    """What a field of `kind` holding `value` becomes once anonymised."""
    if kind is Kind.NAME:
        return initials(value or "")
    if kind is Kind.DATE:
        return None
    if kind is Kind.DATA:
        return {} if isinstance(value, dict) else []
    if kind is Kind.REVIEW_TEXT:
        keep = settings.ERASURE_KEEPS_REVIEW_TEXT if keep_review_text is None else keep_review_text
        return value if keep else ""
    if kind is Kind.REPORT:
        return {k: v for k, v in (value or {}).items() if k != "rows"}
    if value is None:
        return None
    return ""


def is_anonymous(kind: Kind, value: Any) -> bool:
    """Whether `value` holds nothing personal any more (review text aside: the hotel decides)."""
    if kind is Kind.NAME:
        return all(len(word) == 2 and word.endswith(".") for word in (value or "").split())
    if kind is Kind.REVIEW_TEXT:
        return True
    if kind is Kind.REPORT:
        return "rows" not in (value or {})
    return value in (None, "", {}, [])


def anonymise(obj: models.Model, *, keep_review_text: bool | None = None) -> bool:
    """Replace the personal fields of `obj` (files deleted) and save; True if anything changed.

    The save is a change like any other and lands in the audit trail; `scrub_history`
    then removes the old values from it.
    """
    kinds = {
        **getattr(obj, "PERSONAL_FIELDS", {}),
        **getattr(obj, "RETAINED", {}).get("fields", {}),
    }
    changed = []
    for name, kind in kinds.items():
        value = getattr(obj, name)
        if kind is Kind.DOCUMENT:
            if value:
                value.delete(save=False)
                changed.append(name)
            continue
        new = anonymous_value(kind, value, keep_review_text=keep_review_text)
        if new != value:
            setattr(obj, name, new)
            changed.append(name)
    if changed:
        obj.save(update_fields=changed)
    return bool(changed)


def scrub_history(model: type[models.Model], pks: list[Any]) -> int:
    """Give the audit rows of records `pks` their records' anonymised values: history must not
    keep what erasure removed. Returns the number of rows rewritten."""
    history = getattr(model, "history", None)
    if history is None or not pks:
        return 0
    names = [
        name for name in fields_of(model) if name in {f.name for f in history.model.tracked_fields}
    ]
    count = 0
    for obj in model._base_manager.filter(pk__in=pks).only("pk", *names):
        values = {}
        for name in names:
            f = model._meta.get_field(name)
            assert isinstance(f, models.Field), f"{model.__name__}.{name} is not a column"
            values[f.attname] = getattr(obj, f.attname)
        count += history.model.objects.filter(id=obj.pk).update(**values)
    return count
