from django import template
from django.utils.translation import gettext, ngettext

from arrivals.history import HistoryLine
from arrivals.history import history_lines as _history_lines
from arrivals.models import StayChange

register = template.Library()


@register.filter
def person(user):
    """A staff member's full name, else the login name; a dash when nobody is recorded."""
    if user is None:
        return "—"
    return user.get_full_name() or user.get_username()


@register.filter
def history_lines(change: StayChange) -> list[HistoryLine]:
    """A history row's changes as text: label, old and new value (see arrivals.history)."""
    return _history_lines(change)


@register.simple_tag
def party(adults: int, children: int) -> str:
    """ "2 adults, 1 child" with each count in the language's plural form."""
    return gettext("%(adults)s, %(children)s") % {
        "adults": ngettext("%(count)s adult", "%(count)s adults", adults) % {"count": adults},
        "children": ngettext("%(count)s child", "%(count)s children", children)
        % {"count": children},
    }
