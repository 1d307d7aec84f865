import datetime

import pytest
import time_machine

from guestdesk.models import Department
from requests_desk import services as requests_services
from requests_desk.models import ServiceRequest
from reviews.models import ReviewFollowUp
from tests.arrivals.factories import StayFactory
from tests.reviews.factories import ReviewFactory

pytestmark = pytest.mark.django_db

DIRTY = "The carpet was dirty and there was hair in the sink. Great location though."


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime.datetime(2026, 3, 10, 12), tick=False):
        yield


@pytest.fixture
def review():
    stay = StayFactory(room="412")
    return ReviewFactory(text=DIRTY, rating=5, guest=stay.guest, stay=stay)


def test_the_review_page_offers_a_follow_up_for_the_complaint(agent_client, review):
    page = agent_client.get(f"/reviews/{review.pk}/").content.decode()
    assert 'data-testid="followup-form"' in page
    assert "No follow-up yet." in page
    # The first complaint's topic is chosen; its department is the default.
    cleanliness = review.topic_links.get(topic__code="cleanliness").topic
    assert f'<option value="{cleanliness.pk}" selected>' in page


def test_one_action_creates_a_request_linked_both_ways(agent_client, agent, review):
    cleanliness = review.topic_links.get(topic__code="cleanliness").topic
    response = agent_client.post(
        f"/reviews/{review.pk}/follow-up/",
        {"topic": cleanliness.pk, "department": "", "note": "Deep-clean room 412."},
        follow=True,
    )
    followup = ReviewFollowUp.objects.get()
    request_obj = followup.request
    assert request_obj is not None
    assert followup.department == Department.objects.get(code="housekeeping")
    assert (followup.review, followup.topic, followup.created_by) == (review, cleanliness, agent)
    assert (request_obj.type, request_obj.status) == ("other", "new")
    assert (request_obj.guest, request_obj.stay) == (review.guest, review.stay)
    assert request_obj.created_by == agent
    description = request_obj.details["description"]
    assert description.startswith("Cleanliness: Deep-clean room 412.")
    assert "hair in the sink" in description
    assert "Housekeeping" in request_obj.notes
    page = response.content.decode()
    assert f"Request {request_obj.number} created for Housekeeping." in page
    assert request_obj.number in page and 'data-testid="review-followup"' in page
    # The request page names the review it came from, with a link back.
    request_page = agent_client.get(f"/requests/{request_obj.number}/").content.decode()
    assert 'data-testid="review-followup-panel"' in request_page
    assert f'href="/reviews/{review.pk}/"' in request_page


def test_the_review_page_shows_the_request_status(agent_client, agent, review):
    followup = _follow_up(agent_client, review)
    request_obj = followup.request
    requests_services.transition(request_obj, "booked", agent, reference="HK-1")
    request_obj = requests_services.transition(ServiceRequest.objects.get(), "done", agent)
    page = agent_client.get(f"/reviews/{review.pk}/").content.decode()
    assert 'data-status-badge="done"' in page
    assert ReviewFollowUp.objects.get().is_done


def _follow_up(client, review, **data):
    client.post(
        f"/reviews/{review.pk}/follow-up/",
        {"topic": "", "department": Department.objects.get(code="front-office").pk, "note": "Call"}
        | data,
    )
    return ReviewFollowUp.objects.select_related("request").latest("pk")


def test_a_chosen_department_wins_over_the_topic(agent_client, review):
    cleanliness = review.topic_links.get(topic__code="cleanliness").topic
    followup = _follow_up(agent_client, review, topic=cleanliness.pk)
    assert followup.department is not None and followup.department.code == "front-office"


def test_a_review_without_a_guest_makes_a_walk_in_request(agent_client):
    review = ReviewFactory(text=DIRTY, rating=5, author="Dana K.")
    followup = _follow_up(agent_client, review)
    assert followup.request is not None
    assert (followup.request.guest, followup.request.walk_in_name) == (None, "Dana K.")


def test_without_a_department_nothing_is_created(agent_client, review):
    response = agent_client.post(
        f"/reviews/{review.pk}/follow-up/",
        {"topic": "", "department": "", "note": "Do something"},
        follow=True,
    )
    assert "Choose the department that should do the work." in response.content.decode()
    assert not ServiceRequest.objects.exists() and not ReviewFollowUp.objects.exists()


def test_without_a_note_nothing_is_created(agent_client, review):
    response = agent_client.post(
        f"/reviews/{review.pk}/follow-up/",
        {"topic": "", "department": Department.objects.get(code="spa").pk, "note": "  "},
        follow=True,
    )
    assert "This field is required." in response.content.decode()
    assert not ServiceRequest.objects.exists()


def test_department_members_may_not_follow_up(department_client, review):
    response = department_client.post(
        f"/reviews/{review.pk}/follow-up/",
        {"topic": "", "department": Department.objects.get(code="spa").pk, "note": "x"},
    )
    assert response.status_code == 403
    assert not ServiceRequest.objects.exists()


def test_an_unknown_review_is_404(agent_client):
    response = agent_client.post("/reviews/999999/follow-up/", {"note": "x"})
    assert response.status_code == 404


def test_a_request_without_a_review_shows_no_review_panel(agent_client, agent, review):
    followup = _follow_up(agent_client, review)
    assert followup.request is not None
    ReviewFollowUp.objects.all().delete()
    page = agent_client.get(f"/requests/{followup.request.number}/").content.decode()
    assert "review-followup-panel" not in page


def test_the_report_counts_follow_ups_done_per_topic(agent_client, agent, manager_client, review):
    cleanliness = review.topic_links.get(topic__code="cleanliness").topic
    first = _follow_up(agent_client, review, topic=cleanliness.pk)
    _follow_up(agent_client, review, topic=cleanliness.pk)
    assert first.request is not None
    requests_services.transition(first.request, "booked", agent, reference="HK-1")
    requests_services.transition(ServiceRequest.objects.get(pk=first.request.pk), "done", agent)
    page = manager_client.get("/reviews/report/").content.decode()
    assert "follow-ups done: 1 of 2" in page
