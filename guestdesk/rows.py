"""The Jinja2 environment for the few row templates of the longest lists.

Only the rows of a list that can hold hundreds of entries, and the stay lines every
department's digest repeats, are rendered with Jinja2 (`templates/rows/`); pages, forms
and everything else stay Django templates. Row templates hold no translatable text: the
view passes the labels already translated, so `makemessages` keeps finding every string.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any

from django.template.defaultfilters import capfirst, linebreaksbr
from jinja2 import Environment, StrictUndefined


def _day_month(value: date | None) -> str:
    return value.strftime("%d.%m") if value else ""


def _hours_minutes(value: time | None, empty: str = "—") -> str:
    return value.strftime("%H:%M") if value else empty


def environment(**options: Any) -> Environment:
    options["undefined"] = StrictUndefined  # a misspelt name fails the tests, not the guest
    options["keep_trailing_newline"] = True  # as Django's engine does
    env = Environment(**options)
    env.filters.update(
        linebreaksbr=lambda value: linebreaksbr(value, autoescape=True),
        capfirst=capfirst,
        day_month=_day_month,
        hours_minutes=_hours_minutes,
    )
    return env
