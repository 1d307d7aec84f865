from digests.models import Digest
from guestdesk import roles
from guestdesk.models import Department
from guestdesk.registry import Card


def panels(request, kind, obj):
    """On the manager's VIP list: each department's digest for that date."""
    if kind != "vip_list" or not roles.is_desk(request.user):
        return []
    digests = {d.department_id: d for d in Digest.objects.daily().on(obj).select_related("outbox")}
    departments = Department.objects.active().select_related("digest_subscription")
    rows = [
        {
            "department": department,
            "subscription": getattr(department, "digest_subscription", None),
            "digest": digests.get(department.pk),
        }
        for department in departments
    ]
    return [Card("digests/_vip_list_panel.html", {"rows": rows, "day": obj}, order=10)]
