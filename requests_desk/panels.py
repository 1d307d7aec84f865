from guestdesk import roles
from guestdesk.registry import Card
from requests_desk.models import ServiceRequest
from requests_desk.types import RequestType

# Offered first on a stay: what a guest arriving or in house asks for most.
QUICK_TYPES = (RequestType.TRANSFER, RequestType.TAXI, RequestType.RESTAURANT)


def panels(request, kind, obj):
    """The guest's or the stay's requests, with buttons to create one for it."""
    if kind not in ("guest", "stay") or not roles.has_role(request.user, *roles.READERS):
        return []
    requests = ServiceRequest.objects.visible_to(request.user).select_related(
        "assigned_to", "supplier"
    )
    requests = requests.filter(guest=obj) if kind == "guest" else requests.filter(stay=obj)
    rows = list(requests.order_by("-created_at")[:50])
    now_rows = [(r, r.is_overdue()) for r in rows]
    return [
        Card(
            "requests_desk/_panel.html",
            {
                "rows": now_rows,
                "kind": kind,
                "obj": obj,
                "param": f"{kind}={obj.pk}",
                "can_work": roles.is_desk(request.user),
                "quick_types": [(t, RequestType(t).label) for t in QUICK_TYPES],
                "types": RequestType.choices,
            },
            order=30,
        )
    ]
