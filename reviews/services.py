"""Adding, answering and importing reviews; each write re-runs the topic analysis."""

from django.db import transaction
from django.utils import timezone

from guestdesk.imports.errors import FileRefused
from reviews import analysis
from reviews.importer import ReviewImporter
from reviews.models import ReviewImport


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


def run_import(batch: ReviewImport, commit: bool, user=None, today=None) -> dict:
    """Check (commit=False) or import `batch` now, in this process; returns the counts.

    Pages and commands go through the engine's background steps; this runs the same
    importer directly (rows matched by source and ID, or by the review's fingerprint).
    """
    run = ReviewImporter(
        batch.profile_settings or {},
        user=user or batch.uploaded_by,
        batch=batch,
        trusted=batch.trusted,
        source=batch.source,
        today=today,
    )
    try:
        report = run.run(batch.file.path, commit=commit)
    except FileRefused as exc:
        batch.status, batch.error = ReviewImport.Status.FAILED, str(exc)
        batch.save(update_fields=["status", "error"])
        return run.counts
    batch.counts, batch.total_rows = report["counts"], report["total"]
    batch.processed_rows = report["total"]
    batch.status = ReviewImport.Status.DONE if commit else ReviewImport.Status.CHECKED
    batch.error = ""
    if commit:
        batch.committed_at = timezone.now()
    batch.save()
    return report["counts"]
