"""Adding, answering and importing reviews; each write re-runs the topic analysis."""

import csv
import io
from datetime import datetime
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reviews import analysis
from reviews.models import Review, ReviewImport, Topic

COLUMNS = (
    "source",
    "external_id",
    "date",
    "rating",
    "scale",
    "title",
    "text",
    "language",
    "author",
)
REQUIRED = ("external_id", "date", "rating", "text")
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


class ImportFileError(Exception):
    """The file cannot be read at all (not one row's fault)."""


class RowError(Exception):
    """One row cannot be imported; the message is the reason shown in the report."""


@transaction.atomic
def save_review(review, user=None):
    """Save a new or edited review and assign its topics again."""
    if not review.pk and user is not None:
        review.created_by = user
    review.save()
    analysis.analyse([review])
    return review


def respond(review, text, user):
    """Record the staff response to `review` (it replaces an earlier one)."""
    review.response = text.strip()
    review.responded_at = timezone.now()
    review.responded_by = user
    review.save(update_fields=["response", "responded_at", "responded_by", "score"])
    return review


# -- import -------------------------------------------------------------------------------


def read_csv(raw):
    """(row number, {column: value}) for each non-empty row of CSV bytes."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1251")  # Excel on Russian Windows saves CSV this way
    if not text.strip():
        raise ImportFileError(_("The file is empty."))
    first = text.splitlines()[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [column.strip().lower() for column in next(reader)]
        rows = [(n, row) for n, row in enumerate(reader, start=2) if any(c.strip() for c in row)]
    except csv.Error as exc:
        raise ImportFileError(_("The file cannot be read: %(error)s") % {"error": exc}) from None
    missing = [column for column in REQUIRED if column not in header]
    if missing:
        raise ImportFileError(
            _("The file has no column %(columns)s (its columns: %(header)s).")
            % {"columns": ", ".join(missing), "header": ", ".join(header)}
        )
    return [(n, dict(zip(header, (c.strip() for c in row), strict=False))) for n, row in rows]


def _date(text):
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise RowError(_("Unreadable date “%(value)s” (expected YYYY-MM-DD).") % {"value": text})


def parse_row(raw, default_source, today):
    """The review fields of one CSV row, or RowError with the reason."""
    word = (raw.get("source") or "").strip().lower() or default_source
    source = SOURCE_WORDS.get(word)
    if not source:
        raise RowError(_("Unknown source “%(value)s”.") % {"value": word})
    external_id = raw.get("external_id", "")
    if not external_id:
        raise RowError(_("The external ID is missing."))
    if not raw.get("date"):
        raise RowError(_("The date is missing."))
    day = _date(raw["date"])
    if day > today:
        raise RowError(_("The date %(date)s is in the future.") % {"date": day.isoformat()})
    scale_text = raw.get("scale") or ("5" if source in FIVE_STAR_SOURCES else "10")
    if scale_text not in ("5", "10"):
        raise RowError(_("The scale must be 5 or 10, not “%(value)s”.") % {"value": scale_text})
    scale = int(scale_text)
    try:
        rating = Decimal((raw.get("rating") or "").replace(",", "."))
    except InvalidOperation:
        raise RowError(_("Unreadable rating “%(value)s”.") % {"value": raw.get("rating")}) from None
    if not 1 <= rating <= scale:
        raise RowError(
            _("The rating %(rating)s is outside the scale 1 to %(scale)s.")
            % {"rating": raw.get("rating"), "scale": scale}
        )
    if not raw.get("text"):
        raise RowError(_("The review has no text."))
    language = (raw.get("language") or "").lower()[:2]
    return {
        "source": source,
        "external_id": external_id[:100],
        "date": day,
        "rating": rating.quantize(Decimal("0.1")),
        "scale": scale,
        "title": (raw.get("title") or "")[:300],
        "text": raw["text"],
        "language": language if language in ("kk", "ru", "en") else "",
        "author": (raw.get("author") or "")[:200],
    }


FIELDS = ("date", "rating", "scale", "title", "text", "language", "author")


def run_import(batch, commit, user=None, today=None):
    """Check (commit=False) or import the batch's file; store and return the report.

    Rows are matched on (source, external ID), so importing a file twice changes nothing.
    Returns the counts; the report keeps [row number, action, source, ID, reason].
    """
    today = today or timezone.localdate()
    counts = {"created": 0, "updated": 0, "unchanged": 0, "rejected": 0}
    report = []
    try:
        with batch.file.open("rb") as handle:
            raw_rows = read_csv(handle.read())
    except ImportFileError as exc:
        batch.status, batch.error = ReviewImport.Status.FAILED, str(exc)
        batch.save(update_fields=["status", "error"])
        return counts
    parsed, seen = [], {}
    for number, raw in raw_rows:
        try:
            row = parse_row(raw, batch.source, today)
            key = (row["source"], row["external_id"])
            if key in seen:
                raise RowError(_("The same review is on row %(row)s.") % {"row": seen[key]})
            seen[key] = number
            parsed.append((number, row))
        except RowError as exc:
            counts["rejected"] += 1
            report.append(
                [number, "rejected", raw.get("source", ""), raw.get("external_id", ""), str(exc)]
            )
    existing = {}
    for review in Review.objects.filter(external_id__in=[row["external_id"] for __, row in parsed]):
        existing[(review.source, review.external_id)] = review
    changed = []
    with transaction.atomic():
        for number, row in parsed:
            review = existing.get((row["source"], row["external_id"]))
            if review is None:
                action = "created"
                review = Review(**row, created_by=user)
            elif any(getattr(review, f) != row[f] for f in FIELDS):
                action = "updated"
                for field in FIELDS:
                    setattr(review, field, row[field])
            else:
                action = "unchanged"
            counts[action] += 1
            report.append([number, action, row["source"], row["external_id"], ""])
            if commit and action != "unchanged":
                review.save()
                changed.append(review)
        if commit:
            analysis.analyse(changed, list(Topic.objects.all()))
    batch.counts, batch.report = counts, {"rows": report, "total": len(raw_rows)}
    batch.status = ReviewImport.Status.DONE if commit else ReviewImport.Status.CHECKED
    batch.error = ""
    if commit:
        batch.committed_at = timezone.now()
    batch.save()
    return counts
