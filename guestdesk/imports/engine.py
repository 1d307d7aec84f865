"""The import loop every importer shares, and the batch steps it runs in the background.

An importer subclasses `Importer` and declares `kind`, `batch_model`, `fields` and the
methods `parse` (one row's fields to values, or RowError), `key` (what makes two rows the
same record) and `write` (a chunk of parsed rows, set-based). The engine does the rest:
reading and limits, the profile's columns, control characters, repeated keys, chunks,
progress, the per-row report and the batch's status.
"""

import heapq
import json
import logging
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from guestdesk.imports.errors import FileRefused, RowError
from guestdesk.imports.limits import Limits
from guestdesk.imports.limits import limits as current_limits
from guestdesk.imports.models import BatchStatus, ImportBatchBase
from guestdesk.imports.reading import CONTROL, codec_name, open_table

log = logging.getLogger(__name__)

CHUNK = 1000
# Rows of the report kept in memory for the caller (the command prints them); the batch's
# row table keeps them all.
REPORT_IN_MEMORY = 100_000
MAX_ATTEMPTS = 3

Progress = Callable[[int, int], None]


def printable(value: str) -> str:
    """Text safe to store and show: control characters (a NUL...) become U+FFFD."""
    return CONTROL.sub("\ufffd", value)


def text(value: Any) -> str:
    """A cell as stripped text; empty for None and the NULL some exports write."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    result = str(value).strip()
    return "" if result.upper() == "NULL" else result


class SeenKeys:
    """The keys already read and the row of each, in about 16 bytes a key.

    Sorted runs of 64-bit hashes (with their row numbers) merged like a log, so a file of
    a million rows does not hold a million Python objects just to spot a repeated key.
    """

    RECENT = 1000

    def __init__(self) -> None:
        self.runs: list[tuple[array, array]] = []
        self.recent: dict[int, int] = {}

    def first(self, key: str, number: int) -> int:
        """The row where `key` first appeared (`number` itself when it is new)."""
        digest = hash(key)
        if digest in self.recent:
            return self.recent[digest]
        for hashes, numbers in self.runs:
            at = bisect_left(hashes, digest)
            if at < len(hashes) and hashes[at] == digest:
                return numbers[at]
        self.recent[digest] = number
        if len(self.recent) >= self.RECENT:
            self._seal()
        return number

    def _seal(self) -> None:
        items = sorted(self.recent.items())
        self.recent = {}
        self.runs.append((array("q", (h for h, _ in items)), array("q", (n for _, n in items))))
        while len(self.runs) > 1 and len(self.runs[-1][0]) >= len(self.runs[-2][0]):
            newer, older = self.runs.pop(), self.runs.pop()
            hashes, numbers = array("q"), array("q")
            for digest, number in heapq.merge(zip(*older, strict=True), zip(*newer, strict=True)):
                hashes.append(digest)
                numbers.append(number)
            self.runs.append((hashes, numbers))


class Importer:
    """One kind of import. Subclasses declare fields, parsing and writing."""

    kind: ClassVar[str]
    batch_model: ClassVar[type[ImportBatchBase]]
    fields: ClassVar[tuple[str, ...]]
    counted: ClassVar[tuple[str, ...]] = ("created", "updated", "unchanged", "rejected")
    default_date_format: ClassVar[str] = "%Y-%m-%d"

    def __init__(
        self,
        profile: dict,
        *,
        user: Any = None,
        batch: ImportBatchBase | None = None,
        trusted: bool = True,
        progress: Progress | None = None,
        limits: Limits | None = None,
        **options: Any,
    ) -> None:
        self.profile = profile
        self.user = user
        self.batch = batch
        self.trusted = trusted
        self.options = options
        self.progress = progress or (lambda done, total: None)
        self.limits = limits or current_limits().for_command()
        self.columns = {f: c for f, c in profile.get("columns", {}).items() if c}
        self.optional: set[str] = set()  # fields whose column may be absent from the file
        self.counts = dict.fromkeys(self.counted, 0)
        self.rows: list[list] = []
        self._pending: list[Any] = []

    # -- what an importer declares ---------------------------------------------------------

    @classmethod
    def check_columns(cls, columns: Any) -> None:
        """Raise ValidationError when the profile's columns cannot work."""
        if not isinstance(columns, dict):
            raise ValidationError(_("Columns must be an object of field: column name."))
        unknown = sorted(set(columns) - set(cls.fields))
        if unknown:
            raise ValidationError(
                _("Unknown fields: %(fields)s."), params={"fields": ", ".join(unknown)}
            )

    @classmethod
    def profile_extras(cls, data: dict) -> dict:
        """Importer-specific top-level profile settings (e.g. a fixed review scale)."""
        return {}

    summary_counts: ClassVar[tuple[str, ...]] = ("created", "updated", "unchanged", "rejected")

    @classmethod
    def command_profile(cls, profile: dict) -> dict:
        """Profile settings the command line fills in when the profile leaves them out."""
        return {}

    @classmethod
    def batch_values(cls, saved: Any, options: dict) -> dict:
        """Fields of a new batch from the saved profile and the command's options."""
        return {}

    @classmethod
    def saved_profile(cls, name: str) -> tuple[Any, dict] | None:
        """A saved profile by name as (object, dict), or None."""
        return None

    def parse(self, fields: dict[str, Any]) -> dict:
        raise NotImplementedError

    def key(self, row: dict) -> str:
        raise NotImplementedError

    def label(self, fields: dict[str, Any], row: dict | None = None) -> str:
        """A name for a row in the report (a guest, an author)."""
        return ""

    def repeated(self, first: int) -> str:
        return _("The same record is on row %(row)s.") % {"row": first}

    def write(self, rows: list[tuple[int, dict]], commit: bool) -> None:
        """Match and (on commit) write one chunk; count and report each row."""
        raise NotImplementedError

    def prepare(self, header: list[str], index: dict[str, int]) -> None:
        """Before the first row, knowing which fields the file has."""

    def finish(self, keys: set[str] | None, commit: bool) -> None:
        """After the last chunk (e.g. flag records a full-day file no longer lists)."""

    def after_commit(self) -> None:
        """Once everything is written (e.g. announce new VIPs)."""

    wants_keys: bool = False  # finish() needs every key the file listed

    # -- the report ------------------------------------------------------------------------

    def note(
        self,
        number: int | None,
        action: str,
        key: str = "",
        label: str = "",
        reason: str = "",
        detail: dict | None = None,
        count: bool = True,
    ) -> None:
        """Count `action` and keep the row in the report (created and unchanged: count only)."""
        if count:
            self.counts[action] = self.counts.get(action, 0) + 1
        if action in ("created", "unchanged"):
            return
        if len(self.rows) < REPORT_IN_MEMORY:
            self.rows.append([number, action, key, label, reason or (detail or "")])
        if self.batch is not None:
            row_model = self.batch.rows.model
            self._pending.append(
                row_model(
                    batch=self.batch,
                    number=number,
                    action=action,
                    key=printable(key[:200]),
                    label=printable(label[:300]),
                    reason=printable(reason),
                    detail=detail or {},
                )
            )

    def _flush_report(self) -> None:
        if self._pending and self.batch is not None:
            self.batch.rows.model.objects.bulk_create(self._pending)
            self._pending = []

    # -- the loop --------------------------------------------------------------------------

    def _index(self, header: list[str]) -> dict[str, int]:
        exact = {name: i for i, name in reversed(list(enumerate(header)))}
        loose = {name.strip().casefold(): i for i, name in reversed(list(enumerate(header)))}
        index, missing = {}, []
        for field, column in self.columns.items():
            position = exact.get(column, loose.get(str(column).strip().casefold()))
            if position is None:
                if field not in self.optional:
                    missing.append(column)
            else:
                index[field] = position
        if missing:
            raise FileRefused(
                _("The file has no column %(columns)s (its columns: %(header)s).")
                % {"columns": ", ".join(missing), "header": ", ".join(header)}
            )
        return index

    def run(self, path: str | Path, commit: bool) -> dict:
        """Check (commit=False) or import the file; the report: counts, rows, total."""
        table = open_table(
            path,
            limits=self.limits,
            encoding=self.profile.get("encoding", ""),
            delimiter=self.profile.get("delimiter", ""),
            sheet=self.profile.get("sheet", ""),
        )
        index = self._index(table.header)
        self.prepare(table.header, index)
        records = (
            (number, {f: cells[i] if i < len(cells) else None for f, i in index.items()})
            for number, cells in table.rows()
        )
        return self.run_records(records, table.total, commit)

    def run_records(
        self, records: Iterable[tuple[int, dict[str, Any]]], total: int, commit: bool
    ) -> dict:
        """Check or import rows already read as (number, {field: value}): a file's or the API's."""
        if self.batch is not None:
            self.batch.rows.all().delete()  # the report of this step only
        self.progress(0, total)
        keys: set[str] | None = set() if self.wants_keys else None
        chunk: list[tuple[int, dict]] = []
        done = 0
        for done, (number, row) in enumerate(self.read(records), start=1):
            if keys is not None:
                keys.add(self.key(row))
            chunk.append((number, row))
            if len(chunk) >= CHUNK:
                self._write(chunk, commit)
                chunk = []
                self.progress(done, total)
        self._write(chunk, commit)  # the last, shorter chunk
        self.close(keys, commit)
        self.progress(total, total)
        return {"counts": self.counts, "rows": self.rows, "total": total}

    def read(self, records: Iterable[tuple[int, dict[str, Any]]]) -> Iterator[tuple[int, dict]]:
        """The rows that parse, each once: refused and repeated rows are noted, not yielded."""
        seen = SeenKeys()
        for number, fields in records:
            row = self._parse(number, fields)
            if row is None:
                continue
            key = self.key(row)
            first = seen.first(key, number)
            if first != number:
                self.note(number, "rejected", key, self.label(fields, row), self.repeated(first))
                continue
            yield number, row

    def write_all(self, rows: list[tuple[int, dict]]) -> None:
        """Write rows that `read` gave, in chunks, then finish (the API's one call)."""
        for start in range(0, len(rows), CHUNK):
            self._write(rows[start : start + CHUNK], commit=True)
        self.close({self.key(row) for _, row in rows} if self.wants_keys else None, commit=True)

    def close(self, keys: set[str] | None, commit: bool) -> None:
        with transaction.atomic():
            self.finish(keys, commit)
            if self.batch is not None:
                self._flush_report()
        if commit:
            self.after_commit()

    def _parse(self, number: int, fields: dict[str, Any]) -> dict | None:
        for field, value in fields.items():
            if isinstance(value, str) and CONTROL.search(value):
                reason = _(
                    "The column %(column)s holds a control character (such as NUL); "
                    "the row was not imported."
                ) % {"column": self.columns[field]}
                self.note(number, "rejected", "", "", reason)
                return None
        try:
            return self.parse(fields)
        except RowError as exc:
            self.note(number, "rejected", self._raw_key(fields), self.label(fields), str(exc))
            return None
        except (ValueError, OverflowError):
            # A value no check foresaw: this row's fault, not the file's.
            reason = _("A value of this row cannot be read.")
            self.note(number, "rejected", self._raw_key(fields), self.label(fields), reason)
            return None

    def _raw_key(self, fields: dict[str, Any]) -> str:
        return ""

    def _write(self, chunk: list[tuple[int, dict]], commit: bool) -> None:
        if commit:
            with transaction.atomic():
                if chunk:
                    self.write(chunk, commit)
                if self.batch is not None:
                    self._flush_report()
        else:
            if chunk:
                self.write(chunk, commit)
            if self.batch is not None:
                self._flush_report()


