"""PMS imports: read a CSV or XLSX export, check every row, upsert stays by confirmation.

The same code runs the dry run (`commit=False`: nothing is written, the report says what
would happen) and the import itself, from the page, the Celery task and `import_stays`.
Rows are handled in chunks with a fixed number of queries per chunk, so files of tens of
thousands of rows import in a background task while the page shows the progress.
"""

import csv
import io
import json
from datetime import date, datetime, time, timedelta
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries

from arrivals.languages import parse_language
from arrivals.models import (
    Guest,
    ImportBatch,
    ImportProfile,
    Stay,
    StayChange,
    VipLevel,
    validate_columns,
)
from arrivals.signals import announce_vip
from guestdesk import phones

CHUNK = 500
# Stay fields an import may change, when the profile maps their column.
STAY_FIELDS = {
    "room": "room",
    "arrival_date": "arrival_date",
    "arrival_time": "eta",
    "departure_date": "departure_date",
    "adults": "adults",
    "children": "children",
    "vip_code": "vip_level",
    "notes": "special_attention",
    "company": "company",
    "status": "status",
}
GUEST_FIELDS = ("first_name", "last_name", "nationality", "language", "email", "phone")
STATUS_WORDS = {
    Stay.Status.EXPECTED: ("expected", "reserved", "due in", "arrival", "confirmed", "booked"),
    Stay.Status.IN_HOUSE: ("in_house", "in house", "checked in", "check-in", "arrived", "inhouse"),
    Stay.Status.DEPARTED: ("departed", "checked out", "check-out", "checkout", "due out done"),
    Stay.Status.NO_SHOW: ("no_show", "no-show", "no show", "noshow"),
    Stay.Status.CANCELLED: ("cancelled", "canceled", "cancel", "cxl"),
}
STATUS_BY_WORD = {word: status for status, words in STATUS_WORDS.items() for word in words}


class ImportFileError(Exception):
    """The file cannot be read at all (not the rows' fault)."""


class RowError(Exception):
    """One row cannot be imported; the message is its reason."""


# -- profiles -------------------------------------------------------------------------


def load_profile(name_or_path):
    """A profile dict from a saved profile's name or a JSON file with the same shape."""
    profile = ImportProfile.objects.filter(name=name_or_path).first()
    if profile:
        return profile, profile.as_dict()
    path = Path(name_or_path)
    if not path.is_file():
        raise ImportFileError(_("No import profile named %(name)s.") % {"name": name_or_path})
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
        validate_columns(data.get("columns"))
    except (ValueError, ValidationError, AttributeError) as exc:
        raise ImportFileError(
            _("The profile %(path)s cannot be used: %(error)s") % {"path": path, "error": exc}
        ) from None
    return None, {
        "name": data.get("name") or path.stem,
        "encoding": data.get("encoding") or "utf-8",
        "delimiter": data.get("delimiter") or "",
        "date_format": data.get("date_format") or "%Y-%m-%d",
        "source": data.get("source") or "PMS",
        "columns": data["columns"],
    }


# -- reading ------------------------------------------------------------------------


def read_rows(path, profile):
    """The file's rows as (row number, {column: value}); XLSX by its extension."""
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    return _read_csv(path, profile)


def _decode(raw, encoding):
    encoding = (encoding or "utf-8").lower()
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw.decode("utf-8-sig")
    try:
        return raw.decode("utf-8" if encoding in ("utf-8", "utf8", "utf-8-sig") else encoding)
    except UnicodeDecodeError:
        if encoding.startswith("utf"):
            # Exports from Windows PMSes are often cp1251 even when nobody said so.
            return raw.decode("cp1251")
        raise
    except LookupError:
        raise ImportFileError(_("Unknown encoding %(name)s.") % {"name": encoding}) from None


