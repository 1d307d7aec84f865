"""The API's URLs for staff sessions (GET): keys have their own matrix in tests/api."""

from tests.routes import expect

# Anonymous callers get 401 (the API asks for a key), never the login page.
READ = expect(anonymous=401)
DESK_READ = expect(anonymous=401, department=403)
POST_ONLY = expect(anonymous=401, agent=405, manager=405, department=405, admin=405)
OPEN = expect(anonymous=200)

ROUTES = {
    "api:stays": {"expect": READ},
    "api:stay": {"kwargs": lambda w: {"pk": w["api_stay"].pk}, "expect": READ},
    "api:stay_status": {"kwargs": lambda w: {"pk": w["api_stay"].pk}, "expect": POST_ONLY},
    "api:guests": {"expect": DESK_READ},
    "api:guest": {"kwargs": lambda w: {"pk": w["api_stay"].guest_id}, "expect": DESK_READ},
    "api:requests": {"expect": READ},
    # A transfer is not Housekeeping's: outside a department member's reach, so 404.
    "api:request": {
        "kwargs": lambda w: {"pk": w["api_request"].pk},
        "expect": expect(anonymous=401, department=404),
    },
    "api:request_status": {
        "kwargs": lambda w: {"pk": w["api_request"].pk},
        "expect": POST_ONLY,
    },
    "api:events": {"expect": READ},
    "api:information": {"expect": READ},
    "api:schema": {"expect": OPEN},
    "api:docs": {"expect": OPEN},
    # Unknown API paths: a problem document (404) for everyone, not the login page.
    "api:not_found": {"expect": expect(404, 404, 404, 404, 404)},
}


def world(users):
    from tests.requests_desk.factories import make_request, make_stay

    stay = make_stay()
    return {"api_stay": stay, "api_request": make_request("transfer", stay=stay)}
