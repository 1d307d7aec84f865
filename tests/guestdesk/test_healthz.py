import json

import pytest

pytestmark = pytest.mark.django_db


def test_it_reports_healthy_on_the_embedded_default(client, settings):
    settings.BROKER_EMBEDDED = True
    response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok", "database": "ok", "broker": "embedded"}


def test_it_reports_a_broker_that_does_not_answer(client, settings):
    from guestdesk.celery import app

    settings.BROKER_EMBEDDED = False
    old = app.conf.broker_url
    app.conf.broker_url = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    try:
        response = client.get("/healthz")
    finally:
        app.conf.broker_url = old
    assert response.status_code == 503
    body = json.loads(response.content)
    assert body["status"] == "error"
    assert body["database"] == "ok"
    assert body["broker"] != "ok"


def test_it_reports_redis_when_configured(client, settings, redis_url):
    from guestdesk.celery import app

    settings.BROKER_EMBEDDED = False
    old = app.conf.broker_url
    app.conf.broker_url = redis_url
    try:
        response = client.get("/healthz")
    finally:
        app.conf.broker_url = old
    assert response.status_code == 200
    assert json.loads(response.content)["broker"] == "ok"


def test_it_reports_a_database_that_does_not_answer(client, monkeypatch):
    from guestdesk import views

    monkeypatch.setattr(views, "_database_ok", lambda: (False, "OperationalError"))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content)["database"] == "OperationalError"
