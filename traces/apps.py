from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TracesConfig(AppConfig):
    name = "traces"
    label = "traces"
    verbose_name = _("Department traces")
    beat_schedule = {
        "traces-overdue": {"task": "traces.tasks.alert_overdue", "schedule": 300.0},
    }

    def ready(self):
        from arrivals.signals import stays_changed
        from traces.receivers import follow_stays

        stays_changed.connect(follow_stays, dispatch_uid="traces-follow-stays")
