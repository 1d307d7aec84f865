"""A mail scanner that opens the acknowledge link acknowledges nothing; a press records who."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from digests import services
from digests.models import Digest
from guestdesk.models import Department, OutboxMessage

pytestmark = pytest.mark.django_db
TO = ["hk@hotel.example", "olga@hotel.example"]


@pytest.fixture
def digest():
    outbox = OutboxMessage.objects.create(
        template="digests-daily", to=TO, subject="Digest", body_text="t", body_html="<p>t</p>",
        language="ru",
    )  # fmt: skip
    department = Department.objects.get(code="housekeeping")
    return Digest.objects.create(
        department=department, date=datetime.date(2026, 3, 2), outbox=outbox
    )


def link(digest, addresses=TO):
    return reverse("digests:ack", kwargs={"token": services.ack_token(digest, addresses)})


def test_get_and_head_change_nothing(client, digest):
    for _ in range(3):
        page = client.get(link(digest))
        assert page.status_code == 200
        assert "Mark as read" in page.content.decode()
        assert client.head(link(digest)).status_code == 200
    digest.refresh_from_db()
    assert digest.acknowledged_at is None


def test_the_page_is_not_cached_and_needs_no_login(digest):
    page = Client().get(link(digest))
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]


def test_pressing_the_button_records_the_address_and_name(digest):
    client = Client(enforce_csrf_checks=True)
    page = client.get(link(digest))
    token = page.cookies["csrftoken"].value
    response = client.post(
        link(digest),
        {"address": "olga@hotel.example", "name": "Ольга Иванова", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 200
    assert "Thank you: the digest is marked as read." in response.content.decode()
    digest.refresh_from_db()
    assert digest.acknowledged_at is not None
    assert digest.acknowledged_by_address == "olga@hotel.example"
    assert digest.acknowledged_by_name == "Ольга Иванова"


def test_a_single_recipient_needs_no_choice(client, digest):
    url = link(digest, ["hk@hotel.example"])
    assert 'type="radio"' not in client.get(url).content.decode()
    client.post(url, {"address": "hk@hotel.example"})
    digest.refresh_from_db()
    assert digest.acknowledged_by_label == "hk@hotel.example"


def test_an_address_the_link_does_not_name_is_refused(client, digest):
    response = client.post(link(digest), {"address": "mallory@evil.example"})
    assert response.status_code == 400
    digest.refresh_from_db()
    assert digest.acknowledged_at is None


def test_the_history_shows_who_acknowledged_and_when(client, manager_client, digest):
    client.post(link(digest), {"address": "olga@hotel.example", "name": "Ольга"})
    page = manager_client.get(reverse("digests:history")).content.decode()
    assert "Ольга &lt;olga@hotel.example&gt;" in page
    detail = manager_client.get(reverse("digests:detail", args=[digest.pk])).content.decode()
    assert "Ольга &lt;olga@hotel.example&gt;" in detail


def test_a_department_member_acknowledges_inside_the_app(
    department_client, department_member, digest
):
    detail = department_client.get(reverse("digests:detail", args=[digest.pk]))
    assert reverse("digests:acknowledge", args=[digest.pk]) in detail.content.decode()
    response = department_client.post(reverse("digests:acknowledge", args=[digest.pk]))
    assert response.status_code == 302
    digest.refresh_from_db()
    assert digest.acknowledged_by == department_member
    assert digest.acknowledged_by_address == department_member.email


def test_desk_staff_outside_the_department_cannot_acknowledge_for_it(agent_client, digest):
    response = agent_client.post(reverse("digests:acknowledge", args=[digest.pk]))
    assert response.status_code == 403
    digest.refresh_from_db()
    assert digest.acknowledged_at is None
