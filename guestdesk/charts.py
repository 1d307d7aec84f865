"""Charts: the data a page passes with json_script and static/js/guestdesk.js draws.

The page puts `<canvas data-chart="ID">` and `{{ chart|json_script:"ID" }}`; nothing else
(no inline script, so the strict Content Security Policy holds).
"""

from collections.abc import Sequence
from typing import Any

from django.utils.functional import Promise

Number = int | float
# A point without a value (a month without reviews from one source): the line spans it.
Point = Number | None


def _series(kind: str, label: str | Promise, data: Sequence[Point], colour: str, axis: str):
    return {"type": kind, "label": str(label), "data": list(data), "colour": colour, "axis": axis}


def bar(
    label: str | Promise, data: Sequence[Number], colour: str, axis: str = "y"
) -> dict[str, Any]:
    """Bars of `data`, named `label` in the legend."""
    return _series("bar", label, data, colour, axis)


def line(
    label: str | Promise, data: Sequence[Point], colour: str, axis: str = "y"
) -> dict[str, Any]:
    """A line through `data` (None: no value there), named `label` in the legend."""
    return _series("line", label, data, colour, axis)


def chart(
    labels: Sequence[str],
    series: Sequence[dict[str, Any]],
    axes: dict[str, dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A chart of `series` over `labels`; `axes` names each y axis with min, max and side."""
    return {"labels": list(labels), "series": list(series), "axes": axes or {"y": {}}}
