from django.utils.translation import gettext_lazy as _

from guestdesk import roles
from guestdesk.registry import NavItem

SUPPLIER_PAGES = ("/vendors/", "/vendors/suppliers/")
GUIDE_PAGES = ("/vendors/guide/", "/vendors/sheets/")

ITEMS = [
    NavItem(_("Suppliers"), "vendors:directory", roles.READERS, "truck", 40, SUPPLIER_PAGES),
    NavItem(_("Local guide"), "vendors:guide", roles.READERS, "geo-alt", 45, GUIDE_PAGES),
    NavItem(_("Commission"), "vendors:commission_current", roles.MANAGERS, "cash-coin", 48),
]
