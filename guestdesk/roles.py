"""Staff roles: four Django groups, created by a data migration.

Views check roles through these helpers only, so a role's reach is defined in one place.
A superuser counts as an Administrator.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

AGENT = "Agent"
MANAGER = "Manager"
DEPARTMENT_MEMBER = "Department member"
ADMINISTRATOR = "Administrator"
ALL_ROLES = (AGENT, MANAGER, DEPARTMENT_MEMBER, ADMINISTRATOR)

# Group names are stable identifiers (scripts rely on them); these are what people read.
ROLE_LABELS = {
    AGENT: _("Agent"),
    MANAGER: _("Manager"),
    DEPARTMENT_MEMBER: _("Department member"),
    ADMINISTRATOR: _("Administrator"),
}

# Who may do what, by role. Administrators run the installation and may do anything.
DESK = (AGENT, MANAGER, ADMINISTRATOR)  # work arrivals, requests, suppliers, the board
MANAGERS = (MANAGER, ADMINISTRATOR)  # VIP review, subscriptions, commission, settings
READERS = ALL_ROLES  # everyone on staff may read what concerns them


def roles_of(user):
    """The set of role names a user holds (cached on the user object for the request)."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_guestdesk_roles", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        if user.is_superuser:
            cached.add(ADMINISTRATOR)
        cached = frozenset(cached)
        user._guestdesk_roles = cached
    return cached


def has_role(user, *roles):
    return bool(roles_of(user) & set(roles))


def is_desk(user):
    return has_role(user, *DESK)


def is_manager(user):
    return has_role(user, *MANAGERS)


def role_required(*roles):
    """View decorator: 403 unless the user holds one of `roles` (login is enforced globally)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not has_role(request.user, *roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