# -- profiles --------------------------------------------------------------------------------


def normalise_profile(importer: type[Importer], data: Any, name: str = "") -> dict:
    """A profile dict in the shared shape, or FileRefused saying what is wrong."""
    if not isinstance(data, dict):
        raise FileRefused(_("A profile must be a JSON object."))
    try:
        importer.check_columns(data.get("columns"))
        extras = importer.profile_extras(data)
    except ValidationError as exc:
        raise FileRefused(" ".join(exc.messages)) from None
    encoding = data.get("encoding") or "utf-8"
    codec_name(encoding)  # refuses an unknown encoding now, not at the first file
    return {
        "name": str(data.get("name") or name),
        "encoding": encoding,
        "delimiter": data.get("delimiter") or "",
        "date_format": data.get("date_format") or importer.default_date_format,
        "source": data.get("source") or "",
        "sheet": data.get("sheet") or "",
        "columns": data["columns"],
        **extras,
    }


def load_profile(importer: type[Importer], name_or_path: str) -> tuple[Any, dict]:
    """(saved profile or None, profile dict) from a saved profile's name or a JSON file."""
    saved = importer.saved_profile(name_or_path)
    if saved:
        return saved
    path = Path(name_or_path)
    if not path.is_file():
        raise FileRefused(_("No import profile named %(name)s.") % {"name": name_or_path})
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as exc:
        raise FileRefused(
            _("The profile %(path)s cannot be used: %(error)s") % {"path": path, "error": exc}
        ) from None
    return None, normalise_profile(importer, data, path.stem)


