import logging

from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _

log = logging.getLogger(__name__)


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

        vip_stay_changed.connect(_vip_changed, dispatch_uid="digests-late-alerts")


def _vip_changed(sender, stay_ids, **kwargs):
    """A stay became VIP: alert departments now rather than at the next tick."""
    from digests.tasks import late_alerts

    try:
        late_alerts.delay()
    except Exception:  # noqa: BLE001 - the next beat tick sends the alert all the same
        log.exception("Could not queue late VIP alerts for stays %s", stay_ids)
