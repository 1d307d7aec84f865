"""Retention and erasure of guests' personal data; what the hotel holds about one guest.

Works on the models that declare their personal fields (see guestdesk.personal), so it
imports no app. Counts, dates, ratings and statistics stay: a stay keeps its dates, room,
VIP level and the guest's nationality; a review keeps its rating and topics.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone

from guestdesk import audit, personal


def held_about(guest: models.Model) -> dict[type[models.Model], list[models.Model]]:
    """Every record holding personal data of `guest`, by model (the guest first)."""
    held: dict[type[models.Model], list[models.Model]] = {}
    for model in personal.personal_models():
        rows = list(model._base_manager.filter(**{personal.owner_path(model): guest.pk}).distinct())
        if rows:
            held[model] = rows
    return held


@transaction.atomic
def anonymise_guest(
    guest: models.Model, *, reason: str, keep_review_text: bool | None = None
) -> Counter[str]:
    """Anonymise `guest` and every record about them; the audit trail records `reason`.

    Returns the number of records changed per model label. Safe to run twice.
    """
    counts: Counter[str] = Counter()
    with audit.path(reason):
        for model, rows in held_about(guest).items():
            for obj in rows:
                if personal.anonymise(obj, keep_review_text=keep_review_text):
                    counts[model._meta.label] += 1
            personal.scrub_history(model, [obj.pk for obj in rows])
        subject = personal.subject_model()
        marked = subject._base_manager.filter(pk=guest.pk, anonymised_at__isnull=True)
        marked.update(anonymised_at=timezone.now())
    return counts


def guest_cutoff(today: date | None = None) -> date:
    """Guests whose last departure is before this day have passed RETENTION_GUEST_DAYS."""
    return (today or timezone.localdate()) - timedelta(days=settings.RETENTION_GUEST_DAYS)


def files_cutoff(now: Any = None) -> Any:
    return (now or timezone.now()) - timedelta(days=settings.RETENTION_FILES_DAYS)


def expired_guests(today: date | None = None) -> models.QuerySet:
    subject = personal.subject_model()
    return subject._default_manager.past_retention(guest_cutoff(today))  # type: ignore[attr-defined]


def _expired_unowned(model: type[models.Model], today: date | None) -> models.QuerySet | None:
    """Rows with no guest (a walk-in's request, an online review) past RETENTION_GUEST_DAYS."""
    after = getattr(model, "PERSONAL_UNOWNED_AFTER", None)
    if after is None:
        return None
    cutoff = guest_cutoff(today)
    owner = personal.owner_path(model).split("__")[0]
    return model._base_manager.filter(**{f"{owner}__isnull": True, f"{after}__date__lt": cutoff})


def _expired_files(model: type[models.Model], now: Any) -> models.QuerySet:
    after = personal.retention_start(model)
    return model._base_manager.filter(**{f"{after}__lt": files_cutoff(now)})


def plan(today: date | None = None, now: Any = None) -> dict[str, int]:
    """What a purge would touch now: {what: how many} (the records may already be clean)."""
    result = {"guests": expired_guests(today).count()}
    for model in personal.personal_models():
        unowned = _expired_unowned(model, today)
        if unowned is not None:
            result[f"{model._meta.label} without a guest"] = unowned.count()
    for model in personal.retained_models():
        result[f"{model._meta.label} files"] = _expired_files(model, now).count()
    return result


def purge(today: date | None = None, now: Any = None) -> Counter[str]:
    """Anonymise everything past its retention; returns records changed per model label."""
    counts: Counter[str] = Counter()
    for guest in expired_guests(today).iterator():
        counts["guests"] += 1
        counts.update(anonymise_guest(guest, reason="retention"))
    with audit.path("retention"):
        for model in personal.personal_models():
            unowned = _expired_unowned(model, today)
            if unowned is None:
                continue
            rows = list(unowned)
            for obj in rows:
                if personal.anonymise(obj):
                    counts[model._meta.label] += 1
            personal.scrub_history(model, [obj.pk for obj in rows])
        for model in personal.retained_models():
            for obj in _expired_files(model, now).iterator():
                if personal.anonymise(obj):
                    counts[f"{model._meta.label} files"] += 1
    return counts


def export(guest: models.Model) -> dict[str, list[dict[str, Any]]]:
    """Everything held about `guest`, as plain data: {model label: [records]}."""
    data: dict[str, list[dict[str, Any]]] = {}
    for model, rows in held_about(guest).items():
        data[model._meta.label] = [_as_dict(obj) for obj in rows]
    return data


def _as_dict(obj: models.Model) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for f in obj._meta.concrete_fields:
        value = getattr(obj, f.attname)
        if isinstance(f, models.FileField):
            value = value.name if value else ""
        elif not isinstance(value, (str, int, float, bool, dict, list, type(None))):
            value = (
                DjangoJSONEncoder().default(value) if hasattr(value, "isoformat") else str(value)
            )
        values[f.name] = value
    return values


def labelled(guest: models.Model) -> list[dict[str, Any]]:
    """The export for a readable page: sections with field labels."""
    sections = []
    for model, rows in held_about(guest).items():
        fields = [f for f in model._meta.concrete_fields if f.name != "id"]
        sections.append(
            {
                "title": model._meta.verbose_name_plural,
                "label": model._meta.label,
                "records": [
                    [(f.verbose_name, _as_dict(obj)[f.name]) for f in fields] for obj in rows
                ],
            }
        )
    return sections
