"""The Jinja2 environment for the few row templates of the longest lists.

Only the rows of a list that can hold hundreds of entries, and the stay lines every
department's digest repeats, are rendered with Jinja2 (`templates/rows/`); pages, forms
and everything else stay Django templates. Row templates hold no translatable text: the
view passes the labels already translated, so `makemessages` keeps finding every string.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, time
from typing import Any

import markupsafe
from django.template.defaultfilters import capfirst, linebreaksbr
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from jinja2 import Environment, StrictUndefined
from jinja2.compiler import CodeGenerator, Frame
from jinja2.ext import Extension
from jinja2.nodes import Expr

# markupsafe's own escaping of a plain string (its C speed-up when built), the same
# function markupsafe.escape() uses, without wrapping the result in a Markup object.
_escape_str = getattr(markupsafe, "_escape_inner", None) or (
    lambda value: str(markupsafe.escape(value))
)


def text(value: Any) -> str:
    """A value written into a row: HTML-escaped unless it is already HTML (__html__).

    The same output as markupsafe.escape(), as a plain string: a row writes about twenty
    values, and markupsafe made a Markup object of each only for the row to join them.
    """
    if value.__class__ is str:
        return _escape_str(value)
    html = getattr(value, "__html__", None)
    if html is not None:
        return html()
    return _escape_str(str(value))


def render_rows(template_name: str, context: Mapping[str, Any]) -> SafeString:
    """`template_name` rendered by this "rows" engine, as HTML for a Django page.

    The engine escapes every value it writes, so its output is marked safe here, once.
    """
    html = render_to_string(template_name, context, using="rows")
    return mark_safe(html)  # noqa: S308 - Jinja2 escaped every value already


def url_around_pk(name: str) -> tuple[str, str]:
    """(before, after) the pk in the URL named `name`: reversed once a list, not once a row."""
    before, after = reverse(name, kwargs={"pk": 0}).rsplit("/0/", 1)
    return f"{before}/", f"/{after}"


class _Generator(CodeGenerator):
    """Jinja2's code generator, writing escaped output through text() (see above).

    A value that is a plain string (most of a row's) is escaped inline by markupsafe's
    function, without the call to text(): `(escape_str(_v) if (_v := value).__class__
    is str else text(_v))`. The output is the same (tests/guestdesk/test_rows.py); the
    arrivals rows of a busy day render in about 40 % less time.
    """

    def _output_child_pre(self, node: Expr, frame: Frame, finalize: Any) -> None:
        if frame.eval_ctx.autoescape and not frame.eval_ctx.volatile:
            if finalize.src is None:
                # Most values are plain strings: escape those without a call to text().
                self.write("(environment.escape_str(_v) if (_v := ")
            else:
                self.write("environment.text(" + finalize.src)
        else:
            super()._output_child_pre(node, frame, finalize)

    def _output_child_post(self, node: Expr, frame: Frame, finalize: Any) -> None:
        if frame.eval_ctx.autoescape and not frame.eval_ctx.volatile and finalize.src is None:
            self.write(").__class__ is str else environment.text(_v))")
        else:
            super()._output_child_post(node, frame, finalize)


_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)


class _Dedent(Extension):
    """Drops the indentation of an HTML row template's lines when it is loaded.

    The templates stay indented for their readers; the rows a browser receives do not
    repeat it (a busy day's arrivals list is 5 % smaller). Only whitespace between
    tags goes, which HTML shows as it showed the indentation: the row templates hold no
    <pre> or <textarea>, and values (a note's line breaks) come from variables, untouched.
    Plain-text templates (the digests' .txt lines) keep their layout.
    """

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return _INDENT.sub("", source) if name and name.endswith(".html") else source


class RowsEnvironment(Environment):
    code_generator_class = _Generator
    text = staticmethod(text)
    escape_str = staticmethod(_escape_str)


def _day_month(value: date | None) -> str:
    return value.strftime("%d.%m") if value else ""


def _hours_minutes(value: time | None, empty: str = "—") -> str:
    return value.strftime("%H:%M") if value else empty


def environment(**options: Any) -> Environment:
    options["undefined"] = StrictUndefined  # a misspelt name fails the tests, not the guest
    options["keep_trailing_newline"] = True  # as Django's engine does
    options["extensions"] = [*options.get("extensions", ()), _Dedent]
    env = RowsEnvironment(**options)
    env.filters.update(
        linebreaksbr=lambda value: linebreaksbr(value, autoescape=True),
        capfirst=capfirst,
        day_month=_day_month,
        hours_minutes=_hours_minutes,
    )
    return env
