"""Dates and money as the active language writes them: one helper each, used by every app.

Django's kk and ru catalogues name weekdays and months with a capital ("Вторник",
"Желтоқсан"); Russian and Kazakh write them in lower case inside a date ("вторник,
1 декабря"), so the date helpers lower-case the result in those languages. The format
strings live in guestdesk/formats/<language>/formats.py or are translated here.
"""

from datetime import date
from decimal import Decimal

from django.utils.formats import date_format, number_format
from django.utils.translation import get_language, pgettext

# Languages that write weekday and month names in lower case inside a date.
LOWER_CASE_NAMES = frozenset({"kk", "ru"})


def _in_case(text: str) -> str:
    language = (get_language() or "en")[:2]
    return text.lower() if language in LOWER_CASE_NAMES else text


def long_date(value: date | None) -> str:
    """`value` in the language's DATE_FORMAT: "1 December 2026", "1 желтоқсан 2026"."""
    if value is None:
        return ""
    return _in_case(date_format(value, "DATE_FORMAT"))


def day_month(value: date | None) -> str:
    """Day and month without the year: "1 December", "1 декабря", "1 желтоқсан"."""
    if value is None:
        return ""
    return _in_case(date_format(value, "MONTH_DAY_FORMAT"))


def day_heading(value: date | None, with_year: bool = True) -> str:
    """Weekday and date for a heading: "Tuesday, 1 December 2026", "вторник, 1 декабря 2026"."""
    if value is None:
        return ""
    if with_year:
        # Translators: a PHP-style date format (Django's "date" filter): weekday, day, month, year.
        # "E" is the month as it follows a day number (genitive in Russian).
        pattern = pgettext("date format", "l, j E Y")
    else:
        # Translators: a PHP-style date format: weekday, day and month, no year.
        pattern = pgettext("date format", "l, j E")
    return _in_case(date_format(value, pattern))


def money(amount: Decimal | float | int | str | None, currency: str = "") -> str:
    """`amount` with two decimals and the language's grouping, then the currency code.

    "62 000.00 KZT" in English, "62 000,00 KZT" in Russian and Kazakh. The ISO code rather
    than a symbol: requests are priced in several currencies and "KZT"/"USD" is what staff
    type and what suppliers' invoices say. Grouping is forced here instead of turning on
    USE_THOUSAND_SEPARATOR, which would also split room numbers, years and counts.
    """
    if amount is None or amount == "":
        return "—"
    number = number_format(Decimal(str(amount)), decimal_pos=2, force_grouping=True)
    return f"{number}\xa0{currency}" if currency else number
