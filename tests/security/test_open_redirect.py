"""Open redirect: a `next` parameter never sends anyone to another site."""

import datetime

import pytest
from django.test import RequestFactory
from django.urls import reverse

from digests.models import Digest
from guestdesk.http import safe_next
from guestdesk.models import Department, OutboxMessage
from tests.arrivals.factories import StayFactory

pytestmark = pytest.mark.django_db
EVIL = ["https://evil.example/", "//evil.example/", "http://evil.example", "\\\\evil.example",
        "https:evil.example", "javascript:alert(1)", "/\\evil.example"]  # fmt: skip


@pytest.mark.parametrize("target", EVIL)
def test_safe_next_refuses_another_site(target):
    request = RequestFactory().post("/", {"next": target})
    assert safe_next(request, "dashboard") == reverse("dashboard")


def test_safe_next_follows_a_page_of_this_site():
    request = RequestFactory().post("/", {"next": "/arrivals/?vip=vip"})
    assert safe_next(request, "dashboard") == "/arrivals/?vip=vip"


def test_safe_next_wants_https_on_a_secure_request():
    request = RequestFactory().post("/", {"next": "http://testserver/x/"}, secure=True)
    assert safe_next(request, "dashboard") == reverse("dashboard")
    request = RequestFactory().post("/", {"next": "https://testserver/x/"}, secure=True)
    assert safe_next(request, "dashboard") == "https://testserver/x/"


@pytest.fixture
def failed_digest():
    outbox = OutboxMessage.objects.create(
        template="digests-daily", to=["hk@hotel.example"], subject="Digest", body_text="t",
        body_html="<p>t</p>", language="ru", status=OutboxMessage.Status.FAILED,
    )  # fmt: skip
    department = Department.objects.get(code="housekeeping")
    return Digest.objects.create(
        department=department, date=datetime.date(2026, 3, 2), outbox=outbox
    )


@pytest.mark.parametrize("target", EVIL)
def test_digest_retry_stays_on_the_site(manager_client, failed_digest, target):
    url = reverse("digests:retry", args=[failed_digest.pk])
    response = manager_client.post(url, {"next": target})
    assert response.status_code == 302
    assert response["Location"] == reverse("digests:history")


def test_digest_retry_follows_a_local_next(manager_client, failed_digest):
    url = reverse("digests:retry", args=[failed_digest.pk])
    response = manager_client.post(url, {"next": "/"})
    assert response["Location"] == "/"


@pytest.mark.parametrize("target", EVIL)
def test_stay_actions_stay_on_the_site(agent_client, target):
    stay = StayFactory()
    url = reverse("arrivals:stay_status", args=[stay.pk])
    response = agent_client.post(url, {"status": "in_house", "from": "expected", "next": target})
    assert response.status_code == 302
    assert response["Location"] == reverse("arrivals:stay", kwargs={"pk": stay.pk})
