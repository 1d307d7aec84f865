"""Dashboard cards: today's arrivals with VIPs, and the guest flow of the next days."""

from datetime import timedelta

from django.db.models import Count, Q, Sum
from django.utils import timezone

from arrivals import flow
from arrivals.models import Stay
from guestdesk import roles
from guestdesk.registry import Card


def cards(request):
    if not roles.has_role(request.user, *roles.READERS):
        return []
    today = timezone.localdate()
    arriving = Stay.objects.arriving_on(today).active()
    totals = arriving.aggregate(
        stays=Count("pk"),
        vips=Count("pk", filter=Q(vip_level__isnull=False)),
        arrived=Count("pk", filter=Q(status=Stay.Status.IN_HOUSE)),
        unreviewed=Count("pk", filter=Q(vip_level__isnull=False, reviewed_at__isnull=True)),
        adults=Sum("adults", default=0),
        children=Sum("children", default=0),
    )
    totals["pax"] = totals["adults"] + totals["children"]
    vips = list(arriving.vip().select_related("guest", "vip_level").by_vip_rank()[:5])
    return [
        Card(
            "arrivals/_card_today.html",
            {"totals": totals, "vips": vips, "desk": roles.is_desk(request.user)},
            order=10,
        ),
        Card(
            "arrivals/_card_flow.html",
            {"days": flow.figures(today, today + timedelta(days=6))},
            order=15,
        ),
    ]
