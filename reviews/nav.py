from django.utils.translation import gettext_lazy as _

from guestdesk import roles
from guestdesk.registry import NavItem

ITEMS = [
    NavItem(
        _("Reviews"),
        "reviews:list",
        roles.DESK,
        icon="chat-quote",
        order=55,
        active_prefixes=("/reviews/",),
    ),
    NavItem(
        _("Improvement report"),
        "reviews:report",
        roles.MANAGERS,
        icon="graph-up-arrow",
        order=57,
        active_prefixes=("/reviews/report/",),
    ),
]
