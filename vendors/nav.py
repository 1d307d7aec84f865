from django.utils.translation import gettext_lazy as _

from guestdesk import roles
from guestdesk.registry import NavItem

ITEMS = [
    NavItem(
        _("Suppliers"),
        "vendors:directory",
        roles.READERS,
        icon="truck",
        order=40,
        active_prefixes=("/vendors/suppliers/",),
    ),
    NavItem(
        _("Local guide"),
        "vendors:guide",
        roles.READERS,
        icon="geo-alt",
        order=45,
        active_prefixes=("/vendors/guide/", "/vendors/sheets/"),
    ),
    NavItem(
        _("Commission"),
        "vendors:commission_current",
        roles.MANAGERS,
        icon="cash-coin",
        order=48,
        active_prefixes=("/vendors/commission/",),
    ),
]
