"""Sessions end after idle hours, with the user's deactivation, and pages are never cached."""

import datetime
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from tests.arrivals.factories import StayFactory

pytestmark = pytest.mark.django_db


def test_a_session_lasts_twelve_idle_hours(settings):
    assert settings.SESSION_IDLE_HOURS == 12
    assert settings.SESSION_COOKIE_AGE == 12 * 3600


def session_expiry(client):
    from django.contrib.sessions.models import Session

    return Session.objects.get(session_key=client.session.session_key).expire_date


def test_activity_renews_the_session_so_it_ends_after_idle_time(agent_client):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        agent_client.get("/")
    # Ten hours of work: each request a few minutes apart keeps the session alive.
    for minutes in range(10, 10 * 60, 10):
        with time_machine.travel(start + timedelta(minutes=minutes), tick=False):
            assert agent_client.get("/").status_code == 200
    last = start + timedelta(minutes=10 * 60 - 10)
    assert session_expiry(agent_client) >= last + timedelta(hours=12) - timedelta(minutes=5)
    # Then nobody touches the desk for thirteen hours: logged out.
    with time_machine.travel(last + timedelta(hours=13), tick=False):
        response = agent_client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_requests_close_together_do_not_write_the_session(agent_client):
    agent_client.get("/")
    response = agent_client.get("/")
    assert "sessionid" not in response.cookies  # nothing renewed a moment after login


def test_a_deactivated_user_is_logged_out_at_the_next_request(agent_client, agent):
    assert agent_client.get("/").status_code == 200
    agent.is_active = False
    agent.save()
    response = agent_client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert agent_client.get(reverse("arrivals:today")).status_code == 302
    # The session is over: reactivating the account does not bring it back.
    agent.is_active = True
    agent.save()
    assert agent_client.get("/").status_code == 302


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
