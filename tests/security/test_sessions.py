"""Sessions end after idle hours, with the user's deactivation, and pages are never cached."""

import datetime

import pytest
from django.urls import reverse

from tests.arrivals.factories import StayFactory

pytestmark = pytest.mark.django_db


def test_a_session_lasts_twelve_idle_hours(settings):
    assert settings.SESSION_IDLE_HOURS == 12
    assert settings.SESSION_COOKIE_AGE == 12 * 3600
    assert settings.SESSION_SAVE_EVERY_REQUEST is True


def test_every_request_renews_the_session(agent_client):
    response = agent_client.get("/")
    cookie = response.cookies["sessionid"]
    assert cookie["max-age"] == 12 * 3600


def test_a_deactivated_user_is_logged_out_at_the_next_request(agent_client, agent):
    assert agent_client.get("/").status_code == 200
    agent.is_active = False
    agent.save()
    response = agent_client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert agent_client.get(reverse("arrivals:today")).status_code == 302


def no_store(response):
    return "no-store" in response.get("Cache-Control", "")


def test_pages_with_personal_data_are_not_stored(agent_client):
    stay = StayFactory()
    for url in ("/", reverse("arrivals:today"), reverse("arrivals:stay", args=[stay.pk])):
        response = agent_client.get(url)
        assert response.status_code == 200
        assert no_store(response), url


def test_csv_exports_are_not_stored(agent_client):
    url = reverse("arrivals:export", kwargs={"day": datetime.date(2026, 3, 2)})
    response = agent_client.get(url)
    assert response.status_code == 200 and no_store(response)


def test_the_public_guest_page_may_still_be_cached(client):
    response = client.get("/guest/events.ics")
    assert not no_store(response)
