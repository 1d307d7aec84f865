"""One way to read a phone number typed by a person or found in a file.

django-phonenumber-field's own parser, with PHONENUMBER_DEFAULT_REGION (KZ), so "8 701 555 11 22"
and "+7 701 555 11 22" are the same number; forms use its form field, files use this.
"""

from django.core.exceptions import ValidationError
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


def shown_phone(stored: str, seen: dict[str, str]) -> str:
    """A stored (E.164) number as a model shows it (PHONENUMBER_DEFAULT_FORMAT), for lists
    read as plain values; `seen` keeps what a page has formatted already."""
    if not stored:
        return ""
    if stored not in seen:
        number = to_python(stored)
        seen[stored] = str(number) if number else stored
    return seen[stored]


def e164(text: str) -> str:
    """`text` as an E.164 string (+77015551122), as the database stores it."""
    return parse_phone(text).as_e164
