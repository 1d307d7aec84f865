"""A stay's history as people read it: field names and values in the active language.

StayChange.changes keeps raw values (field -> [old, new]: booleans, None, ISO dates,
VIP codes, choice values); every page shows them through `history_value`, so "reviewed:
False → True" reads "reviewed: no → yes" and "status: expected → in_house" reads with
the statuses' labels.
"""

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime, parse_time
from django.utils.formats import time_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from arrivals.languages import language_name
from arrivals.models import Guest, Stay, StayChange
from guestdesk.formatting import long_date

EMPTY = "—"

# Keys the history records that are not model fields.
LABELS = {
    "reviewed": _("reviewed"),
    "created": _("created from file"),
    "missing_confirmed": _("missing from import, decided"),
}
DECISIONS = {"cancel": _("cancel the stay"), "keep": _("keep the stay")}


@dataclass(frozen=True)
class HistoryLine:
    label: str
    old: str
    new: str


def _field(key: str) -> models.Field | None:
    model: type[models.Model] = Stay
    if key.startswith("guest."):
        model, key = Guest, key.removeprefix("guest.")
    try:
        field = model._meta.get_field(key)
    except FieldDoesNotExist:
        return None
    # History keys name concrete fields, never reverse relations or generic keys.
    return field if isinstance(field, models.Field) else None


def history_label(key: str) -> str:
    """The name of what changed: the field's verbose name, or a label for the history's own keys."""
    if key in LABELS:
        return str(LABELS[key])
    field = _field(key)
    return str(field.verbose_name) if field is not None else key


def history_value(key: str, value: Any) -> str:
    """One recorded value as text in the active language."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if key == "missing_confirmed" and value in DECISIONS:
        return str(DECISIONS[value])
    field = _field(key)
    if key == "guest.language":
        return language_name(str(value))
    if field is not None and field.choices and not isinstance(field, models.ForeignKey):
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.DateTimeField):
        moment = value if isinstance(value, datetime) else parse_datetime(str(value))
        if moment is not None:
            if timezone.is_aware(moment):
                moment = timezone.localtime(moment)  # the hotel's clock
            return f"{long_date(moment)} {time_format(moment, 'H:i')}"
    elif isinstance(field, models.DateField):
        day = value if isinstance(value, date) else parse_date(str(value))
        if day is not None:
            return long_date(day)
    elif isinstance(field, models.TimeField):
        moment_of_day = value if isinstance(value, time) else parse_time(str(value))
        if moment_of_day is not None:
            return time_format(moment_of_day, "H:i")
    return str(value)


def history_lines(change: StayChange) -> list[HistoryLine]:
    """What `change` changed, one line per field: label, old and new value as text."""
    if not isinstance(change.changes, dict):
        return []
    lines = []
    for key, values in change.changes.items():
        if isinstance(values, list | tuple) and len(values) == 2:
            old, new = values
        else:  # not a pair: show it as the new value
            old, new = None, values
        label = history_label(key)
        lines.append(HistoryLine(label, history_value(key, old), history_value(key, new)))
    return lines
