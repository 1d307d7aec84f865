"""Reviews on the shared import engine: fields, row parsing, matching and writing.

A review is matched by (source, ID at the source); without an ID by a fingerprint of its
source, date, author and text, so importing the same file twice adds nothing. Every
written review is analysed again (topics of the text, of what was liked and disliked).
"""

import hashlib
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from arrivals.models import ImportProfile
from guestdesk.imports import engine
from guestdesk.imports.engine import text
from guestdesk.imports.errors import RowError
from reviews import analysis
from reviews.models import Review, ReviewImport, Topic, normalise

FIELDS = (
    "external_id",
    "date",
    "source",
    "rating",
    "scale",
    "title",
    "text",
    "positive_text",
    "negative_text",
    "author",
    "language",
    "response",
)
TEXTS = ("text", "positive_text", "negative_text")
# Sites that rate out of 5; the rest (Booking.com, guest book, other) out of 10.
FIVE_STAR_SOURCES = {"tripadvisor", "google", "2gis", "yandex", "expedia"}
SOURCE_WORDS = {
    **{value: value for value in Review.Source.values},
    "guest book": "guest_book",
    "booking.com": "booking",
    "2гис": "2gis",
    "яндекс": "yandex",
}
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y")
# What an import compares and writes: every field a file holds but the two that find the
# review (the rest of a review is the desk's).
WRITTEN = tuple(field for field in FIELDS if field not in ("external_id", "source"))


def source_of(word: str) -> str | None:
    return SOURCE_WORDS.get(word.strip().lower())


def fingerprint(row: dict) -> str:
    """A stable key for a review without an ID: source, date, author and text."""
    parts = [row["source"], row["date"].isoformat(), row["author"], *(row[f] for f in TEXTS)]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:64]


