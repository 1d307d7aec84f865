"""The beat's import task; each step of a batch runs in guestdesk.imports.tasks.run_batch."""

from celery import shared_task

from guestdesk.imports import batches
from guestdesk.imports.tasks import run_batch  # noqa: F401 - registers the engine's task


@shared_task
def resume_stalled_imports() -> list[int]:
    """Queue again the import steps (of every kind) whose worker died."""
    return batches.resume_stalled()
