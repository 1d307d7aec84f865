from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "api"
    label = "api"
    verbose_name = _("API and webhooks")
    beat_schedule = {
        "api-send-due-webhooks": {"task": "api.tasks.send_due_webhooks", "schedule": 60.0},
    }

    def ready(self) -> None:
        from api import (  # noqa: F401  (connects the webhook receivers)
            schema,
            signals,
        )
