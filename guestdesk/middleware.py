from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.urls import resolve
from django.urls.exceptions import Resolver404

# URL names (or namespaces) reachable without logging in. Everything else asks for a login.
PUBLIC_URL_NAMES = {"login", "healthz", "set_language", "ack"}
PUBLIC_NAMESPACES = {"guest", "public"}


def is_public(path):
    try:
        match = resolve(path)
    except Resolver404:
        return True  # let Django answer 404
    if match.url_name in PUBLIC_URL_NAMES and not match.namespaces:
        return True
    if set(match.namespaces) & PUBLIC_NAMESPACES:
        return True
    return getattr(match.func, "guestdesk_public", False)


def public(view):
    """Mark a view as reachable without login (a signed link, a page for guests)."""
    view.guestdesk_public = True
    return view


class LoginRequiredMiddleware:
    """Every page requires login unless it is explicitly public.

    Django 5.1's own middleware would do, but a namespace-wide rule for the guest pages
    and the static files served by WhiteNoise keep this simpler.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        static = request.path.startswith("/" + settings.STATIC_URL.lstrip("/"))
        if not (request.user.is_authenticated or static or is_public(request.path_info)):
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        return self.get_response(request)
