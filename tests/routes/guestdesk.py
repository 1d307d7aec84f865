from tests.routes import EVERY_STAFF, expect

ROUTES = {
    "dashboard": {"expect": EVERY_STAFF},
    "healthz": {"expect": expect(anonymous=200)},
    "search": {"expect": EVERY_STAFF},
    "login": {"expect": expect(anonymous=200)},
    # Logout is POST only (Django 5) and answers 405 to a GET; anonymous go to login.
    "logout": {"expect": expect(anonymous=302, agent=405, manager=405, department=405, admin=405)},
    "password_change": {"expect": EVERY_STAFF},
    "password_change_done": {"expect": EVERY_STAFF},
    "set_language": {
        "expect": expect(anonymous=302, agent=302, manager=302, department=302, admin=302)
    },
    # The admin has its own permission checks; only staff administrators get in.
    "admin:index": {
        "expect": expect(anonymous=302, agent=302, manager=302, department=302, admin=200)
    },
}


def world(users):
    return {}
