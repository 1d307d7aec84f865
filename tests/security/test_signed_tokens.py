"""A valid signature over an unexpected payload answers 400, never 500."""

import datetime

import pytest
from django.core import signing
from django.urls import reverse

from digests.models import Digest
from digests.services import ACK_SALT
from guestdesk.models import Department, OutboxMessage

pytestmark = pytest.mark.django_db


@pytest.fixture
def digest():
    outbox = OutboxMessage.objects.create(
        template="digests-daily", to=["hk@hotel.example"], subject="D", body_text="t",
        body_html="<p>t</p>", language="ru",
    )  # fmt: skip
    department = Department.objects.get(code="housekeeping")
    return Digest.objects.create(
        department=department, date=datetime.date(2026, 3, 2), outbox=outbox
    )


ODD = [
    "7",
    None,
    True,
    1.5,
    [1, 2],
    {},
    {"d": "1"},
    {"d": None, "to": []},
    {"d": True, "to": []},
    {"d": 10**30, "to": []},
    {"d": -1, "to": []},
    {"d": 999999, "to": ["hk@hotel.example"]},  # no such digest
    {"d": 1, "to": "hk@hotel.example"},
    {"d": 1, "to": [None]},
    {"d": 1, "to": [{"x": 1}]},
    {"d": 1, "to": [], "extra": 1},
    999999,  # an old-style link to no digest
]


@pytest.mark.parametrize("payload", ODD, ids=repr)
def test_odd_payloads_are_refused_with_400(client, digest, payload):
    token = signing.dumps(payload, salt=ACK_SALT)
    url = reverse("digests:ack", kwargs={"token": token})
    for response in (client.get(url), client.post(url, {"address": "hk@hotel.example"})):
        assert response.status_code == 400
        assert "This link is not valid." in response.content.decode()
    digest.refresh_from_db()
    assert digest.acknowledged_at is None


def test_an_old_link_with_the_number_alone_still_works(client, digest):
    url = reverse("digests:ack", kwargs={"token": signing.dumps(digest.pk, salt=ACK_SALT)})
    assert client.get(url).status_code == 200
    client.post(url, {"address": "hk@hotel.example"})
    digest.refresh_from_db()
    assert digest.acknowledged_by_address == "hk@hotel.example"


def test_a_token_signed_for_another_purpose_is_refused(client, digest):
    token = signing.dumps({"d": digest.pk, "to": []}, salt="something.else")
    assert client.get(reverse("digests:ack", kwargs={"token": token})).status_code == 400
