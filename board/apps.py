from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BoardConfig(AppConfig):
    name = "board"
    label = "board"
    verbose_name = _("Hotel information and events")

    def ready(self):
        from board import signals  # noqa: F401  (connects the cache invalidation)
