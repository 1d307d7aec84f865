"""The Jinja2 rows engine writes exactly what markupsafe's escaping writes."""

import pytest
from django.template import engines
from django.utils.safestring import mark_safe
from markupsafe import Markup, escape

from guestdesk.rows import text


@pytest.mark.parametrize(
    "value",
    ["O'Brien & <Sons>", 'say "hi"', "Айгерім", "", 215, 3.5, None, Markup("<b>kept</b>")],
)
def test_text_escapes_as_markupsafe_does(value):
    assert text(value) == str(escape(value))


def test_a_row_escapes_guest_data_and_keeps_html_the_view_made():
    template = engines["rows"].from_string(
        "<td>{{ name }}</td><td>{{ count }}</td>{{ form }}{% set x %}{{ name }}{% endset %}{{ x }}"
    )
    html = template.render(
        {"name": "<script>alert('x')</script>", "count": 7, "form": mark_safe("<input>")}
    )
    safe = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
    assert html == f"<td>{safe}</td><td>7</td><input>{safe}"


def test_an_unknown_name_in_a_row_fails_loudly():
    from jinja2 import UndefinedError

    with pytest.raises(UndefinedError):
        engines["rows"].from_string("{{ missing }}").render({})
