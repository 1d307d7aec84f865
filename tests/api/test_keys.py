"""API keys: created once (command or admin), stored hashed, scoped, limited and logged."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from api.models import ApiCall, ApiKey
from tests.api.conftest import KeyClient, stay_json

pytestmark = pytest.mark.django_db


def test_the_command_prints_the_key_alone_on_its_last_line():
    out = StringIO()
    call_command("create_api_key", "Opera PMS", "--scopes", "stays:write,stays:read", stdout=out)
    secret = out.getvalue().strip().splitlines()[-1]
    key = ApiKey.objects.get(name="Opera PMS")
    assert key.scopes == ["stays:write", "stays:read"]
    assert secret not in key.hashed_key  # stored hashed, not as given
    client = KeyClient(secret, key)
    assert client.get("/api/v1/stays/").status_code == 200


def test_the_command_refuses_unknown_scopes_and_bad_networks():
    with pytest.raises(CommandError, match="Unknown scopes: stays:delete"):
        call_command("create_api_key", "X", "--scopes", "stays:delete", stdout=StringIO())
    with pytest.raises(CommandError):
        call_command("create_api_key", "X", "--scopes", "stays:read", "--allow", "10.0.0.300")
    assert not ApiKey.objects.exists()


def test_revoked_and_expired_keys_get_401(make_client):
    revoked = make_client("stays:read")
    ApiKey.objects.filter(pk=revoked.key.pk).update(revoked=True)
    assert revoked.get("/api/v1/stays/").status_code == 401
    expired = make_client("stays:read", expiry_date=timezone.now() - timedelta(minutes=1))
    assert expired.get("/api/v1/stays/").status_code == 401
    valid = make_client("stays:read", expiry_date=timezone.now() + timedelta(days=1))
    assert valid.get("/api/v1/stays/").status_code == 200


def test_an_address_allow_list_refuses_other_addresses(make_client, settings):
    client = make_client("stays:read", allowed_addresses="10.1.0.0/24\n192.168.5.7")
    assert client.get("/api/v1/stays/", REMOTE_ADDR="10.1.0.99").status_code == 200
    assert client.get("/api/v1/stays/", REMOTE_ADDR="192.168.5.7").status_code == 200
    refused = client.get("/api/v1/stays/", REMOTE_ADDR="10.2.0.1")
    assert refused.status_code == 403
    # A forged X-Forwarded-For changes nothing without a proxy in front (PROXY_COUNT=0).
    forged = client.get("/api/v1/stays/", REMOTE_ADDR="10.2.0.1", HTTP_X_FORWARDED_FOR="10.1.0.5")
    assert forged.status_code == 403
    settings.PROXY_COUNT = 1
    proxied = client.get("/api/v1/stays/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.1.0.5")
    assert proxied.status_code == 200


def test_every_call_is_logged_with_its_key(make_client, agent_client):
    client = make_client("stays:read", name="Channel manager")
    client.get("/api/v1/stays/?arrival_date=2030-01-01")
    client.post("/api/v1/stays/", stay_json(), format="json")  # no stays:write
    agent_client.get("/api/v1/events/")
    calls = list(ApiCall.objects.order_by("pk"))
    assert [(c.key_id, c.method, c.status) for c in calls[:2]] == [
        (client.key.pk, "GET", 200),
        (client.key.pk, "POST", 403),
    ]
    assert calls[0].path == "/api/v1/stays/?arrival_date=2030-01-01"
    assert calls[2].key is None and calls[2].user.username == "agent"
    client.key.refresh_from_db()
    assert client.key.last_used_at is not None


def test_each_key_has_its_own_rate_limit(make_client, settings):
    settings.API_RATE_LIMIT = "3/min"
    busy, other = make_client("stays:read"), make_client("stays:read")
    assert [busy.get("/api/v1/stays/").status_code for _ in range(4)] == [200, 200, 200, 429]
    limited = busy.get("/api/v1/stays/")
    assert limited["Retry-After"] and limited["Content-Type"] == "application/problem+json"
    assert other.get("/api/v1/stays/").status_code == 200


def test_the_admin_shows_a_new_key_once(admin_client):
    answer = admin_client.post(
        "/admin/api/apikey/add/",
        {"name": "Middleware", "scopes": ["stays:read", "events:read"], "allowed_addresses": ""},
        follow=True,
    )
    assert answer.status_code == 200
    key = ApiKey.objects.get(name="Middleware")
    shown = [str(m) for m in answer.context["messages"]]
    (message,) = [m for m in shown if "not shown again" in m]
    secret = message.split(": ", 1)[1].split(" ")[0]
    assert ApiKey.objects.is_valid(secret)
    assert key.scopes == ["stays:read", "events:read"]
    page = admin_client.get(f"/admin/api/apikey/{key.pk}/change/").content.decode()
    assert secret not in page
