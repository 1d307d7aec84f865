from django.conf import settings

from guestdesk import roles
from guestdesk.registry import nav_for


def desk(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"hotel_name": settings.HOTEL_NAME, "nav_items": [], "roles": {}}
    return {
        "hotel_name": settings.HOTEL_NAME,
        "nav_items": nav_for(request),
        "roles": {
            "desk": roles.is_desk(user),
            "manager": roles.is_manager(user),
            "admin": roles.has_role(user, roles.ADMINISTRATOR),
            "department": roles.has_role(user, roles.DEPARTMENT_MEMBER),
            "names": [
                str(roles.ROLE_LABELS[r]) for r in roles.ALL_ROLES if r in roles.roles_of(user)
            ],
        },
    }
