"""PMS stays on the shared import engine: fields, row parsing, matching and writing.

Stays are matched by (source, confirmation number); a row that changes a known stay
updates it and writes the change to its history; a full-day file flags the stays of its
dates it no longer lists. Reading, limits, batches, progress and the report are the
engine's (`guestdesk.imports`).
"""

from datetime import date, datetime, time
from functools import lru_cache
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_countries import countries

from arrivals.languages import parse_language
from arrivals.models import (
    IMPORT_FIELDS,
    Guest,
    ImportBatch,
    ImportProfile,
    ImportRow,
    Stay,
    StayChange,
    VipLevel,
    validate_columns,
)
from arrivals.signals import announce_changed, announce_vip
from guestdesk import phones
from guestdesk.imports import batches, engine, sql
from guestdesk.imports.engine import text as _text
from guestdesk.imports.errors import FileRefused, RowError

ImportFileError = FileRefused  # the name callers knew

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


# -- parsing one row ------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _parse_date(text: str, fmt: str) -> date | None:
    # Exports repeat the same few hundred dates: parse each once.
    for candidate in (text, text.split(" ")[0]):
        try:
            return datetime.strptime(candidate, fmt).date()
        except ValueError:
            continue
    return None


def _date(value, fmt, label):
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    if not text:
        raise RowError(_("%(field)s is missing.") % {"field": _(label)})
    parsed = _parse_date(text, fmt)
    if parsed is None:
        raise RowError(
            _("Unreadable %(field)s “%(value)s” (expected %(format)s).")
            % {"field": _(label), "value": text, "format": fmt}
        )
    return parsed


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
        raise RowError(_("Unreadable %(field)s “%(value)s”.") % {"field": _(label), "value": text})
    return number


def parse_country(value):
    """ISO alpha-2, alpha-3 or an English country name; None when unreadable."""
    return _country(_text(value))


@lru_cache(maxsize=1024)
def _country(text: str) -> str | None:
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


# Text longer than its column would stop the whole write: refuse the row instead.
MAX_LENGTHS = {
    "confirmation_number": 50,
    "first_name": 100,
    "last_name": 100,
    "full_name": 201,
    "room": 20,
    "company": 150,
    "email": 254,
}


def parse_row(fields, profile, levels):
    """One file row (field: cell) as GuestDesk values; raises RowError with the reason."""
    for field, limit in MAX_LENGTHS.items():
        if field in fields and len(_text(fields[field])) > limit:
            raise RowError(
                _("%(field)s is longer than %(limit)s characters.")
                % {"field": field, "limit": limit}
            )
    fmt = profile.get("date_format") or "%Y-%m-%d"
    row: dict[str, Any] = {"confirmation_number": _text(fields.get("confirmation_number"))}
    if not row["confirmation_number"]:
        raise RowError(_("Confirmation number is missing."))
    row["first_name"], row["last_name"] = _names(fields)
    if not row["last_name"]:
        raise RowError(_("Guest name is missing."))
    # Labels are translated only when a row is refused (gettext per row is not free).
    row["arrival_date"] = _date(fields.get("arrival_date"), fmt, gettext_noop("arrival date"))
    row["departure_date"] = _date(fields.get("departure_date"), fmt, gettext_noop("departure date"))
    if row["departure_date"] < row["arrival_date"]:
        raise RowError(_("Departure is before arrival."))
    if "arrival_time" in fields:
        row["arrival_time"] = _time(fields["arrival_time"])
    if "adults" in fields:
        row["adults"] = _count(fields["adults"], 1, gettext_noop("adults"))
    if "children" in fields:
        row["children"] = _count(fields["children"], 0, gettext_noop("children"))
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


# -- matching and writing ---------------------------------------------------------------


def _plain(value):
    if isinstance(value, VipLevel):
        return value.code
    if isinstance(value, date | time):
        return value.isoformat()
    if value is None:
        return None
    return str(value)


