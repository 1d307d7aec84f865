from django.utils.translation import gettext_lazy as _

from guestdesk import roles
from guestdesk.registry import NavItem

ITEMS = [
    NavItem(_("Reviews"), "reviews:list", roles.DESK, icon="chat-quote", order=55),
    NavItem(_("Improvement report"), "reviews:report", roles.MANAGERS, "graph-up-arrow", 57),
]
