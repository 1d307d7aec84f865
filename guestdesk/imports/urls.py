"""The addresses every import screen has, for an app's views module that implements them."""

from types import ModuleType

from django.urls import URLPattern, path

from guestdesk.imports.models import ImportBatchBase
from guestdesk.imports.pages import batch_views


def import_routes(
    views: ModuleType, batch: type[ImportBatchBase], extra: list[URLPattern] | None = None
) -> list[URLPattern]:
    """Upload and list, a batch's report and commit (the app's views), progress and the kept
    file (the same for every import, of the app's `batch` model), under import/."""
    progress, file = batch_views(batch)
    return [
        path("", views.imports, name="imports"),
        path("<int:pk>/", views.import_batch, name="import_batch"),
        path("<int:pk>/commit/", views.import_commit, name="import_commit"),
        path("<int:pk>/progress/", progress, name="import_progress"),
        path("<int:pk>/file/", file, name="import_file"),
        *(extra or []),
    ]
