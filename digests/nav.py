from django.utils.translation import gettext_lazy as _

from guestdesk import roles
from guestdesk.registry import NavItem

ITEMS = [
    NavItem(_("Digests"), "digests:history", roles.READERS, icon="envelope-paper", order=15),
]
