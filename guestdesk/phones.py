"""One way to read a phone number typed by a person or found in a file.

django-phonenumber-field's own parser, with PHONENUMBER_DEFAULT_REGION (KZ), so "8 701 555 11 22"
and "+7 701 555 11 22" are the same number; forms use its form field, files use this.
"""

from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import CharField, ExpressionWrapper, F
from django.utils.translation import gettext as _
from phonenumber_field.phonenumber import PhoneNumber, to_python


def parse_phone(text: str) -> PhoneNumber:
    """The valid phone number in `text`, or ValidationError (code "invalid_phone")."""
    number = to_python(text)
    if not isinstance(number, PhoneNumber) or not number.is_valid():
        raise ValidationError(
            _("Invalid phone number “%(value)s”."), code="invalid_phone", params={"value": text}
        )
    return number


def stored_phone(path: str) -> ExpressionWrapper:
    """The phone column at `path` (guest__phone) as the database keeps it (E.164 text), for
    lists read with values_list(): the model field would parse every row's number into a
    PhoneNumber (about 15 µs each) only for the list to format it again."""
    return ExpressionWrapper(F(path), output_field=CharField())


def shown_phone(stored: str) -> str:
    """A stored (E.164) number as a model shows it (PHONENUMBER_DEFAULT_FORMAT), for lists
    read as plain values with stored_phone()."""
    if not stored:
        return ""
    return _formatted(
        stored, settings.PHONENUMBER_DEFAULT_FORMAT, settings.PHONENUMBER_DEFAULT_REGION
    )


@lru_cache(maxsize=4096)
def _formatted(stored: str, style: str, region: str) -> str:
    """Parsing and formatting a number costs about 30 µs; the same guests and suppliers are
    listed request after request, so each process formats a number once (the settings that
    shape the result are part of the key)."""
    number = to_python(stored)
    return str(number) if number else stored


def e164(text: str) -> str:
    """`text` as an E.164 string (+77015551122), as the database stores it."""
    return parse_phone(text).as_e164
