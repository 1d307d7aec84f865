from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class DigestsConfig(AppConfig):
    name = "digests"
    label = "digests"
    verbose_name = _("Department digests")
    beat_schedule = {
        "digests-tick": {
            "task": "digests.tasks.tick",
            "schedule": float(settings.DIGEST_TICK_SECONDS),
        },
    }

    def ready(self):
        from arrivals.signals import vip_stay_changed
        from digests.tasks import alert_vip_changed

        vip_stay_changed.connect(alert_vip_changed, dispatch_uid="digests-late-alerts")
