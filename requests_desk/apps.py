from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RequestsDeskConfig(AppConfig):
    name = "requests_desk"
    verbose_name = _("Guest requests")
    beat_schedule = {
        "requests-overdue": {"task": "requests_desk.tasks.notify_overdue", "schedule": 300.0},
    }
