from django import template
from django.utils.translation import gettext as _

from vendors.models import PriceLevel

register = template.Library()

LANGUAGE_NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}


@register.filter
def duration(value):
    """A timedelta as '2 d 3 h', '4 h 15 min' or '25 min'."""
    if value is None:
        return "—"
    minutes = int(value.total_seconds() // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return _("%(days)d d %(hours)d h") % {"days": days, "hours": hours}
    if hours:
        return _("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": minutes}
    return _("%(minutes)d min") % {"minutes": minutes}


@register.filter
def price_signs(level):
    """0 -> 'free', 1..4 -> '$'..'$$$$' (the label is on the element's title)."""
    if level is None:
        return ""
    return "$" * level if level else str(PriceLevel(level).label)


@register.filter
def language_name(code):
    """A language's name in that language, so a guest recognises it on a sheet."""
    return LANGUAGE_NAMES.get(code, code)


@register.filter
def get(mapping, key):
    return mapping.get(key) if mapping else None
