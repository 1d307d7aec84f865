"""Path converters the apps' URLs share: a hotel day and a month.

Registered once, when the root URLconf imports this module, so every app's urls.py can
use `<day:...>` and `<month:...>`.
"""

from datetime import date

from django.urls import register_converter


class DayConverter:
    """A hotel date in the URL: YYYY-MM-DD."""

    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value: str) -> date:
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValueError(value) from None  # no such day: the URL does not match, a 404

    def to_url(self, value: date | str) -> str:
        return value.isoformat() if isinstance(value, date) else value


class MonthConverter:
    """YYYY-MM in the URL, the month's first day in the view."""

    regex = r"\d{4}-\d{2}"

    def to_python(self, value: str) -> date:
        year, month = value.split("-")
        return date(int(year), int(month), 1)  # ValueError: no match, a 404

    def to_url(self, value: date | str) -> str:
        if isinstance(value, str):
            value = self.to_python(value)
        return f"{value.year:04d}-{value.month:02d}"


register_converter(DayConverter, "day")
register_converter(MonthConverter, "month")
