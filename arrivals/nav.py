from django.utils.translation import gettext_lazy as _

from guestdesk import roles
from guestdesk.registry import NavItem

ITEMS = [NavItem(_("Arrivals"), "arrivals:today", roles.READERS, icon="door-open", order=10)]
