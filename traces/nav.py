from django.utils.translation import gettext_lazy as _

from guestdesk import roles
from guestdesk.registry import NavItem

ITEMS = [
    NavItem(
        _("Traces"),
        "traces:departments",
        roles.READERS,
        icon="list-check",
        order=17,
        active_prefixes=("/departments/", "/traces/"),
    ),
]
