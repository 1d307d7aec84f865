"""Guest requests and the board through the API."""

from datetime import timedelta

import pytest
from django.utils import timezone

from board.models import Event, ServiceEntry, Venue
from requests_desk.models import RequestEvent, ServiceRequest
from tests.requests_desk.factories import make_stay

pytestmark = pytest.mark.django_db


def test_a_request_is_created_numbered_and_moved_like_on_the_screens(pms):
    stay = make_stay()
    answer = pms.post(
        "/api/v1/requests/",
        {"type": "transfer", "stay": stay.pk, "notes": "Airport, 2 bags"},
        format="json",
        HTTP_IDEMPOTENCY_KEY="req-1",
    )
    assert answer.status_code == 201, answer.content
    created = answer.json()
    assert created["number"].startswith("R") and created["status"] == "new"
    assert created["guest"] == stay.guest_id
    again = pms.post(
        "/api/v1/requests/",
        {"type": "transfer", "stay": stay.pk, "notes": "Airport, 2 bags"},
        format="json",
        HTTP_IDEMPOTENCY_KEY="req-1",
    )
    assert again.status_code == 201 and again.json() == created
    assert ServiceRequest.objects.count() == 1

    url = f"/api/v1/requests/{created['id']}/status/"
    refused = pms.post(url, {"status": "booked"}, format="json")
    assert refused.status_code == 409 and "reference" in refused.json()["detail"]
    booked = pms.post(url, {"status": "booked", "reference": "TX-77"}, format="json")
    assert booked.status_code == 200
    assert booked.json()["confirmation_reference"] == "TX-77"
    events = RequestEvent.objects.filter(request_id=created["id"]).values_list("kind", "to_status")
    assert list(events) == [("created", "new"), ("status", "booked")]
    assert pms.get(f"/api/v1/requests/{created['id']}/").json()["status"] == "booked"
    listed = pms.get("/api/v1/requests/").json()["results"]
    assert [r["number"] for r in listed] == [created["number"]]


def test_a_request_for_an_unknown_stay_is_refused_with_its_field(pms):
    answer = pms.post("/api/v1/requests/", {"type": "transfer", "stay": 999999}, format="json")
    assert answer.status_code == 400
    assert answer.json()["errors"] == [{"pointer": "/stay", "detail": "No such stay."}]


def test_events_and_information_in_the_requested_language(pms):
    venue = Venue.objects.create(name_en="Ballroom", name_kk="Би залы")
    start = timezone.now() + timedelta(days=1)
    Event.objects.create(
        title_en="Jazz night",
        title_kk="Джаз кеші",
        title_ru="Вечер джаза",
        venue=venue,
        starts_at=start,
        ends_at=start + timedelta(hours=2),
    )
    ServiceEntry.objects.create(category="pool", title_en="Pool", title_ru="Бассейн")
    kk = pms.get("/api/v1/events/", {"lang": "kk"}).json()
    assert [(e["title"], e["venue"]) for e in kk] == [("Джаз кеші", "Би залы")]
    assert pms.get("/api/v1/events/", {"lang": "en"}).json()[0]["title"] == "Jazz night"
    assert pms.get("/api/v1/information/", {"lang": "ru"}).json()[0]["title"] == "Бассейн"
    assert pms.get("/api/v1/events/", {"lang": "de"}).status_code == 400
    assert pms.get("/api/v1/events/", {"days": "1000"}).status_code == 400
