"""Background steps of import batches: every check and every import runs here."""

from celery import shared_task

from guestdesk import audit
from guestdesk.imports import engine
from guestdesk.imports.registry import importer_for


@shared_task(name="imports.run_batch", acks_late=True)
def run_batch(kind: str, batch_pk: int, commit: bool) -> dict | None:
    """Check (`commit=False`) or import batch `batch_pk` of `kind`; safe to run twice."""
    with audit.path(f"import batch {batch_pk}"):  # who changed what: this batch
        report = engine.run_batch(importer_for(kind), batch_pk, commit)
    return report["counts"] if report else None
