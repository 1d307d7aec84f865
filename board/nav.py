from django.utils.translation import gettext_lazy as _

from guestdesk import roles
from guestdesk.registry import NavItem

ITEMS = [NavItem(_("Hotel board"), "board:index", roles.READERS, icon="info-square", order=60)]
