from django.utils import timezone

from guestdesk import roles
from guestdesk.registry import Card
from vendors.models import Place, Supplier

SHOWN = 5


def cards(request):
    """Contracts that need renewing and places due for a check: three queries."""
    if not roles.is_desk(request.user):
        return []
    today = timezone.localdate()
    attention = Supplier.objects.needing_attention(today).order_by("contract_end", "name")
    suppliers = list(attention[:SHOWN])
    for supplier in suppliers:
        supplier.state = supplier.contract_state(today)
    context = {
        "suppliers": suppliers,
        "supplier_count": attention.count() if len(suppliers) == SHOWN else len(suppliers),
        "places_to_check": Place.objects.needing_check(today).count(),
    }
    if not suppliers and not context["places_to_check"]:
        return []
    return [Card("vendors/_card_attention.html", context, order=60)]
