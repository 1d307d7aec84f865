"""The shape every import batch and its per-row report share (abstract: apps subclass them).

Each app keeps its own concrete tables (`arrivals.ImportBatch`, `reviews.ReviewImport`) so
stays can point at the batch that last touched them; the engine only relies on this shape.
"""

from typing import TYPE_CHECKING, Any, ClassVar, Self

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from guestdesk import personal
from guestdesk.fields import staff_user


class BatchStatus(models.TextChoices):
    PENDING = "pending", _("waiting")
    CHECKING = "checking", _("checking")
    CHECKED = "checked", _("dry run done")
    QUEUED = "queued", _("waiting to import")
    IMPORTING = "importing", _("importing")
    DONE = "done", _("imported")
    FAILED = "failed", _("failed")


if TYPE_CHECKING:
    from django.db.models.fields.related_descriptors import RelatedManager

RUNNING = (BatchStatus.PENDING, BatchStatus.CHECKING, BatchStatus.QUEUED, BatchStatus.IMPORTING)


class ImportBatchBase(models.Model):
    """One uploaded file: who sent it, the profile it ran with, its counts and progress."""

    Status = BatchStatus

    profile_settings = models.JSONField(_("profile used"), default=dict)
    original_name = models.CharField(_("file name"), max_length=255)
    status = models.CharField(
        _("status"), max_length=10, choices=BatchStatus, default=BatchStatus.PENDING
    )
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    processed_rows = models.PositiveIntegerField(_("rows done"), default=0)
    counts = models.JSONField(_("counts"), default=dict)
    error = models.TextField(_("error"), blank=True)
    uploaded_by = staff_user(_("uploaded by"))
    # A manager's upload or the command line: the file may set what only managers decide.
    trusted = models.BooleanField(_("uploaded by a manager"), default=False)
    created_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    committed_at = models.DateTimeField(_("imported at"), null=True, blank=True)
    # Last sign of life of the step running now; a stalled step is resumed (engine).
    progress_at = models.DateTimeField(_("last progress"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)

    if TYPE_CHECKING:
        # What every concrete batch has: its manager, the uploaded file and its report rows
        # (a foreign key with related_name="rows").
        objects: ClassVar[models.Manager[Self]]
        file: models.FileField
        rows: RelatedManager[Any]  # of the concrete ImportRowBase

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.original_name} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def progress(self) -> int:
        if not self.total_rows:
            return 0 if self.is_running else 100
        return min(100, round(100 * self.processed_rows / self.total_rows))

    @property
    def is_running(self) -> bool:
        return self.status in RUNNING


class ImportRowBase(models.Model):
    """One row of a batch's report: rejected (with its reason), updated, flagged..."""

    class Action(models.TextChoices):
        REJECTED = "rejected", _("rejected")
        UPDATED = "updated", _("updated")
        FLAGGED = "flagged", _("flagged")
        WAITING = "waiting", _("waiting for a manager")
        APPLIED = "applied", _("applied by a manager")

    number = models.PositiveIntegerField(_("row"), null=True, blank=True)
    action = models.CharField(_("action"), max_length=10, choices=Action, db_index=True)
    key = models.CharField(_("key"), max_length=200, blank=True)
    label = models.CharField(_("name"), max_length=300, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True)

    # A report row quotes the file (names, keys): kept RETENTION_FILES_DAYS like the file.
    RETAINED = {
        "after": "batch__created_at",
        "fields": {
            "key": personal.TEXT,
            "label": personal.TEXT,
            "reason": personal.TEXT,
            "detail": personal.DATA,
        },
    }

    class Meta:
        abstract = True
        ordering = ["number", "pk"]

    def __str__(self) -> str:
        return f"{self.number} {self.action}"
