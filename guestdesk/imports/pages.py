"""What every import page shares: taking an upload, the batch page's paged report."""

from collections.abc import Callable
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone

from guestdesk import roles
from guestdesk.http import AuthenticatedHttpRequest
from guestdesk.imports import batches
from guestdesk.imports.models import ImportBatchBase
from guestdesk.roles import is_manager

REPORT_PAGE = 100


def accept_upload(
    kind: str,
    model: type[ImportBatchBase],
    upload: UploadedFile,
    request: AuthenticatedHttpRequest,
    **values: Any,
) -> ImportBatchBase:
    """Keep the uploaded file with a new batch and queue its dry run."""
    name = upload.name or ""  # check_upload refused a file without one
    batch = model(
        original_name=name[:255],
        uploaded_by=request.user,
        trusted=is_manager(request.user),
        status=model.Status.PENDING,
        progress_at=timezone.now(),
        **values,
    )
    batch.file.save(name, upload, save=True)
    batches.check(kind, batch)
    return batch


def report_context(request: HttpRequest, batch: ImportBatchBase) -> dict:
    """The batch and one page of its report rows (a fixed number of queries at any size)."""
    rows = batch.rows.all()
    action = request.GET.get("action", "")
    if action in batch.rows.model.Action.values:
        rows = rows.filter(action=action)
    page = Paginator(rows.order_by("number", "pk"), REPORT_PAGE).get_page(request.GET.get("page"))
    # list() runs the query here, so the template renders without touching the database.
    page.object_list = list(page.object_list)
    counts = {"created": 0, "updated": 0, "unchanged": 0, "rejected": 0, **(batch.counts or {})}
    return {"batch": batch, "page": page, "action": action, "counts": counts}


def original_file(batch: ImportBatchBase) -> FileResponse:
    """The file as it was uploaded, to download under its original name."""
    return FileResponse(batch.file.open("rb"), as_attachment=True, filename=batch.original_name)


def progress_json(batch: ImportBatchBase) -> JsonResponse:
    return JsonResponse(
        {
            "status": batch.status,
            "running": batch.is_running,
            "progress": batch.progress,
            "processed": batch.processed_rows,
            "total": batch.total_rows,
        }
    )


def check_upload(upload: UploadedFile) -> UploadedFile:
    """A form's clean_file: refuse a file over the web's size limit before it is kept."""
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    from guestdesk.imports.limits import limits

    limit = limits().upload_bytes
    size = upload.size
    if size is None or size > limit:
        raise ValidationError(
            _("The file is %(size)s MB; at most %(limit)s MB can be uploaded here.")
            % {"size": round((size or 0) / 2**20, 1), "limit": round(limit / 2**20, 1)}
        )
    if not (upload.name or "").lower().endswith((".csv", ".txt", ".tsv", ".xlsx", ".xlsm")):
        raise ValidationError(_("Upload a CSV or XLSX file."))
    return upload


def batch_views(
    model: type[ImportBatchBase],
) -> tuple[Callable[..., HttpResponse], Callable[..., HttpResponse]]:
    """A batch's progress (JSON, polled by imports.js) and its kept file, for the desk."""

    @roles.role_required(*roles.DESK)
    def progress(request: HttpRequest, pk: int) -> JsonResponse:
        return progress_json(get_object_or_404(model, pk=pk))

    @roles.role_required(*roles.DESK)
    def file(request: HttpRequest, pk: int) -> FileResponse:
        return original_file(get_object_or_404(model, pk=pk))

    return progress, file
