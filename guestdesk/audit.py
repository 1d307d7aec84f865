"""The audit trail: who changed which field of a staff-edited record, when, and by which path.

One library keeps it: django-simple-history. Each model in `AUDITED` declares
`history = HistoricalRecords()` in its models.py; `HistoryRequestMiddleware` gives the user of
web requests, and `path()` names the way a change came in (an import batch, a command, the
API). The domain timelines the desk reads (a stay's moves, a request's events) are separate:
see docs/DEVELOPING.md.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.apps import apps
from django.core import checks
from django.db import models
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords, registered_models
from simple_history.signals import pre_create_historical_record

from guestdesk import roles

# Every model staff change, by label: each declares `history = HistoricalRecords()`.
# The system check below and tests/privacy/test_audit.py hold this list and the models together.
AUDITED: tuple[str, ...] = (
    "guestdesk.Department",
    "board.Venue",
    "board.ServiceEntry",
    "board.Event",
    "arrivals.VipLevel",
    "arrivals.Guest",
    "arrivals.Stay",
    "digests.DigestSubscription",
    "vendors.Supplier",
    "vendors.Contact",
    "vendors.Place",
    "requests_desk.ServiceRequest",
    "reviews.Topic",
    "reviews.Review",
    "traces.TraceRule",
    "traces.Trace",
)

# What a change made in a web request without a named path is recorded as.
SCREEN = "screen"
COMMAND = "command"

_path: contextvars.ContextVar[str | None] = contextvars.ContextVar("audit_path", default=None)


@contextmanager
def path(name: str) -> Iterator[None]:
    """Record every change made inside the block as coming through `name` ("import batch 12")."""
    token = _path.set(name[:100])
    try:
        yield
    finally:
        _path.reset(token)


def current_path() -> str:
    """The path of a change now: the named one, else the screen (web request) or a command."""
    named = _path.get()
    if named:
        return named
    request = getattr(HistoricalRecords.context, "request", None)
    return SCREEN if request is not None else COMMAND


@receiver(pre_create_historical_record)
def _stamp_path(sender: type[models.Model], history_instance: Any, **kwargs: Any) -> None:
    """A reason given for one save (`obj._change_reason`) wins; the path fills the rest."""
    if not history_instance.history_change_reason:
        history_instance.history_change_reason = current_path()


def record_bulk(
    model: type[models.Model],
    objs: Iterable[models.Model],
    *,
    created: bool = False,
    user: Any = None,
    reason: str | None = None,
) -> None:
    """Write history rows for objects saved by `bulk_create` or `update()`, which skip signals.

    The importer calls it after a bulk write: `record_bulk(Stay, stays, reason="import batch 12")`.
    `created` marks the rows as additions; otherwise they are changes.
    """
    manager = getattr(model, "history", None)
    if manager is None:
        return
    manager.bulk_history_create(
        list(objs),
        update=not created,
        default_user=user,
        default_change_reason=reason or current_path(),
    )


def audited_models() -> list[type[models.Model]]:
    return [apps.get_model(label) for label in AUDITED]


@checks.register()
def check_audited(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Every listed model keeps history, and every model that keeps history is listed."""
    errors: list[checks.CheckMessage] = []
    listed = set()
    for label in AUDITED:
        try:
            model = apps.get_model(label)
        except LookupError:
            errors.append(checks.Error(f"{label} in guestdesk.audit.AUDITED is no model."))
            continue
        listed.add(model)
        if not hasattr(model, "history"):
            errors.append(checks.Error(f"{label} is audited but has no HistoricalRecords()."))
    for model in registered_models.values():
        if model not in listed and not model._meta.auto_created:
            errors.append(checks.Error(f"{model._meta.label} keeps history: list it in AUDITED."))
    return errors


# -- reading it -----------------------------------------------------------------------------


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class Change:
    when: datetime
    who: Any
    path: str
    kind: str
    fields: list[FieldChange] = field(default_factory=list)


KINDS = {"+": _("created"), "~": _("changed"), "-": _("deleted")}
PATHS = {SCREEN: _("screen"), COMMAND: _("command"), "retention": _("retention period")}


def for_managers(user: Any, obj: models.Model, limit: int = 20) -> list[Change] | None:
    """The history panel's rows when `user` may read it (managers), None otherwise."""
    return changes(obj, limit) if roles.is_manager(user) else None


def changes(obj: models.Model, limit: int = 20) -> list[Change]:
    """The last `limit` changes of `obj`, newest first, with the fields each one changed.

    Two queries whatever the length: the history rows with their users, and one per kind of
    related record the changed fields point to (VIP levels, guests...) to name them.
    """
    history = getattr(obj, "history")  # noqa: B009 - the manager HistoricalRecords adds
    rows = list(
        history.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1]
    )
    fields = [f for f in history.model.tracked_fields if f.name not in ("id",)]
    diffs: list[tuple[Any, list[tuple[models.Field, Any, Any]]]] = []
    wanted: dict[type[models.Model], set[Any]] = {}
    for index, row in enumerate(rows[:limit]):
        before = rows[index + 1] if index + 1 < len(rows) else None
        changed = []
        for f in fields:
            new = getattr(row, f.attname)
            old = getattr(before, f.attname) if before is not None else None
            if before is not None and old == new:
                continue
            if before is None and new in (None, "", {}, []):
                continue
            if f.name in ("created_at", "updated_at", "version"):
                continue
            changed.append((f, old, new))
            if f.is_relation:
                wanted.setdefault(f.related_model, set()).update(v for v in (old, new) if v)
        diffs.append((row, changed))
    names: dict[tuple[type[models.Model], Any], str] = {}
    for related, pks in wanted.items():
        for other in related._base_manager.filter(pk__in=pks):
            names[(related, other.pk)] = str(other)
    result = []
    for row, changed in diffs:
        shown = [
            FieldChange(
                label=str(f.verbose_name),
                old=_display(f, old, names),
                new=_display(f, new, names),
            )
            for f, old, new in changed
        ]
        result.append(
            Change(
                when=row.history_date,
                who=row.history_user,
                path=str(PATHS.get(row.history_change_reason, row.history_change_reason or "")),
                kind=str(KINDS.get(row.history_type, row.history_type)),
                fields=shown,
            )
        )
    return result


def _display(f: models.Field, value: Any, names: dict) -> str:
    if value in (None, ""):
        return "—"
    if f.is_relation:
        return names.get((f.related_model, value), f"#{value}")
    if f.choices:
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    return str(value)
