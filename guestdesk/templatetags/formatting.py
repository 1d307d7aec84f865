"""{% load formatting %}: dates and money in the active language (see guestdesk.formatting)."""

from django import template

from guestdesk import formatting

register = template.Library()


# expects_localtime: a datetime is shown on the hotel's clock, as Django's "date" filter does.
@register.filter(expects_localtime=True)
def long_date(value):
    return formatting.long_date(value)


@register.filter(expects_localtime=True)
def day_month(value):
    return formatting.day_month(value)


@register.filter(expects_localtime=True)
def day_heading(value, year: str = "year"):
    """{{ day|day_heading }} with the year, {{ day|day_heading:"no year" }} without."""
    return formatting.day_heading(value, with_year=year != "no year")


@register.filter
def money(amount, currency: str = ""):
    """{{ request.price|money:request.currency }}."""
    return formatting.money(amount, currency)