def _guests_named(pairs: set[tuple[str, str]]) -> Any:
    """Primary keys of the guests with one of these (last name, first name) pairs."""
    if sql.is_postgresql():
        last, first = zip(*pairs, strict=True) if pairs else ((), ())
        return RawSQL(
            "SELECT id FROM arrivals_guest WHERE (last_name, first_name) IN "
            "(SELECT * FROM unnest(%s::text[], %s::text[]))",
            [list(last), list(first)],
        )
    # SQLite (development): one OR per pair would pass its expression depth limit at a
    # chunk of a thousand rows; read the guests of these last names and keep the pairs.
    named = Guest.objects.filter(last_name__in={last for last, _first in pairs})
    rows = named.values_list("pk", "last_name", "first_name")
    return [pk for pk, last, first in rows if (last, first) in pairs]


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
            phone = guest.phone if isinstance(guest.phone, str) else guest.phone.as_e164
            self.by_phone.setdefault(phone, guest)
        key = (guest.first_name.casefold(), guest.last_name.casefold())
        self.by_name.setdefault(key, []).append(guest)

    def load(self, rows):
        if not rows:
            return
        emails = {r["email"] for r in rows if r.get("email")}
        phones = {r["phone"] for r in rows if r.get("phone")}
        # Exact (last, first) pairs, so a common last name does not load every guest.
        pairs = {(r["last_name"], r["first_name"]) for r in rows}
        query = Q(pk__in=_guests_named(pairs))
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


class NewGuest:
    """A guest this file introduces, before it is written (no model instance per row)."""

    default_vip_level_id = None

    def __init__(self, values: dict) -> None:
        self.values = values
        self.pk: int | None = None
        self.first_name = values.get("first_name", "")
        self.last_name = values.get("last_name", "")
        self.email = values.get("email", "")
        self.phone = values.get("phone", "")
        self.nationality = values.get("nationality", "")


def _code(level: VipLevel | None) -> str:
    return level.code if level else ""


