"""Expected answers of every URL, per role. Each area keeps its own table module.

An entry: URL name -> {"kwargs": dict or callable(world) -> dict, "expect": {role: status}}.
`world(users)` in a module creates the objects its URLs need and returns them by name.
"""

from django.conf import settings

ROLES = ("anonymous", "agent", "manager", "department", "admin")


def expect(anonymous=302, agent=200, manager=200, department=200, admin=200):
    return {
        "anonymous": anonymous,
        "agent": agent,
        "manager": manager,
        "department": department,
        "admin": admin,
    }


# Common shapes.
EVERY_STAFF = expect()
DESK = expect(department=403)
MANAGERS = expect(agent=403, department=403)
PUBLIC = expect(anonymous=200)
POST_ONLY = expect(anonymous=302, agent=405, manager=405, department=405, admin=405)
DESK_POST_ONLY = expect(anonymous=302, agent=405, manager=405, department=403, admin=405)
MANAGER_POST_ONLY = expect(anonymous=302, agent=403, manager=405, department=403, admin=405)

# One table module per project app: an app without one fails the route matrix.
MODULES = settings.PROJECT_APPS