# -- batch steps -----------------------------------------------------------------------------

# step -> (status it starts from, status while running, status when done)
STEPS = {
    False: (BatchStatus.PENDING, BatchStatus.CHECKING, BatchStatus.CHECKED),
    True: (BatchStatus.QUEUED, BatchStatus.IMPORTING, BatchStatus.DONE),
}


def _reporter(model: type[ImportBatchBase], pk: int) -> Progress:
    def report(done: int, total: int) -> None:
        # Its own statement, outside any chunk's transaction, so a polling page sees it.
        model.objects.filter(pk=pk).update(
            processed_rows=done, total_rows=total, progress_at=timezone.now()
        )

    return report


def run_batch(importer: type[Importer], pk: int, commit: bool) -> dict | None:
    """Run one step of batch `pk`; a second run of a step already taken does nothing."""
    model = importer.batch_model
    start, running, finished = STEPS[commit]
    claimed = model.objects.filter(pk=pk, status=start).update(
        status=running,
        processed_rows=0,
        progress_at=timezone.now(),
        attempts=models.F("attempts") + 1,
    )
    if not claimed:
        return None
    batch = model.objects.select_related("uploaded_by").get(pk=pk)
    run = importer(
        batch.profile_settings,
        user=batch.uploaded_by,
        batch=batch,
        trusted=batch.trusted,
        progress=_reporter(model, pk),
        limits=_limits_for(batch),
        **batch_options(batch),
    )
    try:
        report = run.run(batch.file.path, commit=commit)
    except FileRefused as exc:
        fail(model, pk, running, str(exc))
        return None
    except Exception:
        log.exception("Import batch %s (%s) failed", pk, importer.kind)
        fail(
            model,
            pk,
            running,
            _("The import stopped on an unexpected error; nothing more was written."),
        )
        return None
    values: dict[str, Any] = {"status": finished, "counts": report["counts"], "error": ""}
    if commit:
        values["committed_at"] = timezone.now()
    model.objects.filter(pk=pk, status=running).update(**values)
    return report


