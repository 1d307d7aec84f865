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


class Named(str):
    """A str subclass without __html__ (as a lazily translated label may be)."""


@pytest.mark.parametrize(
    "value",
    [
        "O'Brien & <Sons>",
        "Айгерім",
        "",
        215,
        None,
        Markup("<b>kept</b>"),
        mark_safe("<i>kept</i>"),
        Named("<Named>"),
    ],
)
def test_every_value_a_row_writes_reads_as_markupsafe_writes_it(value):
    """Plain strings take the generated code's short path; the rest go through text()."""
    rows = engines["rows"].from_string(
        "{% for row in rows %}[{{ row.value }}|{{ value }}]{% endfor %}"
        "{% macro cell(v) %}<td>{{ v }}</td>{% endmacro %}{{ cell(value) }}"
    )
    row = type("Row", (), {"value": value})
    shown = str(escape(value))
    assert rows.render({"rows": [row, row], "value": value}) == (
        f"[{shown}|{shown}][{shown}|{shown}]<td>{shown}</td>"
    )


def test_an_unknown_name_in_a_row_fails_loudly():
    from jinja2 import UndefinedError

    with pytest.raises(UndefinedError):
        engines["rows"].from_string("{{ missing }}").render({})


def test_html_rows_drop_their_indentation_and_text_rows_keep_it():
    rows = engines["rows"]
    html = rows.env.preprocess("<tr>\n    <td>{{ a }}</td>\n\t<td>b</td>\n</tr>\n", "x/rows.html")
    assert html == "<tr>\n<td>{{ a }}</td>\n<td>b</td>\n</tr>\n"
    text_lines = "Guest\n  Notes: {{ n }}\n"
    assert rows.env.preprocess(text_lines, "emails/digest_stay.txt") == text_lines
    # A value's own spacing is the guest's, never touched.
    template = rows.get_template("emails/digest_items.html")
    assert template.template.environment is rows.env
    assert rows.from_string("<p>\n  {{ note }}</p>").render({"note": "a\n   b"}) == (
        "<p>\n  a\n   b</p>"
    )
