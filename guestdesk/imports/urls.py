"""The addresses every import screen has, for an app's views module that implements them."""

from types import ModuleType

from django.urls import URLPattern, path


def import_routes(views: ModuleType, extra: list[URLPattern] | None = None) -> list[URLPattern]:
    """Upload and list, a batch's report, commit, progress and the kept file (under import/)."""
    return [
        path("", views.imports, name="imports"),
        path("<int:pk>/", views.import_batch, name="import_batch"),
        path("<int:pk>/commit/", views.import_commit, name="import_commit"),
        path("<int:pk>/progress/", views.import_progress, name="import_progress"),
        path("<int:pk>/file/", views.import_file, name="import_file"),
        *(extra or []),
    ]
