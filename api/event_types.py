"""The webhook events GuestDesk sends. A new one: add it here and call `api.webhooks.emit`.

`trace.resolved` comes from `traces.signals.trace_resolved` (a receiver in `api/signals.py`),
sent inside the transaction that resolves the trace.
"""

from django.utils.translation import gettext_lazy as _

EVENTS = {
    "stay.arrived": _("a guest was marked arrived (in house)"),
    "stay.vip_changed": _("a stay became VIP or its VIP level was raised"),
    "request.status_changed": _("a guest request changed status"),
    "digest.acknowledged": _("a department acknowledged its daily digest"),
    "review.created": _("a review was added"),
    "trace.resolved": _("a department trace was resolved"),
}
