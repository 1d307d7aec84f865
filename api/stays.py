"""Stays pushed through the API, through the PMS file import's own checks and writer.

Each object is a row of a file whose columns are the object's keys: the stays importer
(`arrivals.importer.StayImporter`) validates it, matches it by (source, confirmation
number), writes it with its history, applies VIP rules and announces new VIPs (late VIP
alerts) exactly as for a file. Keys left out are not overwritten, as columns a profile
leaves out. Unlike a file, a call is all or nothing: one refused object refuses the call.
"""

import hashlib
from collections import defaultdict
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils.translation import gettext as _

from api.models import ApiKey
from api.problems import Unprocessable
from arrivals.importer import StayImporter
from arrivals.models import IMPORT_FIELDS, Stay
from guestdesk import audit

FIELDS = ("source", *IMPORT_FIELDS)
SOURCE_MAX = 30


def _lock(keys: list[tuple[str, str]]) -> None:
    """Serialise writers of the same stays (PostgreSQL; SQLite transactions are serial)."""
    if connection.vendor != "postgresql":
        return
    numbers = sorted(
        {
            int.from_bytes(
                hashlib.blake2b(f"{s}\x00{c}".encode(), digest_size=8).digest(), "big", signed=True
            )
            for s, c in keys
        }
    )
    with connection.cursor() as cursor:
        for number in numbers:  # in order, so two calls never wait on each other crosswise
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [number])


def _shape_errors(items: list[Any]) -> list[dict]:
    errors = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            errors.append({"pointer": f"/{index}", "detail": _("A stay must be an object.")})
            continue
        for name, value in item.items():
            if name not in FIELDS:
                errors.append({"pointer": f"/{index}/{name}", "detail": _("Unknown field.")})
            elif value is not None and not isinstance(value, str | int | float):
                errors.append(
                    {"pointer": f"/{index}/{name}", "detail": _("Must be text or a number.")}
                )
        source = item.get("source")
        if source is not None and (not isinstance(source, str) or len(source) > SOURCE_MAX):
            errors.append(
                {
                    "pointer": f"/{index}/source",
                    "detail": _("At most %(n)s characters.") % {"n": SOURCE_MAX},
                }
            )
    return errors


def upsert(items: list[Any], key: ApiKey) -> list[dict]:
    """Create or update the stays `items`; one result per item, in order.

    Raises Unprocessable (nothing written) when any item is refused.
    """
    if not items:
        return []
    if len(items) > settings.API_BULK_MAX:
        raise Unprocessable(_("At most %(n)s stays per call.") % {"n": settings.API_BULK_MAX}, [])
    errors = _shape_errors(items)
    if errors:
        raise Unprocessable(_("Some stays cannot be imported."), errors)
    # One importer per source and set of keys: a profile has one source and one set of
    # columns, and a key an object leaves out must not be overwritten.
    groups: dict[tuple[str, frozenset[str]], list[tuple[int, dict]]] = defaultdict(list)
    for index, item in enumerate(items):
        source = str(item.get("source") or "PMS").strip() or "PMS"
        fields = {k: v for k, v in item.items() if k != "source"}
        groups[(source, frozenset(fields))].append((index, fields))
    origin = f"API: {key.name}"
    with transaction.atomic(), audit.path(origin):
        runs = []
        for (source, names), records in groups.items():
            profile = {
                "source": source,
                "date_format": "%Y-%m-%d",
                "columns": {name: name for name in names},
            }
            importer = StayImporter(profile, trusted=True, origin=origin)
            # Row numbers are 1-based in the importer's report, as in a file.
            parsed = list(importer.read((index + 1, fields) for index, fields in records))
            for number, action, _key, _label, reason in importer.rows:
                if action == "rejected" and number is not None:
                    errors.append({"pointer": f"/{number - 1}", "detail": str(reason)})
            runs.append((source, importer, parsed))
        if errors:
            raise Unprocessable(
                _("Some stays cannot be imported."), sorted(errors, key=lambda e: e["pointer"])
            )
        wanted = [
            (source, row["confirmation_number"]) for source, _i, rows in runs for _n, row in rows
        ]
        _lock(wanted)
        before = _known(wanted)
        for _source, importer, parsed in runs:
            importer.rows = []
            importer.write_all(parsed)
        updated = {
            (source, number)
            for source, importer, _rows in runs
            for number, action, *_rest in importer.rows
            if action == "updated"
        }
        after = _known(wanted)
    results: list[dict] = [{} for _item in items]
    for source, _importer, parsed in runs:
        for number, row in parsed:
            pair = (source, row["confirmation_number"])
            if pair not in before:
                result = "created"
            elif (source, number) in updated:
                result = "updated"
            else:
                result = "unchanged"
            results[number - 1] = {
                "index": number - 1,
                "id": after.get(pair),
                "source": source,
                "confirmation_number": row["confirmation_number"],
                "result": result,
            }
    return results


def _known(pairs: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
    by_source: dict[str, list[str]] = defaultdict(list)
    for source, number in pairs:
        by_source[source].append(number)
    known = {}
    for source, numbers in by_source.items():
        for pk, number in Stay.objects.filter(
            source=source, confirmation_number__in=numbers
        ).values_list("pk", "confirmation_number"):
            known[(source, number)] = pk
    return known
