from django.utils.translation import gettext_lazy as _

from guestdesk import roles
from guestdesk.registry import NavItem

ITEMS = [
    NavItem(_("Requests"), "requests_desk:board", roles.READERS, icon="clipboard-check", order=20)
]
