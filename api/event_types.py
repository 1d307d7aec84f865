"""The webhook events GuestDesk sends. A new one: add it here and call `api.webhooks.emit`.

`trace.resolved` is listed for the department traces: once they exist, their service (or
a signal receiver in `api/signals.py`) calls `emit("trace.resolved", f"trace:{pk}", data)`
in the transaction that resolves the trace; nothing else is needed.
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
