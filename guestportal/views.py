"""The guest's pages: no login, no account. A stay is reached by its signed link only, or by
room and surname, which lead to that same link. Nothing about a stay is shown otherwise.
"""

import base64
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from arrivals.models import Stay
from board import services as board
from board.models import Category, ServiceEntry
from board.ratelimit import hit, rate_limited
from board.views import guest_page
from guestdesk import roles
from guestdesk.client_ip import client_ip
from guestdesk.roles import role_required
from guestportal import links, services
from guestportal.forms import AskForm, FeedbackForm, RoomForm

View = Callable[..., HttpResponse]


def _language(request: HttpRequest, stay: Stay) -> str:
    """?lang when the guest picked one, else the language the stay's guest speaks."""
    chosen = request.GET.get("lang", "")
    return chosen if chosen in dict(settings.LANGUAGES) else stay.guest.message_language


def stay_page(view: View) -> View:
    """A guest page of one stay: its signed token proves who asks; otherwise a refusal."""

    @wraps(view)
    def wrapped(request: HttpRequest, token: str, *args: Any, **kwargs: Any) -> HttpResponse:
        stay = links.stay_from(token)
        if stay is None:
            return render(request, "guestportal/invalid.html", status=404)
        language = _language(request, stay)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = view(request, stay, token, *args, **kwargs)
            response["Content-Language"] = language
        # A guest's own page: never kept by a shared proxy or a hotel-lobby browser's cache.
        add_never_cache_headers(response)
        return response

    return login_not_required(rate_limited(wrapped))


@guest_page
def room(request: HttpRequest) -> HttpResponse:
    """The shared in-room QR: room number and surname lead to the stay's own page."""
    form = RoomForm(request.POST or None)
    if request.method == "POST":
        window = settings.GUESTPORTAL_ROOM_WINDOW
        key = f"guestportal-room:{client_ip(request) or 'unknown'}"
        # Every try counts, right or wrong: guessing rooms and names stays slow.
        if not hit(key, settings.GUESTPORTAL_ROOM_ATTEMPTS, window):
            response = render(request, "guestportal/room.html", {"form": form, "limited": True})
            response.status_code = 429
            response["Retry-After"] = str(window)
            return response
        stay = None
        if form.is_valid() and not form.is_robot():
            stay = services.in_house(form.cleaned_data["room"], form.cleaned_data["surname"])
        if stay is not None:
            return redirect(
                _with_language(request, reverse("guestportal:home", args=[links.token_for(stay)]))
            )
        form = RoomForm()  # nothing of what was typed comes back
        return render(request, "guestportal/room.html", {"form": form, "not_found": True})
    return render(request, "guestportal/room.html", {"form": form})


@guest_page
def room_qr(request: HttpRequest) -> HttpResponse:
    """The QR code to print for every room: it leads to the room-and-surname page."""
    url = links.absolute(reverse("guestportal:room"))
    response = HttpResponse(board.qr_svg(url), content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=86400"
    return response


def _with_language(request: HttpRequest, url: str) -> str:
    language = request.GET.get("lang") or translation.get_language()
    return f"{url}?lang={language}" if language in dict(settings.LANGUAGES) else url


@stay_page
def home(request: HttpRequest, stay: Stay, token: str) -> HttpResponse:
    context = {
        "stay": stay,
        "token": token,
        "requests": services.requests_of(stay),
        "expires_on": links.expires_on(stay),
    }
    return render(request, "guestportal/home.html", context)


@stay_page
def ask(request: HttpRequest, stay: Stay, token: str) -> HttpResponse:
    form = AskForm(request.POST or None, initial={"people": stay.pax, "day": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        if not form.is_robot():
            data = form.cleaned_data
            services.ask(
                stay, data["kind"], data["day"], data["time"], data["people"], data["notes"]
            )
        messages.success(request, _("Thank you: the desk has your request and will arrange it."))
        return redirect(_with_language(request, reverse("guestportal:home", args=[token])))
    return render(request, "guestportal/ask.html", {"stay": stay, "token": token, "form": form})


@stay_page
def feedback(request: HttpRequest, stay: Stay, token: str) -> HttpResponse:
    form = FeedbackForm(request.POST or None, initial={"language": translation.get_language()})
    if request.method == "POST" and form.is_valid():
        if not form.is_robot():
            data = form.cleaned_data
            services.leave_feedback(stay, data["score"], data["text"], data["language"])
        messages.success(request, _("Thank you for your words: the whole team will read them."))
        return redirect(_with_language(request, reverse("guestportal:home", args=[token])))
    return render(
        request, "guestportal/feedback.html", {"stay": stay, "token": token, "form": form}
    )


def qr_data_uri(url: str) -> str:
    """An inline SVG QR code of `url` for an <img> (the board's generator; CSP allows data:)."""
    return "data:image/svg+xml;base64," + base64.b64encode(board.qr_svg(url)).decode()


@role_required(*roles.DESK)
def card(request: HttpRequest, pk: int) -> HttpResponse:
    """The printable A6 welcome card of a stay, in the guest's language."""
    stay = get_object_or_404(Stay.objects.select_related("guest"), pk=pk)
    language = stay.guest.message_language
    with translation.override(language):
        wifi = list(
            ServiceEntry.objects.public().filter(category=Category.WIFI).order_by("order", "pk")
        )
        context = {
            "stay": stay,
            "card_language": language,
            "wifi": wifi,
            "page_url": links.page_url(stay),
            "ask_qr": qr_data_uri(links.ask_url(stay)),
            "feedback_qr": qr_data_uri(links.feedback_url(stay)),
            "valid": links.is_valid_for(stay),
        }
        response = render(request, "guestportal/card.html", context)
    return response
