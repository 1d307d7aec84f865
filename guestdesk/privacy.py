"""Sessions that end after idle time, and personal data kept out of caches."""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.auth.signals import user_logged_in
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

SEEN = "_guestdesk_seen"


def _stamp(sender, request: HttpRequest, user, **kwargs) -> None:
    """Logging in counts as activity: the first requests after it need not save the session."""
    if request is not None and hasattr(request, "session"):
        request.session[SEEN] = int(time.time())


user_logged_in.connect(_stamp, dispatch_uid="guestdesk.privacy.stamp")


class IdleSessionMiddleware:
    """Renew a logged-in user's session, so SESSION_COOKIE_AGE counts idle time; end the
    session of a user who was deactivated.

    Like SESSION_SAVE_EVERY_REQUEST, but the session row and cookie are renewed at most
    every SESSION_RENEW_SECONDS: one database write per user every few minutes, not one per
    request. A session then ends between SESSION_IDLE_HOURS and that much plus a few minutes
    after the last request.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        if session is not None and SESSION_KEY in session and not request.user.is_authenticated:
            # The session names a user who may no longer log in (deactivated, or their
            # password changed): end it, so reactivating the account does not revive it.
            logout(request)
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and hasattr(request, "session"):
            now = int(time.time())
            if now - request.session.get(SEEN, 0) >= settings.SESSION_RENEW_SECONDS:
                request.session[SEEN] = now  # modified: SessionMiddleware saves and renews
        return response


class NoStoreMiddleware:
    """`Cache-Control: no-store` on every response to a logged-in user (pages and exports)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response
