import datetime
import logging

from celery import shared_task
from django.utils import timezone

from digests import services

log = logging.getLogger(__name__)


@shared_task
def tick():
    """Queue the digests that are due now (hotel time) and the late VIP alerts.

    Beat runs it every few minutes; a digest missed at its send time (workers down)
    goes out at the first tick after they come back, the same hotel day.
    """
    day = timezone.localdate()
    due = services.due_department_ids()
    for department_id in due:
        send_department_digest.delay(department_id, day.isoformat())
    late_alerts.delay(day.isoformat())
    return len(due)


@shared_task(acks_late=True)
def send_department_digest(department_id, day):
    """Send one department's digest for `day` (ISO date); a second run sends nothing."""
    outcome = services.send_daily_digest(department_id, datetime.date.fromisoformat(day))
    return outcome.status


@shared_task(acks_late=True)
def late_alerts(day=None):
    """Alert departments of VIP stays they have not been told about yet (idempotent)."""
    day = datetime.date.fromisoformat(day) if day else None
    return services.send_late_alerts(day)


def alert_vip_changed(sender, stay_ids, **kwargs):
    """Receiver of `vip_stay_changed`: alert departments now rather than at the next tick."""
    try:
        late_alerts.delay()
    except Exception:  # noqa: BLE001 - the next beat tick sends the alert all the same
        log.exception("Could not queue late VIP alerts for stays %s", stay_ids)
