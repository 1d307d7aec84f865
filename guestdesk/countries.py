"""Country names in the active language, as django-countries gives them, kept per process.

A day list names each of its guests' countries and offers them in its filters; asking
django-countries costs about 25 µs a name (it resolves its lazy names each time), and the
names of a language do not change while a process runs.
"""

from functools import lru_cache

from django.utils.translation import get_language
from django_countries import countries


def country_name(code: str) -> str:
    """The name of the country `code` in the active language ("" for no code)."""
    return _name(code, get_language()) if code else ""


@lru_cache(maxsize=2048)
def _name(code: str, language: str | None) -> str:
    # Called with `language` active: the key says in which language the name was asked.
    return str(countries.name(code))
