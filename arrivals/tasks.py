"""Import steps in the background; every task is queued once the transaction commits."""

from celery import shared_task

from arrivals import importer
from guestdesk import audit


@shared_task(acks_late=True)
def run_import_batch(batch_pk, commit):
    """Dry-run (`commit=False`) or import batch `batch_pk`; safe to run twice."""
    with audit.path(f"import batch {batch_pk}"):
        report = importer.run_batch(batch_pk, commit)
    return report["counts"] if report else None


@shared_task
def resume_stalled_imports():
    """Queue again the import steps whose worker died (no progress for 15 minutes)."""
    return importer.resume_stalled(run_import_batch.delay)
