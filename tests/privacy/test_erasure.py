"""A guest's request: managers export what is held and anonymise it now; others are refused."""

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from arrivals.models import Guest
from requests_desk.models import ServiceRequest
from reviews.models import Review
from tests.arrivals.factories import GuestFactory, StayFactory
from tests.reviews.factories import ReviewFactory
from vendors.models import Supplier

pytestmark = pytest.mark.django_db


@pytest.fixture
def guest():
    guest = GuestFactory(first_name="Anna", last_name="Berg", allergies="nuts")
    day = timezone.localdate() - timedelta(days=10)
    stay = StayFactory(guest=guest, arrival_date=day, confirmation_number="Qx-Stay")
    ServiceRequest.objects.create(
        number="Qx-Req",
        guest=guest,
        stay=stay,
        type=ServiceRequest.Type.values[0],
        due_at=timezone.now(),
        notes="window seat",
    )
    ReviewFactory(
        guest=guest,
        stay=stay,
        author="Anna Berg",
        text="Qx-Lovely stay",
        date=day,
        rating=Decimal("9"),
    )
    return guest


def urls(guest):
    return [
        reverse(name, kwargs={"pk": guest.pk})
        for name in ("arrivals:guest_data", "arrivals:guest_data_json", "arrivals:guest_anonymise")
    ]


@pytest.mark.parametrize("who", ["agent_client", "department_client"])
def test_it_refuses_agents_and_department_members(who, guest, request):
    client = request.getfixturevalue(who)
    for url in urls(guest):
        assert client.get(url).status_code == 403
    post = client.post(urls(guest)[2], {"reason": "asked", "confirm": "on"})
    assert post.status_code == 403
    guest.refresh_from_db()
    assert guest.last_name == "Berg" and guest.anonymised_at is None


def test_the_export_holds_the_guests_stays_requests_and_reviews(manager_client, guest):
    response = manager_client.get(urls(guest)[1])
    assert response["Content-Disposition"] == f'attachment; filename="guest-{guest.pk}.json"'
    records = json.loads(response.content)["records"]
    assert records["arrivals.Guest"][0]["allergies"] == "nuts"
    assert [s["confirmation_number"] for s in records["arrivals.Stay"]] == ["Qx-Stay"]
    assert [r["number"] for r in records["requests_desk.ServiceRequest"]] == ["Qx-Req"]
    assert [r["text"] for r in records["reviews.Review"]] == ["Qx-Lovely stay"]


def test_the_readable_page_shows_the_same(manager_client, guest):
    page = manager_client.get(urls(guest)[0]).content.decode()
    for marker in ("Qx-Stay", "Qx-Req", "Qx-Lovely stay", "nuts"):
        assert marker in page


def test_a_manager_anonymises_a_guest_with_a_reason(manager_client, manager, guest):
    response = manager_client.post(
        urls(guest)[2], {"reason": "written request 12.03", "confirm": "on"}
    )
    assert response.status_code == 302
    guest.refresh_from_db()
    assert (guest.first_name, guest.last_name, guest.email, guest.allergies) == ("A.", "B.", "", "")
    latest = guest.history.latest()
    assert latest.history_user == manager
    assert "written request 12.03" in latest.history_change_reason
    assert not Guest.history.filter(id=guest.pk, last_name="Berg").exists()
    review = Review.objects.get(guest=guest)
    assert (review.author, review.text, review.rating) == ("", "Qx-Lovely stay", Decimal("9"))
    page = manager_client.get(reverse("arrivals:guest", kwargs={"pk": guest.pk})).content.decode()
    assert 'data-testid="anonymised"' in page and "Berg" not in page


def test_without_confirmation_nothing_happens(manager_client, guest):
    response = manager_client.post(urls(guest)[2], {"reason": "asked"})
    assert response.status_code == 200
    guest.refresh_from_db()
    assert guest.last_name == "Berg"


def test_the_hotel_may_drop_review_texts_on_erasure(manager_client, guest, settings):
    settings.ERASURE_KEEPS_REVIEW_TEXT = False
    manager_client.post(urls(guest)[2], {"reason": "asked", "confirm": "on"})
    review = Review.objects.get(guest=guest)
    assert (review.text, review.rating) == ("", Decimal("9"))


def test_agents_see_no_history_panel(agent_client, guest):
    url = reverse("arrivals:guest", kwargs={"pk": guest.pk})
    assert 'data-testid="audit-history"' not in agent_client.get(url).content.decode()


def test_managers_see_the_history_panel(manager_client, guest):
    guest.email = "new@example.kz"
    guest.save()
    url = reverse("arrivals:guest", kwargs={"pk": guest.pk})
    managers_page = manager_client.get(url).content.decode()
    assert 'data-testid="audit-history"' in managers_page and "new@example.kz" in managers_page
    for name, kwargs in [
        ("arrivals:stay", {"pk": guest.stays.get().pk}),
        ("requests_desk:detail", {"number": "Qx-Req"}),
        ("vendors:supplier", {"pk": Supplier.objects.create(name="Qx-Taxi").pk}),
    ]:
        assert (
            'data-testid="audit-history"'
            in manager_client.get(reverse(name, kwargs=kwargs)).content.decode()
        )
