"""Row templates (`templates/rows/`, see guestdesk/rows.py) rendered into a Django page."""

from collections.abc import Mapping
from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe


def render_rows(template_name: str, context: Mapping[str, Any]) -> SafeString:
    """`template_name` rendered by the Jinja2 "rows" engine, as HTML for a Django template.

    That engine escapes every value it writes, so its output is marked safe here, once.
    """
    html = render_to_string(template_name, context, using="rows")
    return mark_safe(html)  # noqa: S308 - Jinja2 escaped every value already