class StayImporter(engine.Importer):
    """PMS stays: upserted by (source, confirmation number), with their history."""

    kind = "stays"
    batch_model = ImportBatch
    fields = IMPORT_FIELDS
    counted = ("created", "updated", "unchanged", "rejected", "flagged")

    def __init__(self, profile: dict, **kwargs: Any) -> None:
        super().__init__(profile, **kwargs)
        self.source = profile.get("source") or "PMS"
        self.full_day = bool(self.options.get("full_day"))
        self.wants_keys = self.full_day
        self.levels = {level.code.upper(): level for level in VipLevel.objects.all()}
        self.mapped = set(self.columns)
        self.guests = GuestIndex()
        self.vip_ids: list[int] = []
        self.changed_ids: list[int] = []
        self.dates: set[date] = set()

    @classmethod
    def check_columns(cls, columns: Any) -> None:
        validate_columns(columns)

    @classmethod
    def command_profile(cls, profile: dict) -> dict:
        return {"source": profile.get("source") or "PMS"}

    @classmethod
    def batch_values(cls, saved: Any, options: dict) -> dict:
        return {"profile": saved, "full_day": bool(options.get("full_day"))}

    @classmethod
    def saved_profile(cls, name: str) -> tuple[Any, dict] | None:
        profile = ImportProfile.objects.filter(name=name, kind=ImportProfile.Kind.STAYS).first()
        return (profile, profile.as_dict()) if profile else None

    def parse(self, fields: dict[str, Any]) -> dict:
        return parse_row(fields, self.profile, self.levels)

    def key(self, row: dict) -> str:
        return row["confirmation_number"]

    def _raw_key(self, fields: dict[str, Any]) -> str:
        return _text(fields.get("confirmation_number"))

    def label(self, fields: dict[str, Any], row: dict | None = None) -> str:
        if row:
            return f"{row['first_name']} {row['last_name']}".strip()
        return " ".join(
            _text(fields.get(f)) for f in ("full_name", "first_name", "last_name") if f in fields
        ).strip()

    def repeated(self, first: int) -> str:
        return _("Confirmation number repeats row %(row)s.") % {"row": first}

    def _hold_vip(self, number: int, row: dict, old: VipLevel | None, new: VipLevel | None) -> None:
        """An agent's file: the VIP change waits for a manager (the rest is imported)."""
        self.note(
            number,
            "waiting",
            row["confirmation_number"],
            self.label({}, row),
            _("VIP level %(old)s → %(new)s waits for a manager.")
            % {"old": _code(old) or "—", "new": _code(new) or "—"},
            {"source": self.source, "from": _code(old), "to": _code(new)},
            count=True,
        )

    def write(self, rows: list[tuple[int, dict]], commit: bool) -> None:
        confirmations = [row["confirmation_number"] for _, row in rows]
        existing = {
            stay.confirmation_number: stay
            for stay in Stay.objects.filter(
                source=self.source, confirmation_number__in=confirmations
            ).select_related("guest", "vip_level")
        }
        # Guests are looked up only for new stays; known stays bring their own guest.
        self.guests.load([r for _, r in rows if r["confirmation_number"] not in existing])
        history: list[dict] = []
        new_guests: list[NewGuest] = []
        new_stays: list[dict] = []
        changed: list[Stay] = []
        for number, row in rows:
            self.dates.add(row["arrival_date"])
            stay = existing.get(row["confirmation_number"])
            if stay is None:
                if not self.trusted and row.get("vip_code"):
                    self._hold_vip(number, row, None, row["vip_code"])
                    row = {**row, "vip_code": None}
                self.note(number, "created", row["confirmation_number"])
                if commit:
                    new_stays.append(self._new_stay(row, new_guests))
                continue
            changes = _stay_changes(stay, row, self.mapped)
            if "vip_level" in changes and not self.trusted:
                self._hold_vip(number, row, *changes.pop("vip_level"))
            if not changes:
                self.note(number, "unchanged", row["confirmation_number"])
                continue
            detail = {key: [_plain(old), _plain(new)] for key, (old, new) in changes.items()}
            self.note(
                number, "updated", row["confirmation_number"], self.label({}, row), detail=detail
            )
            if commit:
                history.append(self._update(stay, changes, detail))
                changed.append(stay)
        if not commit:
            return
        if changed:
            Stay.objects.bulk_update(
                changed, [*STAY_FIELDS.values(), "missing_from_batch", "updated_at"]
            )
            self.changed_ids.extend(stay.pk for stay in changed)
        # New guests, then their stays and history: one set-based insert each.
        fresh = [guest for guest in new_guests if guest.pk is None]
        for guest, pk in zip(fresh, sql.insert(Guest, [g.values for g in fresh]), strict=True):
            guest.pk = pk
        for values in new_stays:
            values["guest_id"] = values.pop("guest").pk
        # Where a new stay came from: the file's name, or what the caller says (the API).
        created = self.batch.original_name if self.batch else self.options.get("origin", "")
        now = timezone.now()
        for values, pk in zip(new_stays, sql.insert(Stay, new_stays), strict=True):
            if values.get("vip_level_id"):
                self.vip_ids.append(pk)
            self.changed_ids.append(pk)
            history.append(
                {
                    "stay_id": pk,
                    "kind": StayChange.Kind.IMPORT,
                    "changes": {"created": [None, created]},
                    "changed_by_id": self.user.pk if self.user else None,
                    "batch_id": self.batch.pk if self.batch else None,
                    "changed_at": now,
                }
            )
        sql.insert(StayChange, history)
        # The guests of this chunk are in the database now, where the next chunk's lookup
        # finds them; forgetting them keeps memory flat however long the file.
        self.guests = GuestIndex()

    def _new_stay(self, row: dict, new_guests: list["NewGuest"]) -> dict:
        """A new stay's values for `row`, with its guest found or added to `new_guests`."""
        guest = self.guests.find(row)
        values = _guest_values(row)
        if guest is None:
            guest = NewGuest(values)
            new_guests.append(guest)
            self.guests.add(guest)
        elif isinstance(guest, Guest):
            fresh = {k: v for k, v in values.items() if not getattr(guest, k)}
            if fresh:
                for key, value in fresh.items():
                    setattr(guest, key, value)
                guest.save(update_fields=[*fresh, "updated_at"])
        stay = {
            "guest": guest,
            "source": self.source,
            "confirmation_number": row["confirmation_number"],
        }
        for field, attribute in STAY_FIELDS.items():
            if field in row:
                if attribute == "vip_level":
                    stay["vip_level_id"] = row[field].pk if row[field] else None
                else:
                    stay[attribute] = row[field]
        if "vip_code" not in self.mapped and guest.default_vip_level_id:
            stay["vip_level_id"] = guest.default_vip_level_id
        return stay

    def _update(self, stay: Stay, changes: dict, detail: dict) -> dict:
        old_rank = stay.vip_level.rank if stay.vip_level is not None else None
        guest_fields = []
        for key, (_old, new) in changes.items():
            if key.startswith("guest."):
                setattr(stay.guest, key[6:], new)
                guest_fields.append(key[6:])
            else:
                setattr(stay, key, new)
        if guest_fields:
            stay.guest.save(update_fields=[*guest_fields, "updated_at"])
        stay.updated_at = timezone.now()
        if (
            "vip_level" in changes
            and stay.vip_level
            and (old_rank is None or stay.vip_level.rank < old_rank)
        ):
            self.vip_ids.append(stay.pk)
        return {
            "stay_id": stay.pk,
            "kind": StayChange.Kind.IMPORT,
            "changes": detail,
            "changed_by_id": self.user.pk if self.user else None,
            "batch_id": self.batch.pk if self.batch else None,
            "changed_at": timezone.now(),
        }

    def finish(self, keys: set[str] | None, commit: bool) -> None:
        """Stays of the file's dates it no longer lists: flag them, never delete them."""
        if not self.full_day or not self.dates:
            return
        stays = list(
            Stay.objects.filter(
                source=self.source,
                arrival_date__in=self.dates,
                status=Stay.Status.EXPECTED,
                missing_from_batch__isnull=True,
            )
            .exclude(confirmation_number__in=keys or ())
            .select_related("guest")
        )
        for stay in stays:
            self.note(None, "flagged", stay.confirmation_number, stay.guest.name)
        if commit and stays:
            batch = self.batch
            assert batch is None or isinstance(batch, ImportBatch)
            Stay.objects.filter(pk__in=[s.pk for s in stays]).update(missing_from_batch=self.batch)
            StayChange.objects.bulk_create(
                StayChange(
                    stay=stay,
                    kind=StayChange.Kind.MISSING,
                    changes={"missing_from_batch": [None, self.batch.pk if self.batch else None]},
                    changed_by=self.user,
                    batch=batch,
                )
                for stay in stays
            )

    def after_commit(self) -> None:
        announce_vip(self.vip_ids)
        announce_changed(self.changed_ids, committed=True)


