from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArrivalsConfig(AppConfig):
    name = "arrivals"
    verbose_name = _("Arrivals")
    beat_schedule = {
        "imports-resume-stalled": {
            "task": "arrivals.tasks.resume_stalled_imports",
            "schedule": 300.0,
        },
    }
