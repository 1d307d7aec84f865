"""Route x key scope: each operation answers only to a key holding its scope.

Like the screens' route matrix (tests/test_routes.py), the list of API URLs comes from the
resolver, so a new endpoint without an entry here fails.
"""

import pytest
from django.test import Client
from django.urls import reverse

from api.models import SCOPES
from arrivals.models import Stay
from tests.test_routes import url_names

# (URL name, method) -> the scope it needs. Schema and docs are public (tests/routes/api.py).
MATRIX = {
    ("api:stays", "get"): "stays:read",
    ("api:stays", "post"): "stays:write",
    ("api:stay", "get"): "stays:read",
    ("api:stay_status", "post"): "stays:write",
    ("api:guests", "get"): "guests:read",
    ("api:guest", "get"): "guests:read",
    ("api:requests", "get"): "requests:read",
    ("api:requests", "post"): "requests:write",
    ("api:request", "get"): "requests:read",
    ("api:request_status", "post"): "requests:write",
    ("api:events", "get"): "events:read",
    ("api:information", "get"): "events:read",
}
PUBLIC = {"api:schema", "api:docs", "api:not_found"}


def test_every_api_url_is_in_the_matrix():
    names = {name for name in url_names() if name.startswith("api:")}
    assert names == {name for name, _method in MATRIX} | PUBLIC


@pytest.fixture
def world(db):
    from tests.requests_desk.factories import make_request, make_stay

    stay = make_stay()
    return {"stay": stay, "request": make_request("transfer", stay=stay)}


def kwargs_for(name, world):
    if name in ("api:stay", "api:stay_status"):
        return {"pk": world["stay"].pk}
    if name == "api:guest":
        return {"pk": world["stay"].guest_id}
    if name in ("api:request", "api:request_status"):
        return {"pk": world["request"].pk}
    return {}


@pytest.mark.parametrize("scope", [*SCOPES, None])
def test_route_scope_matrix(scope, world, make_client):
    client = make_client(*([scope] if scope else []))
    wrong = []
    for (name, method), needed in sorted(MATRIX.items()):
        url = reverse(name, kwargs=kwargs_for(name, world))
        status = getattr(client, method)(url, {}, format="json").status_code
        allowed = status not in (401, 403)
        if allowed != (scope == needed):
            wrong.append(f"{method.upper()} {url} with {scope}: {status}")
    assert not wrong, "\n".join(wrong)


def test_no_key_and_a_wrong_key_get_401(client, world):
    assert client.get("/api/v1/stays/").status_code == 401
    answer = client.get("/api/v1/stays/", HTTP_AUTHORIZATION="Api-Key nope.nope")
    assert answer.status_code == 401 and answer["WWW-Authenticate"] == "Api-Key"
    assert answer["Content-Type"] == "application/problem+json"
    unknown = client.get("/api/v1/stays/null,null/")
    assert unknown.status_code == 404 and unknown["Content-Type"] == "application/problem+json"


def test_staff_sessions_read_with_their_role_and_never_write(agent, department_member, world):
    agent_client, department_client = Client(), Client()
    agent_client.force_login(agent)
    department_client.force_login(department_member)
    stay_url = f"/api/v1/stays/{world['stay'].pk}/"
    assert "email" in agent_client.get(stay_url).json()["guest"]
    # Department members read arrivals without contacts, and no guest profiles, as on screens.
    assert "email" not in department_client.get(stay_url).json()["guest"]
    assert department_client.get("/api/v1/guests/").status_code == 403
    # A request outside the department's routing is not theirs to see.
    assert department_client.get(f"/api/v1/requests/{world['request'].pk}/").status_code == 404
    answer = agent_client.post("/api/v1/stays/", {}, content_type="application/json")
    assert answer.status_code == 403
    assert Stay.objects.count() == 1
