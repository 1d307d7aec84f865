"""Small HTTP building blocks every app uses the same way: redirects and download headers."""

from typing import TYPE_CHECKING

from django.http import HttpRequest, HttpResponse
from django.shortcuts import resolve_url
from django.utils.http import content_disposition_header, url_has_allowed_host_and_scheme

if TYPE_CHECKING:
    from django.contrib.auth.models import User


class AuthenticatedHttpRequest(HttpRequest):
    """The request of a staff page: login is enforced for every page but a few public ones."""

    user: "User"


def safe_next(request: HttpRequest, default: str, *, field: str = "next") -> str:
    """Where to go after a form: the `next` the page sent if it stays on this site, else `default`.

    `default` may be a URL name (resolved); a `next` to another host, another scheme or (on
    HTTPS) plain HTTP is ignored, so a crafted link cannot send staff to a look-alike site.
    """
    target = request.POST.get(field) or request.GET.get(field) or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url(default)


def attach(response: HttpResponse, filename: str, *, inline: bool = False) -> HttpResponse:
    """Set a Content-Disposition that no file name can break (quotes, line breaks, Cyrillic)."""
    # Line breaks and other control characters have no place in a file name.
    cleaned = "".join(ch if ch.isprintable() else " " for ch in filename).strip() or "download"
    header = content_disposition_header(not inline, cleaned)
    if header is not None:  # always set: an attachment, or a file name that is never empty
        response.headers["Content-Disposition"] = header
    return response
