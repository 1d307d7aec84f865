"""Set-based writes for importers: COPY on PostgreSQL, bulk_create elsewhere (SQLite).

`insert(model, rows)` takes plain dicts (attribute names: `guest_id`, not `guest`), so a
large import never builds a model instance per row; on PostgreSQL the primary keys are
taken from the table's sequence in one query and the rows go in with one COPY.
"""

import io
import json
from collections.abc import Iterable
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from django.db import connection, models
from django.utils import timezone


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def _defaults(model: type[models.Model]) -> dict[str, Any]:
    now = timezone.now()
    values: dict[str, Any] = {}
    for field in model._meta.concrete_fields:
        if field.primary_key:
            continue
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            values[field.attname] = now
        elif field.has_default():
            values[field.attname] = field.get_default()
        elif field.null:
            values[field.attname] = None
        else:
            values[field.attname] = ""
    return values


ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_text(value: Any) -> str:
    """One value in COPY's text format."""
    if type(value) is str:
        return value.translate(ESCAPES)
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, int | float | Decimal):
        return str(value)
    if isinstance(value, dict | list):
        value = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, datetime | date | time):
        value = value.isoformat()
    return str(value).translate(ESCAPES)


def _allocate(model: type[models.Model], count: int) -> list[int]:
    table, pk = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [table, pk, count],
        )
        return [row[0] for row in cursor.fetchall()]


def insert(model: type[models.Model], rows: Iterable[dict]) -> list[int]:
    """Insert `rows` (dicts of attribute: value, defaults filled in); their primary keys."""
    rows = list(rows)
    if not rows:
        return []
    defaults = _defaults(model)
    if not is_postgresql():
        objects = [model(**{**defaults, **row}) for row in rows]
        model._default_manager.bulk_create(objects)
        return [obj.pk for obj in objects]
    ids = _allocate(model, len(rows))
    pk = model._meta.pk.attname
    fields = model._meta.concrete_fields
    columns = [field.attname for field in fields]
    position = {name: i for i, name in enumerate(columns)}
    # Defaults are written once; each row converts only the values it brings.
    base = [_copy_text(defaults.get(name)) for name in columns]
    first = position[pk]
    buffer = io.StringIO()
    for key, row in zip(ids, rows, strict=True):
        line = base.copy()
        line[first] = str(key)
        for name, value in row.items():
            line[position[name]] = _copy_text(value)
        buffer.write("\t".join(line))
        buffer.write("\n")
    buffer.seek(0)
    names = ", ".join(f'"{field.column}"' for field in fields)
    with connection.cursor() as cursor:
        cursor.copy_expert(f'COPY "{model._meta.db_table}" ({names}) FROM STDIN', buffer)
    return ids