IMPORTERS = [StayImporter]
Importer = StayImporter  # the name the command, tests and benchmarks use


def load_profile(name_or_path: str) -> tuple[ImportProfile | None, dict]:
    """A profile dict from a saved profile's name or a JSON file with the same shape."""
    saved, profile = engine.load_profile(StayImporter, name_or_path)
    profile["source"] = profile.get("source") or "PMS"
    return saved, profile


def summary(counts: dict) -> str:
    """The one line `import_stays` prints (also shown on the page)."""
    line = "created {created}, updated {updated}, unchanged {unchanged}, rejected {rejected}"
    return line.format(**{"created": 0, "updated": 0, "unchanged": 0, "rejected": 0, **counts})


def run_batch(batch_pk: int, commit: bool) -> dict | None:
    """Check (dry run) or import batch `batch_pk`; a second run of the same step does nothing."""
    return engine.run_batch(StayImporter, batch_pk, commit)


def resume_stalled(now: datetime | None = None) -> list[int]:
    """Queue again the import steps whose worker died (every kind of import)."""
    return batches.resume_stalled(now)


@transaction.atomic
def apply_waiting_vip(batch: ImportBatch, user: Any) -> int:
    """Apply the VIP levels an agent's file carried (a manager's one action); returns how many.

    The waiting rows are locked and marked applied in the same transaction, so a second
    click, or two managers at once, applies them once.
    """
    waiting = list(
        ImportRow.objects.select_for_update()
        .filter(batch=batch, action=ImportRow.Action.WAITING)
        .order_by("pk")
    )
    if not waiting:
        return 0
    levels = {level.code: level for level in VipLevel.objects.all()}
    stays = {
        (stay.source, stay.confirmation_number): stay
        for stay in Stay.objects.filter(
            confirmation_number__in=[row.key for row in waiting]
        ).select_related("vip_level")
    }
    history, upgraded = [], []
    for row in waiting:
        stay = stays.get((row.detail.get("source"), row.key))
        new = levels.get(row.detail.get("to") or "")
        if stay is None or (row.detail.get("to") and new is None):
            continue
        old = stay.vip_level
        if _code(old) == _code(new):
            continue
        stay.vip_level = new
        stay.save(update_fields=["vip_level", "updated_at"])
        if new and new.outranks(old):
            upgraded.append(stay.pk)
        history.append(
            StayChange(
                stay=stay,
                kind=StayChange.Kind.IMPORT,
                changes={"vip_level": [_code(old) or None, _code(new) or None]},
                changed_by=user,
                batch=batch,
            )
        )
    StayChange.objects.bulk_create(history)
    announce_changed([change.stay_id for change in history])
    ImportRow.objects.filter(pk__in=[row.pk for row in waiting]).update(
        action=ImportRow.Action.APPLIED
    )
    announce_vip(upgraded)
    return len(history)
