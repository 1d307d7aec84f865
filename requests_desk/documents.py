"""Guest-facing documents (itinerary, waybill, permit) in the guest's language.

The agent's interface language is theirs; what is printed for a guest is the guest's:
Kazakh, Russian or English, English for any other language.
"""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString

from guestdesk.emails import message_language
from requests_desk.models import ServiceRequest


def guest_language(request_obj: ServiceRequest) -> str:
    """kk, ru or en: the language of what the desk prints or sends for this request's guest."""
    guest = request_obj.the_guest
    return message_language(getattr(guest, "language", "") or "en")


def render_for_guest(
    request_obj: ServiceRequest, template: str, context: dict, request: HttpRequest | None = None
) -> SafeString:
    """Render `template` (a sheet) in the guest's language, whatever the agent's."""
    language = guest_language(request_obj)
    with translation.override(language):
        return SafeString(
            render_to_string(template, {**context, "sheet_language": language}, request=request)
        )
