"""The one CSV writer behind every export: UTF-8 with a BOM, safe to open in a spreadsheet.

A cell that starts with =, +, -, @, a tab or a carriage return is read by Excel and
LibreOffice as a formula, so a guest name such as `=HYPERLINK("https://evil.example")`
imported from a PMS file would run on the desk's computer. Such cells get a leading
single quote (OWASP's advice), which spreadsheets show as plain text. A phone or number
such as `+7 701 123 45 67` or `-1500.00` is left as it is: made only of digits, spaces
and ()-. it can at most be read as arithmetic on its own digits, never call a function
or reach another cell or site.
"""

import csv
import re
from collections.abc import Iterable, Sequence
from typing import Any

from django.http import HttpResponse

from guestdesk.http import attach

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A plausible phone or signed number: a sign, then digits with spaces, brackets, dots, dashes.
PLAIN_NUMBER = re.compile(r"[+-][\d\s().-]*\d[\d\s().-]*")
BOM = "\ufeff"


def cell(value: Any) -> Any:
    """`value` as it may go into a CSV cell: text that could be a formula is quoted."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def csv_response(
    filename: str, header: Sequence[Any], rows: Iterable[Sequence[Any]]
) -> HttpResponse:
    """An attachment `filename` holding `header` and `rows`, every cell made safe."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    attach(response, filename)
    response.write(BOM)  # so spreadsheet programs read Cyrillic and Kazakh names right
    writer = csv.writer(response)  # a response is a file to write to
    writer.writerow([cell(value) for value in header])
    for row in rows:
        writer.writerow([cell(value) for value in row])
    return response
