import logging

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

log = logging.getLogger(__name__)


class DigestsConfig(AppConfig):
    name = "arrivals.digests"
    label = "digests"
    verbose_name = _("Department digests")

    def ready(self):
        from arrivals.signals import vip_stay_changed

        vip_stay_changed.connect(_vip_changed, dispatch_uid="digests-late-alerts")


def _vip_changed(sender, stay_ids, **kwargs):
    """A stay became VIP: alert departments now rather than at the next tick."""
    from arrivals.digests.tasks import late_alerts

    try:
        late_alerts.delay()
    except Exception:  # noqa: BLE001 - the next beat tick sends the alert all the same
        log.exception("Could not queue late VIP alerts for stays %s", stay_ids)
