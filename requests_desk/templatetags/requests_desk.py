from django import template
from django.utils import timezone
from django.utils.formats import date_format

from requests_desk.details import FORMS

register = template.Library()


@register.filter
def person(user, empty="—"):
    """A staff member's full name, their login name without one, `empty` for nobody."""
    if not hasattr(user, "get_full_name"):
        return empty
    return user.get_full_name() or user.get_username()


@register.filter
def service_when(request_obj, style="long"):
    """When the request's service happens: a day only for services without a time (a
    permit's first day), "long" with the year, "short" without; "" when not known."""
    moment = getattr(request_obj, "service_at", None)
    if moment is None:
        return ""
    date_only = FORMS[request_obj.type].service_is_date()
    formats_ = {
        ("long", True): "d.m.Y",
        ("long", False): "d.m.Y H:i",
        ("short", True): "d.m",
        ("short", False): "d.m H:i",
    }
    return date_format(timezone.localtime(moment), formats_[(style, date_only)])