class ReviewImporter(engine.Importer):
    """Guest-book and online reviews from a CSV or XLSX export."""

    kind = "reviews"
    batch_model = ReviewImport
    fields = FIELDS
    summary_counts = ("created", "unchanged", "rejected")

    def __init__(self, profile: dict, **kwargs: Any) -> None:
        if not profile.get("columns"):
            # No profile: the file's header names the fields (the documented default).
            profile = {**profile, "columns": {field: field for field in FIELDS}}
            kwargs.setdefault("default_columns", True)
        super().__init__(profile, **kwargs)
        if self.options.get("default_columns"):
            self.optional = set(FIELDS)
        self.default_source = source_of(profile.get("source") or "") or source_of(
            self.options.get("source") or ""
        )
        self.fixed_scale = profile.get("scale")
        self.today = self.options.get("today") or timezone.localdate()
        self.topics: list[Topic] | None = None

    @classmethod
    def check_columns(cls, columns: Any) -> None:
        super().check_columns(columns)
        if not columns.get("date") or not columns.get("rating"):
            raise ValidationError(_("Map the date and the rating."))
        if not any(columns.get(field) for field in TEXTS):
            raise ValidationError(_("Map the text, or what the guest liked or disliked."))

    @classmethod
    def profile_extras(cls, data: dict) -> dict:
        scale = data.get("scale")
        if scale is None or scale == "":
            return {}
        if str(scale) not in ("5", "10"):
            raise ValidationError(_("The scale must be 5 or 10."))
        if data.get("source") and not source_of(str(data["source"])):
            raise ValidationError(_("Unknown source “%(value)s”.") % {"value": data["source"]})
        return {"scale": int(scale)}

    @classmethod
    def saved_profile(cls, name: str) -> tuple[Any, dict] | None:
        profile = ImportProfile.objects.filter(name=name, kind=ImportProfile.Kind.REVIEWS).first()
        return (profile, profile.as_dict()) if profile else None

    @classmethod
    def batch_values(cls, saved: Any, options: dict) -> dict:
        return {"source": source_of(options.get("source") or "") or ""}

    def prepare(self, header: list[str], index: dict[str, int]) -> None:
        if self.options.get("default_columns"):
            missing = [f for f in ("date", "rating") if f not in index]
            if not any(f in index for f in TEXTS):
                missing.append("text")
            if missing:
                raise engine.FileRefused(
                    _("The file has no column %(columns)s (its columns: %(header)s).")
                    % {"columns": ", ".join(missing), "header": ", ".join(header)}
                )

    def _date(self, value: Any) -> date:
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        raw = text(value)
        if not raw:
            raise RowError(_("The date is missing."))
        formats = (self.profile.get("date_format") or "%Y-%m-%d", *DATE_FORMATS)
        for fmt in dict.fromkeys(formats):
            try:
                return datetime.strptime(raw, fmt).date()
            except ValueError:
                continue
        raise RowError(_("Unreadable date “%(value)s” (expected YYYY-MM-DD).") % {"value": raw})

    def parse(self, fields: dict[str, Any]) -> dict:
        word = text(fields.get("source")).lower()
        source = source_of(word) if word else self.default_source
        if not source:
            raise RowError(_("Unknown source “%(value)s”.") % {"value": word})
        day = self._date(fields.get("date"))
        if day > self.today:
            raise RowError(_("The date %(date)s is in the future.") % {"date": day.isoformat()})
        scale_text = text(fields.get("scale")) or str(
            self.fixed_scale or (5 if source in FIVE_STAR_SOURCES else 10)
        )
        if scale_text not in ("5", "10"):
            raise RowError(_("The scale must be 5 or 10, not “%(value)s”.") % {"value": scale_text})
        scale = int(scale_text)
        rating_text = text(fields.get("rating"))
        try:
            rating = Decimal(rating_text.replace(",", "."))
            if not rating.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            raise RowError(_("Unreadable rating “%(value)s”.") % {"value": rating_text}) from None
        if not 1 <= rating <= scale:
            raise RowError(
                _("The rating %(rating)s is outside the scale 1 to %(scale)s.")
                % {"rating": rating_text, "scale": scale}
            )
        row: dict[str, Any] = {field: text(fields.get(field)) for field in TEXTS}
        if not any(row.values()):
            raise RowError(_("The review has no text."))
        language = text(fields.get("language")).lower()[:2]
        row.update(
            source=source,
            external_id=text(fields.get("external_id"))[:100],
            date=day,
            rating=rating.quantize(Decimal("0.1")),
            scale=scale,
            title=text(fields.get("title"))[:300],
            language=language if language in ("kk", "ru", "en") else "",
            author=text(fields.get("author"))[:200],
            response=text(fields.get("response")),
        )
        row["import_key"] = "" if row["external_id"] else fingerprint(row)
        return row

    def key(self, row: dict) -> str:
        return f"{row['source']}:{row['external_id'] or row['import_key']}"

    def _raw_key(self, fields: dict[str, Any]) -> str:
        return text(fields.get("external_id"))

    def label(self, fields: dict[str, Any], row: dict | None = None) -> str:
        source = row["source"] if row else text(fields.get("source"))
        author = row["author"] if row else text(fields.get("author"))
        return " · ".join(part for part in (source, author) if part)

    def repeated(self, first: int) -> str:
        return _("The same review is on row %(row)s.") % {"row": first}

    def write(self, rows: list[tuple[int, dict]], commit: bool) -> None:
        ids = {row["external_id"] for _, row in rows if row["external_id"]}
        keys = {row["import_key"] for _, row in rows if row["import_key"]}
        existing: dict[tuple[str, str], Review] = {}
        review: Review | None
        if ids:
            for review in Review.objects.filter(external_id__in=ids):
                existing[(review.source, review.external_id)] = review
        if keys:
            for review in Review.objects.filter(import_key__in=keys):
                existing[(review.source, review.import_key)] = review
        new: list[Review] = []
        changed: list[Review] = []
        now = timezone.now()
        for number, row in rows:
            review = existing.get((row["source"], row["external_id"] or row["import_key"]))
            if review is None:
                review = Review(**row, created_by=self.user)
                review.score = normalise(review.rating, review.scale)
                if row["response"]:
                    review.responded_at = now
                new.append(review)
                self.note(number, "created", row["external_id"])
                continue
            detail = {
                f: [str(getattr(review, f)), str(row[f])]
                for f in WRITTEN
                if getattr(review, f) != row[f]
            }
            if not detail:
                self.note(number, "unchanged", row["external_id"])
                continue
            if "response" in detail and row["response"]:
                review.responded_at = now
            for field in WRITTEN:
                setattr(review, field, row[field])
            review.score = normalise(review.rating, review.scale)
            changed.append(review)
            self.note(
                number,
                "updated",
                row["external_id"],
                self.label({}, row),
                detail={f: [v[0][:80], v[1][:80]] for f, v in detail.items()},
            )
        if not commit:
            return
        Review.objects.bulk_create(new)
        if changed:
            Review.objects.bulk_update(changed, [*WRITTEN, "score", "responded_at"])
        if self.topics is None:
            self.topics = list(Topic.objects.all())
        analysis.analyse([*new, *changed], self.topics)


IMPORTERS = [ReviewImporter]


def summary(counts: dict) -> str:
    """The line `import_reviews` prints: created, unchanged, rejected (and updated)."""
    line = "created {created}, unchanged {unchanged}, rejected {rejected}"
    return line.format(**{"created": 0, "unchanged": 0, "rejected": 0, **counts})
