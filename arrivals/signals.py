"""Signals other apps listen to.

`vip_stay_changed(sender=Stay, stay_ids=[...])` is sent after the transaction commits
whenever stays become VIP or their VIP level is raised: created as VIP, updated by an
import, changed by a manager on the VIP list or in a stay edit. Late VIP alerts use it.
"""

from django.db import transaction
from django.dispatch import Signal

from arrivals.models import Stay

vip_stay_changed = Signal()
stays_changed = Signal()


def announce_vip(stay_ids):
    """Send `vip_stay_changed` for `stay_ids` once the surrounding transaction commits."""
    stay_ids = sorted(set(stay_ids))
    if not stay_ids:
        return

    def send():
        vip_stay_changed.send(sender=Stay, stay_ids=stay_ids)

    transaction.on_commit(send)


def announce_changed(stay_ids, *, committed=False):
    """Send `stays_changed` for `stay_ids` once the surrounding transaction commits.

    committed=True: the writes are committed already (an importer's after_commit), so the
    signal goes now and queues nothing behind the import's own task.
    """
    stay_ids = sorted(set(stay_ids))
    if not stay_ids:
        return

    def send():
        stays_changed.send(sender=Stay, stay_ids=stay_ids)

    if committed:
        send()
    else:
        transaction.on_commit(send)
