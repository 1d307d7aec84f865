"""Import steps in the background; every task is queued once the transaction commits."""

from celery import shared_task

from arrivals import importer
from guestdesk.imports import batches
from guestdesk.imports.tasks import run_batch  # noqa: F401 - registers the engine's task


@shared_task(acks_late=True)
def run_import_batch(batch_pk: int, commit: bool) -> dict | None:
    """Dry-run (`commit=False`) or import batch `batch_pk`; safe to run twice."""
    report = importer.run_batch(batch_pk, commit)
    return report["counts"] if report else None


@shared_task
def resume_stalled_imports() -> list[int]:
    """Queue again the import steps (of every kind) whose worker died."""
    return batches.resume_stalled()
