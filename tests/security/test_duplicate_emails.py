"""Fifty quick clicks on "Email confirmation" send the guest one email, not forty-seven."""

import threading
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from guestdesk.emails import queue_email
from guestdesk.models import OutboxMessage
from requests_desk import services
from requests_desk.models import RequestEvent
from tests.requests_desk.factories import make_request, make_stay


def booked(agent):
    stay = make_stay()
    return make_request("theatre", stay=stay, created_by=agent, status="booked")


def confirm(client, r, **data):
    return client.post(reverse("requests_desk:confirm", args=[r.number]), data)


@pytest.mark.django_db
def test_a_repeated_click_queues_one_email_and_says_so(agent, agent_client):
    r = booked(agent)
    first = confirm(agent_client, r)
    assert first.status_code == 302
    for _ in range(5):
        again = confirm(agent_client, r)
        assert again.status_code == 200
        assert "it was not sent twice" in again.content.decode()
        assert 'name="again" value="1"' in again.content.decode()
    assert OutboxMessage.objects.count() == 1
    assert RequestEvent.objects.filter(kind=RequestEvent.Kind.EMAIL).count() == 1


@pytest.mark.django_db
def test_send_again_sends_a_second_copy_and_says_so(agent, agent_client):
    r = booked(agent)
    confirm(agent_client, r)
    response = confirm(agent_client, r, again="1")
    assert response.status_code == 302
    page = agent_client.get(response["Location"]).content.decode()
    assert "Confirmation sent again to" in page
    assert OutboxMessage.objects.count() == 2
    assert RequestEvent.objects.filter(kind=RequestEvent.Kind.EMAIL).count() == 2


@pytest.mark.django_db
def test_after_the_window_it_is_sent_again(agent, agent_client, settings):
    settings.EMAIL_DEDUP_MINUTES = 10
    r = booked(agent)
    confirm(agent_client, r)
    with time_machine.travel(timezone.now() + timedelta(minutes=11)):
        assert confirm(agent_client, r).status_code == 302
    assert OutboxMessage.objects.count() == 2


@pytest.mark.django_db
def test_a_changed_document_or_another_address_is_a_new_email(agent):
    context = {"guest_name": "A", "items": [], "hotel_name": "H", "r": None, "stay": None}
    name = "requests_desk-confirmation"
    one = queue_email(name, context, ["a@example.kz"], "en", dedup_key="x")
    assert queue_email(name, context, ["a@example.kz"], "en", dedup_key="x").pk == one.pk
    assert queue_email(name, context, ["b@example.kz"], "en", dedup_key="x").pk != one.pk
    changed = {**context, "guest_name": "B"}
    assert queue_email(name, changed, ["a@example.kz"], "en", dedup_key="x").pk != one.pk
    # Without a key nothing is deduplicated (digests, alerts keep their own claims).
    assert queue_email(name, context, ["a@example.kz"], "en").pk != one.pk


@pytest.mark.django_db(transaction=True)
def test_fifty_clicks_at_once_queue_one_email(postgres, agent):
    r = booked(agent)
    errors = []
    start = threading.Barrier(10)

    def click():
        try:
            start.wait()
            for _ in range(5):
                services.send_confirmation(r, agent)
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=click) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    assert OutboxMessage.objects.count() == 1
    assert RequestEvent.objects.filter(kind=RequestEvent.Kind.EMAIL).count() == 1
