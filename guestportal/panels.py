from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from guestdesk import roles
from guestdesk.registry import Card
from guestportal import links
from guestportal.views import qr_data_uri


def panels(request: HttpRequest, kind: str, obj: Any) -> list[Card]:
    """On a stay: the guest's own link, its QR code and the welcome card (desk only)."""
    if kind != "stay" or not roles.is_desk(request.user):
        return []
    url = links.page_url(obj)
    return [
        Card(
            "guestportal/_panel_stay.html",
            {
                "url": url,
                "qr": qr_data_uri(url),
                "valid": links.is_valid_for(obj),
                "expires_on": links.expires_on(obj),
                "card_url": reverse("guestportal:card", args=[obj.pk]),
            },
            order=35,
        )
    ]
