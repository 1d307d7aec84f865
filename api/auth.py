"""Who may call the API: integration keys with scopes, or staff reading with their role.

A key comes as `Authorization: Api-Key <key>`; it must be neither revoked nor expired and,
when it lists addresses, come from one of them (`guestdesk.client_ip`, the address logins
use too). A staff session may read (GET) what the same person's role reads on the screens;
writes need a key.
"""

from typing import Any, cast

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions, permissions, throttling
from rest_framework.request import Request

from api.models import ApiKey
from guestdesk import roles
from guestdesk.client_ip import client_ip

KEYWORD = "Api-Key"


class ApiKeyAuthentication(authentication.BaseAuthentication):
    """`Authorization: Api-Key <key>` -> (AnonymousUser, ApiKey)."""

    def authenticate(self, request: Request) -> tuple[Any, ApiKey] | None:
        header = request.META.get("HTTP_AUTHORIZATION", "")
        keyword, _space, secret = header.partition(" ")
        if keyword != KEYWORD:
            return None
        secret = secret.strip()
        try:
            key = cast(ApiKey, ApiKey.objects.get_from_key(secret)) if secret else None
        except ApiKey.DoesNotExist:
            key = None
        if key is None or key.has_expired or not key.is_valid(secret):
            raise exceptions.AuthenticationFailed(_("Unknown, revoked or expired API key."))
        if not key.allows_address(client_ip(request._request)):
            raise exceptions.PermissionDenied(_("This API key may not be used from here."))
        ApiKey.objects.filter(pk=key.pk).update(last_used_at=timezone.now())
        return AnonymousUser(), key

    def authenticate_header(self, request: Request) -> str:
        return KEYWORD


def key_of(request: Request) -> ApiKey | None:
    return request.auth if isinstance(request.auth, ApiKey) else None


class ScopePermission(permissions.BasePermission):
    """A view declares `scopes = {"GET": "stays:read", "POST": "stays:write"}` and
    `read_roles` (the staff roles that may read it in a session)."""

    def has_permission(self, request: Request, view: Any) -> bool:
        key = key_of(request)
        method = "GET" if request.method in permissions.SAFE_METHODS else request.method
        needed = getattr(view, "scopes", {}).get(method)
        if key is not None:
            if needed is None:
                return True  # the method is not offered: let the view answer 405
            if not key.has_scope(needed):
                self.message = str(_("This API key lacks the scope %(scope)s.")) % {"scope": needed}
                return False
            return True
        user = request.user
        if not user or not user.is_authenticated:
            raise exceptions.NotAuthenticated()
        if not roles.has_role(user, *getattr(view, "read_roles", ())):
            return False
        if request.method not in permissions.SAFE_METHODS and needed is not None:
            self.message = str(_("Writing through the API needs an API key."))
            return False
        return True


def can_see_contacts(request: Request) -> bool:
    """Guests' email and phone: a key with guests:contact, or desk staff (as on the screens)."""
    key = key_of(request)
    if key is not None:
        return key.has_scope("guests:contact")
    return roles.is_desk(request.user)


class KeyRateThrottle(throttling.SimpleRateThrottle):
    """API_RATE_LIMIT calls per key (or per staff user), counted in the shared cache."""

    scope = "key"

    def get_rate(self) -> str:
        return settings.API_RATE_LIMIT

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        key = key_of(request)
        if key is not None:
            return f"api-throttle-key-{key.pk}"
        if request.user and request.user.is_authenticated:
            return f"api-throttle-user-{request.user.pk}"
        return None
