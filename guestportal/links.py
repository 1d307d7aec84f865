"""The per-stay link: the stay's id, signed, good until the day after departure.

The signature (Django's signing with the SECRET_KEY and a salt of its own) is the proof;
the expiry is read from the stay as it is now, so a stay extended by the PMS keeps its link
working and a stay cancelled or marked no-show loses it.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from arrivals.models import Stay

SALT = "guestportal.stay"
# A link works through the whole day after departure (hotel time): the guest can still
# leave feedback on the way home.
GRACE = timedelta(days=1)


def token_for(stay: Stay) -> str:
    """The signed token of `stay`'s guest pages."""
    return signing.Signer(salt=SALT).sign(str(stay.pk))


def expires_on(stay: Stay) -> date:
    """The last hotel date on which `stay`'s link still opens."""
    return stay.departure_date + GRACE


def is_valid_for(stay: Stay, today: date | None = None) -> bool:
    """Whether `stay`'s guest pages are open today (not past expiry, not a cancelled stay)."""
    today = today or timezone.localdate()
    return stay.status not in Stay.NOT_STAYED and today <= expires_on(stay)


def stay_from(token: str) -> Stay | None:
    """The stay a token was signed for, if the signature holds and the link has not expired."""
    try:
        pk = int(signing.Signer(salt=SALT).unsign(token))
    except (signing.BadSignature, ValueError):
        return None
    stay = Stay.objects.select_related("guest").filter(pk=pk).first()
    if stay is None or not is_valid_for(stay):
        return None
    return stay


def absolute(path: str) -> str:
    """`path` on the hotel's public address (what QR codes and emails carry)."""
    return settings.HOTEL_PUBLIC_URL.rstrip("/") + path


def page_url(stay: Stay) -> str:
    """The absolute address of the guest's own page."""
    return absolute(reverse("guestportal:home", kwargs={"token": token_for(stay)}))


def ask_url(stay: Stay) -> str:
    return absolute(reverse("guestportal:ask", kwargs={"token": token_for(stay)}))


def feedback_url(stay: Stay) -> str:
    return absolute(reverse("guestportal:feedback", kwargs={"token": token_for(stay)}))