def batch_options(batch: ImportBatchBase) -> dict:
    """Per-batch options an importer reads (e.g. a full-day file)."""
    return {name: getattr(batch, name) for name in getattr(batch, "IMPORT_OPTIONS", ())}


def _limits_for(batch: ImportBatchBase) -> Limits:
    # A file uploaded through the page was already held to the web's size limit.
    return current_limits().for_command()


def fail(model: type[ImportBatchBase], pk: int, running: str, reason: str) -> bool:
    """Mark a running step failed with its reason (once: only while it is running)."""
    return bool(
        model.objects.filter(pk=pk, status=running).update(
            status=BatchStatus.FAILED, error=printable(reason), progress_at=timezone.now()
        )
    )


def claim_commit(model: type[ImportBatchBase], pk: int) -> bool:
    """Queue the import of a checked batch; False when another click already did."""
    return bool(
        model.objects.filter(pk=pk, status=BatchStatus.CHECKED).update(
            status=BatchStatus.QUEUED, progress_at=timezone.now(), attempts=0
        )
    )


def stalled(model: type[ImportBatchBase], cutoff: Any) -> Iterable[tuple[int, str, str, bool, int]]:
    """(pk, status, status to go back to, commit, attempts) of steps with no recent progress."""
    rows = model.objects.filter(
        status__in=[
            BatchStatus.PENDING,
            BatchStatus.CHECKING,
            BatchStatus.QUEUED,
            BatchStatus.IMPORTING,
        ],
        progress_at__lt=cutoff,
    ).values_list("pk", "status", "attempts")
    for pk, status, attempts in rows:
        commit = status in (BatchStatus.QUEUED, BatchStatus.IMPORTING)
        yield pk, status, STEPS[commit][0], commit, attempts
