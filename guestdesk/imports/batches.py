"""Starting, committing and resuming batches: what pages, commands and beat call."""

from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from guestdesk.imports import engine
from guestdesk.imports.models import BatchStatus, ImportBatchBase
from guestdesk.imports.registry import importers
from guestdesk.imports.tasks import run_batch

STALLED_AFTER = timedelta(minutes=15)


def queue(kind: str, pk: int, commit: bool) -> None:
    """Run a step of batch `pk` in the background once the current transaction commits."""
    run_batch.delay(kind, pk, commit)  # a TransactionAwareTask: it waits for the commit


def check(kind: str, batch: ImportBatchBase) -> None:
    """Queue the dry run of a new batch (status pending)."""
    queue(kind, batch.pk, False)


def commit(kind: str, batch: ImportBatchBase) -> bool:
    """Queue the import of a checked batch; False when it was not (or no longer) checked."""
    if not engine.claim_commit(type(batch), batch.pk):
        return False
    queue(kind, batch.pk, True)
    return True


def resume_stalled(now: datetime | None = None) -> list[int]:
    """Queue again the steps whose worker died (no progress for STALLED_AFTER).

    A step is retried at most engine.MAX_ATTEMPTS times, then the batch fails with the
    reason. Running a step again is safe: records are upserted by their key, so rows
    already written count as unchanged. Returns the primary keys queued again.
    """
    cutoff = (now or timezone.now()) - STALLED_AFTER
    resumed = []
    for kind, importer in importers().items():
        model = importer.batch_model
        for pk, status, start, commit_step, attempts in list(engine.stalled(model, cutoff)):
            if attempts >= engine.MAX_ATTEMPTS:
                engine.fail(
                    model,
                    pk,
                    status,
                    _(
                        "The import stopped %(count)s times without finishing; "
                        "upload the file again."
                    )
                    % {"count": attempts},
                )
                continue
            # Conditional, so two beat ticks never queue the same batch twice.
            if model.objects.filter(pk=pk, status=status, progress_at__lt=cutoff).update(
                status=start, progress_at=timezone.now()
            ):
                queue(kind, pk, commit_step)
                resumed.append(pk)
    return resumed


__all__ = ["BatchStatus", "check", "commit", "queue", "resume_stalled"]