def _read_csv(path, profile):
    try:
        raw = path.read_bytes()
        text = _decode(raw, profile.get("encoding"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportFileError(_("The file cannot be read: %(error)s") % {"error": exc}) from None
    if not text.strip():
        raise ImportFileError(_("The file is empty."))
    delimiter = profile.get("delimiter") or _sniff(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [h.strip() for h in next(reader)]
        rows = [(number, row) for number, row in enumerate(reader, start=2) if any(row)]
    except csv.Error as exc:
        raise ImportFileError(_("The file cannot be read: %(error)s") % {"error": exc}) from None
    return header, [(n, dict(zip(header, row, strict=False))) for n, row in rows]


def _sniff(text):
    first = text.splitlines()[0]
    return max((";", ",", "\t"), key=first.count)


def _read_xlsx(path):
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
        raise ImportFileError(_("The file cannot be read: %(error)s") % {"error": exc}) from None
    try:
        rows = book.active.iter_rows(values_only=True)
        header = [str(h).strip() if h is not None else "" for h in next(rows, [])]
        if not any(header):
            raise ImportFileError(_("The file is empty."))
        result = []
        for number, row in enumerate(rows, start=2):
            if any(value not in (None, "") for value in row):
                result.append((number, dict(zip(header, row, strict=False))))
    finally:
        book.close()
    return header, result


# -- parsing one row ------------------------------------------------------------------


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return "" if text.upper() == "NULL" else text


def _date(value, fmt, label):
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    if not text:
        raise RowError(_("%(field)s is missing.") % {"field": label})
    for candidate in (text, text.split(" ")[0]):
        try:
            return datetime.strptime(candidate, fmt).date()
        except ValueError:
            continue
    raise RowError(
        _("Unreadable %(field)s “%(value)s” (expected %(format)s).")
        % {"field": label, "value": text, "format": fmt}
    )


def _time(value):
    if isinstance(value, datetime):
        return value.time().replace(second=0)
    if isinstance(value, time):
        return value.replace(second=0)
    text = _text(value)
    if not text:
        return None
    for fmt in ("%H:%M", "%H:%M:%S", "%H.%M", "%I:%M %p"):
        try:
            return datetime.strptime(text, fmt).time()
        except ValueError:
            continue
    raise RowError(_("Unreadable arrival time “%(value)s”.") % {"value": text})


def _count(value, default, label):
    text = _text(value)
    if not text:
        return default
    try:
        number = int(float(text))
    except ValueError:
        number = -1
    if not 0 <= number <= 99:
        raise RowError(_("Unreadable %(field)s “%(value)s”.") % {"field": label, "value": text})
    return number


def parse_country(value):
    """ISO alpha-2, alpha-3 or an English country name; None when unreadable."""
    text = _text(value)
    if not text:
        return ""
    if len(text) in (2, 3) and text.isalpha():
        code = countries.alpha2(text.upper())
        if code:
            return code
    return countries.by_name(text) or None


def _names(fields):
    if "full_name" in fields:
        full = _text(fields["full_name"])
        for separator in (",", "/"):
            if separator in full:
                last, first = (part.strip() for part in full.split(separator, 1))
                return first, last
        parts = full.split()
        if not parts:
            return "", ""
        return " ".join(parts[:-1]), parts[-1]
    return _text(fields.get("first_name")), _text(fields.get("last_name"))


def parse_row(raw, profile, levels):
    """One file row as GuestDesk values; raises RowError with the reason."""
    columns = profile["columns"]
    fields = {field: raw.get(column) for field, column in columns.items() if column}
    fmt = profile.get("date_format") or "%Y-%m-%d"
    row = {"confirmation_number": _text(fields.get("confirmation_number"))}
    if not row["confirmation_number"]:
        raise RowError(_("Confirmation number is missing."))
    row["first_name"], row["last_name"] = _names(fields)
    if not row["last_name"]:
        raise RowError(_("Guest name is missing."))
    row["arrival_date"] = _date(fields.get("arrival_date"), fmt, _("arrival date"))
    row["departure_date"] = _date(fields.get("departure_date"), fmt, _("departure date"))
    if row["departure_date"] < row["arrival_date"]:
        raise RowError(_("Departure is before arrival."))
    if "arrival_time" in fields:
        row["arrival_time"] = _time(fields["arrival_time"])
    if "adults" in fields:
        row["adults"] = _count(fields["adults"], 1, _("adults"))
    if "children" in fields:
        row["children"] = _count(fields["children"], 0, _("children"))
    for field in ("room", "notes", "company"):
        if field in fields:
            row[field] = _text(fields[field])
    if "vip_code" in fields:
        code = _text(fields["vip_code"]).upper()
        if code and code not in levels:
            raise RowError(_("Unknown VIP code “%(code)s”.") % {"code": code})
        row["vip_code"] = levels.get(code)
    if "nationality" in fields:
        country = parse_country(fields["nationality"])
        if country is None:
            raise RowError(
                _("Unknown nationality “%(value)s”.") % {"value": _text(fields["nationality"])}
            )
        row["nationality"] = country
    if _text(fields.get("language")):
        row["language"] = parse_language(_text(fields["language"]))
        if not row["language"]:
            raise RowError(
                _("Unknown language “%(value)s”.") % {"value": _text(fields["language"])}
            )
    if _text(fields.get("email")):
        row["email"] = _text(fields["email"]).lower()
        try:
            validate_email(row["email"])
        except ValidationError:
            raise RowError(_("Invalid email “%(value)s”.") % {"value": row["email"]}) from None
    if _text(fields.get("phone")):
        row["phone"] = _phone(_text(fields["phone"]))
    if _text(fields.get("status")):
        status = STATUS_BY_WORD.get(_text(fields["status"]).lower())
        if not status:
            raise RowError(_("Unknown status “%(value)s”.") % {"value": _text(fields["status"])})
        row["status"] = status
    return row


def _phone(text):
    try:
        return phones.e164(text)
    except ValidationError as error:
        raise RowError(error.messages[0]) from None


# -- the import -----------------------------------------------------------------------


def _plain(value):
    if isinstance(value, VipLevel):
        return value.code
    if isinstance(value, date | time):
        return value.isoformat()
    if value is None:
        return None
    return str(value)


class GuestIndex:
    """Finds the guest a new stay belongs to: same email, same phone, or same full name."""

    def __init__(self):
        self.by_email, self.by_phone, self.by_name = {}, {}, {}
        self.known = set()

    def add(self, guest):
        if guest.pk:
            if guest.pk in self.known:
                return
            self.known.add(guest.pk)
        if guest.email:
            self.by_email.setdefault(guest.email.lower(), guest)
        if guest.phone:
            self.by_phone.setdefault(guest.phone.as_e164, guest)
        key = (guest.first_name.casefold(), guest.last_name.casefold())
        self.by_name.setdefault(key, []).append(guest)

    def load(self, rows):
        if not rows:
            return
        emails = {r["email"] for r in rows if r.get("email")}
        phones = {r["phone"] for r in rows if r.get("phone")}
        last_names = {r["last_name"] for r in rows}
        query = Q(last_name__in=last_names)
        if emails:
            query |= Q(email__in=emails)
        if phones:
            query |= Q(phone__in=phones)
        for guest in Guest.objects.filter(query).order_by("pk"):
            self.add(guest)

    def find(self, row):
        if row.get("email") and row["email"] in self.by_email:
            return self.by_email[row["email"]]
        if row.get("phone") and row["phone"] in self.by_phone:
            return self.by_phone[row["phone"]]
        # By name only when nothing contradicts it: two John Smiths of different
        # countries, or with different emails, are different people.
        key = (row["first_name"].casefold(), row["last_name"].casefold())
        country = row.get("nationality") or ""
        for guest in self.by_name.get(key, []):
            if row.get("email") and guest.email:
                continue
            theirs = str(guest.nationality or "")
            if country and theirs and country != theirs:
                continue
            return guest
        return None


def _guest_values(row):
    return {field: row[field] for field in GUEST_FIELDS if row.get(field) not in (None, "")}


def _stay_changes(stay, row, mapped):
    changes = {}
    for field, attribute in STAY_FIELDS.items():
        if field not in mapped or field not in row:
            continue
        new = row[field]
        if field == "status" and new == Stay.Status.EXPECTED:
            continue  # "reserved" in a PMS file never undoes what the desk has recorded
        old = getattr(stay, attribute)
        if _plain(old) != _plain(new):
            changes[attribute] = (old, new)
    for field, new in _guest_values(row).items():
        old = getattr(stay.guest, field)
        if field == "phone" and old:
            old = old.as_e164
        if str(old or "") != str(new):
            changes[f"guest.{field}"] = (old, new)
    if stay.missing_from_batch_id:
        changes["missing_from_batch"] = (stay.missing_from_batch_id, None)
    return changes


class Importer:
    """Runs one batch: `run(commit)` returns the report and, on commit, writes the stays."""

    def __init__(self, profile, user=None, batch=None, full_day=False, progress=None):
        self.profile = profile
        self.source = profile.get("source") or "PMS"
        self.user = user
        self.batch = batch
        self.full_day = full_day
        self.progress = progress or (lambda done, total: None)
        self.levels = {level.code.upper(): level for level in VipLevel.objects.all()}
        self.mapped = {field for field, column in profile["columns"].items() if column}
        self.guests = GuestIndex()
        self.counts = {"created": 0, "updated": 0, "unchanged": 0, "rejected": 0, "flagged": 0}
        self.rows = []  # [row number, action, confirmation, guest name, detail]
        self.vip_ids = []

    def run(self, path, commit):
        header, raw_rows = read_rows(path, self.profile)
        missing = [c for c in self.profile["columns"].values() if c and c not in header]
        if missing:
            raise ImportFileError(
                _("The file has no column %(columns)s (its columns: %(header)s).")
                % {"columns": ", ".join(missing), "header": ", ".join(header)}
            )
        total = len(raw_rows)
        self.progress(0, total)
        seen, dates = {}, set()
        for start in range(0, total, CHUNK):
            parsed = []
            for number, raw in raw_rows[start : start + CHUNK]:
                try:
                    row = parse_row(raw, self.profile, self.levels)
                except RowError as exc:
                    self._reject(number, raw, str(exc))
                    continue
                first = seen.get(row["confirmation_number"])
                if first:
                    self._reject(
                        number,
                        raw,
                        _("Confirmation number repeats row %(row)s.") % {"row": first},
                        row=row,
                    )
                    continue
                seen[row["confirmation_number"]] = number
                dates.add(row["arrival_date"])
                parsed.append((number, row))
            if commit:
                with transaction.atomic():
                    self._chunk(parsed, commit)
            else:
                self._chunk(parsed, commit)
            self.progress(min(start + CHUNK, total), total)
        if self.full_day and dates:
            self._flag_missing(dates, set(seen), commit)
        if commit:
            announce_vip(self.vip_ids)
        return {"counts": self.counts, "rows": self.rows, "total": total}

    def _reject(self, number, raw, reason, row=None):
        self.counts["rejected"] += 1
        columns = self.profile["columns"]
        confirmation = (
            row["confirmation_number"]
            if row
            else _text(raw.get(columns.get("confirmation_number")))
        )
        name = " ".join(
            _text(raw.get(columns.get(field)))
            for field in ("full_name", "first_name", "last_name")
            if columns.get(field)
        ).strip()
        self.rows.append([number, "rejected", confirmation, name, reason])

    def _chunk(self, parsed, commit):
        if not parsed:
            return
        confirmations = [row["confirmation_number"] for _, row in parsed]
        existing = {
            stay.confirmation_number: stay
            for stay in Stay.objects.filter(
                source=self.source, confirmation_number__in=confirmations
            ).select_related("guest", "vip_level")
        }
        # Guests are looked up only for new stays; known stays bring their own guest.
        self.guests.load([r for _, r in parsed if r["confirmation_number"] not in existing])
        history, new_guests, new_stays = [], [], []
        for number, row in parsed:
            name = f"{row['first_name']} {row['last_name']}".strip()
            stay = existing.get(row["confirmation_number"])
            if stay is None:
                self.counts["created"] += 1
                self.rows.append([number, "created", row["confirmation_number"], name, ""])
                if commit:
                    new_stays.append(self._new_stay(row, new_guests))
                continue
            changes = _stay_changes(stay, row, self.mapped)
            if not changes:
                self.counts["unchanged"] += 1
                self.rows.append([number, "unchanged", row["confirmation_number"], name, ""])
                continue
            self.counts["updated"] += 1
            detail = {key: [_plain(old), _plain(new)] for key, (old, new) in changes.items()}
            self.rows.append([number, "updated", row["confirmation_number"], name, detail])
            if commit:
                history.append(self._update(stay, changes, detail))
        if commit:
            # New guests, then their stays, in one INSERT each (PostgreSQL returns the keys).
            Guest.objects.bulk_create(new_guests)
            Stay.objects.bulk_create(new_stays)
            created = self.batch.original_name if self.batch else ""
            for stay in new_stays:
                if stay.vip_level_id:
                    self.vip_ids.append(stay.pk)
                history.append(
                    StayChange(
                        stay=stay,
                        kind=StayChange.Kind.IMPORT,
                        changes={"created": [None, created]},
                        changed_by=self.user,
                        batch=self.batch,
                    )
                )
            StayChange.objects.bulk_create(history)

    def _new_stay(self, row, new_guests):
        """An unsaved stay for `row`, with its guest found or added to `new_guests`."""
        guest = self.guests.find(row)
        values = _guest_values(row)
        if guest is None:
            guest = Guest(**values)
            new_guests.append(guest)
            self.guests.add(guest)
        elif guest.pk:
            fresh = {k: v for k, v in values.items() if not getattr(guest, k)}
            if fresh:
                for key, value in fresh.items():
                    setattr(guest, key, value)
                guest.save(update_fields=[*fresh, "updated_at"])
        stay = Stay(guest=guest, source=self.source, confirmation_number=row["confirmation_number"])
        for field, attribute in STAY_FIELDS.items():
            if field in row:
                setattr(stay, attribute, row[field])
        if "vip_code" not in self.mapped and guest.default_vip_level_id:
            stay.vip_level_id = guest.default_vip_level_id
        return stay

    def _update(self, stay, changes, detail):
        old_rank = stay.vip_level.rank if stay.vip_level_id else None
        guest_fields = []
        for key, (_old, new) in changes.items():
            if key.startswith("guest."):
                setattr(stay.guest, key[6:], new)
                guest_fields.append(key[6:])
            else:
                setattr(stay, key, new)
        if guest_fields:
            stay.guest.save(update_fields=[*guest_fields, "updated_at"])
        stay.save()
        if (
            "vip_level" in changes
            and stay.vip_level
            and (old_rank is None or stay.vip_level.rank < old_rank)
        ):
            self.vip_ids.append(stay.pk)
        return StayChange(
            stay=stay,
            kind=StayChange.Kind.IMPORT,
            changes=detail,
            changed_by=self.user,
            batch=self.batch,
        )

    def _flag_missing(self, dates, listed, commit):
        """Stays of these dates the file no longer lists: flag them, never delete them."""
        stays = list(
            Stay.objects.filter(
                source=self.source,
                arrival_date__in=dates,
                status=Stay.Status.EXPECTED,
                missing_from_batch__isnull=True,
            )
            .exclude(confirmation_number__in=listed)
            .select_related("guest")
        )
        for stay in stays:
            self.counts["flagged"] += 1
            self.rows.append([None, "flagged", stay.confirmation_number, stay.guest.name, ""])
        if commit and stays:
            Stay.objects.filter(pk__in=[s.pk for s in stays]).update(missing_from_batch=self.batch)
            StayChange.objects.bulk_create(
                StayChange(
                    stay=stay,
                    kind=StayChange.Kind.MISSING,
                    changes={"missing_from_batch": [None, self.batch.pk if self.batch else None]},
                    changed_by=self.user,
                    batch=self.batch,
                )
                for stay in stays
            )


def summary(counts):
    """The one line `import_stays` prints (also shown on the page)."""
    line = "created {created}, updated {updated}, unchanged {unchanged}, rejected {rejected}"
    return line.format(**counts)


# -- batches --------------------------------------------------------------------------


def _progress_of(batch_pk):
    def report(done, total):
        # Outside the import's transaction, so the page polling sees it move.
        ImportBatch.objects.filter(pk=batch_pk).update(
            processed_rows=done, total_rows=total, progress_at=timezone.now()
        )

    return report


def run_batch(batch_pk, commit):
    """Check (dry run) or import batch `batch_pk`; a second run of the same step does nothing."""
    Status = ImportBatch.Status
    start, running, finished = (
        (Status.CHECKED, Status.IMPORTING, Status.DONE)
        if commit
        else (Status.PENDING, Status.CHECKING, Status.CHECKED)
    )
    if not ImportBatch.objects.filter(pk=batch_pk, status=start).update(
        status=running, processed_rows=0, progress_at=timezone.now()
    ):
        return None
    batch = ImportBatch.objects.select_related("uploaded_by").get(pk=batch_pk)
    importer = Importer(
        batch.profile_settings,
        user=batch.uploaded_by,
        batch=batch,
        full_day=batch.full_day,
        progress=_progress_of(batch_pk),
    )
    try:
        report = importer.run(batch.file.path, commit=commit)
    except ImportFileError as exc:
        ImportBatch.objects.filter(pk=batch_pk).update(status=Status.FAILED, error=str(exc))
        return None
    values = {"status": finished, "counts": report["counts"], "report": report}
    if commit:
        values["committed_at"] = timezone.now()
    ImportBatch.objects.filter(pk=batch_pk).update(**values)
    return report


STALLED_AFTER = timedelta(minutes=15)


def resume_stalled(queue, now=None):
    """Start again the steps whose worker died: no progress for STALLED_AFTER.

    The queued task was delivered again, but found the batch already running and did
    nothing; without this the batch would show "importing" forever. Running a step again
    is safe: stays are upserted by confirmation number, so rows already imported count as
    unchanged. `queue(batch_pk, commit)` starts a step (the task, given by the caller so
    this module never imports the tasks). Returns the primary keys of the batches queued again.
    """
    Status = ImportBatch.Status
    cutoff = (now or timezone.now()) - STALLED_AFTER
    resumed = []
    for running, start, commit in (
        (Status.CHECKING, Status.PENDING, False),
        (Status.IMPORTING, Status.CHECKED, True),
    ):
        stalled = ImportBatch.objects.filter(status=running, progress_at__lt=cutoff)
        for pk in stalled.values_list("pk", flat=True):
            # Conditional, so two beat ticks never queue the same batch twice.
            if ImportBatch.objects.filter(pk=pk, status=running, progress_at__lt=cutoff).update(
                status=start
            ):
                queue(pk, commit)
                resumed.append(pk)
    return resumed
