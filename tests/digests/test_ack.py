"""The acknowledge link: a page with one button, no login, valid for its own digest only."""

import re

import pytest
from django.core import signing
from django.urls import reverse

from digests import services
from digests.models import Digest
from tests.digests.conftest import subscribe

pytestmark = pytest.mark.django_db


@pytest.fixture
def digests(mailoutbox, send_now):
    a = subscribe("housekeeping", ["vip"])
    b = subscribe("security", ["vip"])
    send_now(a.department_id)
    send_now(b.department_id)
    return Digest.objects.get(department=a.department), Digest.objects.get(department=b.department)


def test_the_email_carries_a_working_link(client, digests, mailoutbox, settings):
    housekeeping, _ = digests
    email = next(m for m in mailoutbox if m.to == ["housekeeping@hotel.example"])
    links = re.findall(r"https?://\S+/digests/ack/\S+/", email.body)
    assert len(links) == 1
    assert links[0].startswith(settings.HOTEL_PUBLIC_URL)
    html = email.alternatives[0][0]
    assert f'href="{links[0]}"' in html
    url = links[0].removeprefix(settings.HOTEL_PUBLIC_URL)
    response = client.get(url)
    assert response.status_code == 200
    assert "Mark as read" in response.content.decode()
    response = client.post(url, {"address": "housekeeping@hotel.example", "name": "Ольга"})
    assert response.status_code == 200
    assert "Thank you: the digest is marked as read." in response.content.decode()
    housekeeping.refresh_from_db()
    assert housekeeping.acknowledged_at is not None
    assert housekeeping.acknowledged_by_label == "Ольга <housekeeping@hotel.example>"


def test_a_second_click_keeps_the_first_time(client, digests):
    housekeeping, _ = digests
    url = reverse("digests:ack", kwargs={"token": services.ack_token(housekeeping)})
    client.post(url, {"address": "housekeeping@hotel.example"})
    housekeeping.refresh_from_db()
    first = housekeeping.acknowledged_at
    response = client.post(url, {"address": "housekeeping@hotel.example", "name": "Late"})
    assert "This digest was already marked as read." in response.content.decode()
    housekeeping.refresh_from_db()
    assert housekeeping.acknowledged_at == first
    assert housekeeping.acknowledged_by_name == ""


def test_a_link_acknowledges_only_its_own_digest(client, digests):
    housekeeping, security = digests
    url = reverse("digests:ack", kwargs={"token": services.ack_token(housekeeping)})
    client.post(url, {"address": "housekeeping@hotel.example"})
    security.refresh_from_db()
    assert security.acknowledged_at is None


def test_a_tampered_link_is_refused(client, digests):
    housekeeping, security = digests
    token = services.ack_token(housekeeping)
    # Same signature, another digest's number: refused.
    forged = signing.b64_encode(str(security.pk).encode()).decode() + token[token.index(":") :]
    for bad in (forged, token[:-2] + "xx", "not-a-token"):
        for method in (client.get, client.post):
            response = method(reverse("digests:ack", kwargs={"token": bad}))
            assert response.status_code == 400
            assert "This link is not valid." in response.content.decode()
    assert not Digest.objects.filter(acknowledged_at__isnull=False).exists()


def test_the_history_shows_who_acknowledged(manager_client, digests):
    housekeeping, _ = digests
    services.acknowledge(housekeeping, address="housekeeping@hotel.example", name="Ольга")
    page = manager_client.get(reverse("digests:history")).content.decode()
    assert page.count("acknowledged") >= 1
    assert "Ольга &lt;housekeeping@hotel.example&gt;" in page
    assert 'data-department="housekeeping"' in page
