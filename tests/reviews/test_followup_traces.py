"""A review's follow-up as a department trace, when the review is matched to a stay."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from guestdesk.models import Department
from requests_desk.models import ServiceRequest
from reviews.models import ReviewFollowUp
from tests.arrivals.factories import StayFactory
from tests.reviews.factories import ReviewFactory
from traces import services as trace_services
from traces.models import Trace

pytestmark = pytest.mark.django_db

DIRTY = "The carpet was dirty and there was hair in the sink. Great location though."


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime.datetime(2026, 3, 10, 12), tick=False):
        yield


def review_of(arrival):
    stay = StayFactory(
        room="412", arrival_date=arrival, departure_date=arrival + datetime.timedelta(days=2)
    )
    return ReviewFactory(text=DIRTY, rating=5, guest=stay.guest, stay=stay)


def post(client, review, **data):
    return client.post(
        f"/reviews/{review.pk}/follow-up/",
        {"topic": "", "department": "", "note": "Deep-clean room 412.", "kind": "trace"} | data,
        follow=True,
    )


def cleanliness(review):
    return review.topic_links.get(topic__code="cleanliness").topic


def test_the_form_offers_the_trace_for_a_review_matched_to_a_stay(agent_client):
    review = review_of(timezone.localdate() - datetime.timedelta(days=5))
    page = agent_client.get(f"/reviews/{review.pk}/").content.decode()
    assert "a task for the department (trace)" in page
    assert "this review has none" not in page


def test_a_trace_follow_up_gives_the_department_a_trace_due_today(agent_client, agent):
    today = timezone.localdate()
    review = review_of(today - datetime.timedelta(days=5))
    response = post(agent_client, review, topic=cleanliness(review).pk)

    followup = ReviewFollowUp.objects.get()
    trace = followup.trace
    assert trace is not None and followup.request is None
    assert not ServiceRequest.objects.exists()
    assert (trace.stay, trace.department.code, trace.status) == (
        review.stay,
        "housekeeping",
        "open",
    )
    assert (trace.due_date, trace.created_by, trace.text) == (
        today,
        agent,
        "Cleanliness: Deep-clean room 412.",
    )
    assert followup.department == trace.department and followup.created_by == agent
    page = response.content.decode()
    assert "Trace for Housekeeping due 10.03.2026 created." in page
    assert 'data-testid="followup-trace"' in page and 'data-testid="trace-status"' in page
    assert "open" in page
    # The department sees it on its day page.
    assert trace in Trace.objects.for_day(today).filter(department__code="housekeeping")


def test_a_trace_for_a_later_stay_is_due_on_its_arrival(agent_client):
    arrival = timezone.localdate() + datetime.timedelta(days=20)
    review = review_of(arrival)
    post(agent_client, review, department=Department.objects.get(code="front-office").pk)
    trace = Trace.objects.get()
    assert (trace.due_date, trace.department.code) == (arrival, "front-office")


def test_the_review_page_shows_the_trace_resolved_and_the_report_counts_it(
    agent_client, agent, manager_client
):
    review = review_of(timezone.localdate() - datetime.timedelta(days=5))
    topic = cleanliness(review)
    post(agent_client, review, topic=topic.pk)
    post(agent_client, review, topic=topic.pk, note="Check the sink.")
    first, second = Trace.objects.order_by("pk")
    trace_services.resolve(first, "done", agent, expected="open")
    trace_services.resolve(second, "not_done", agent, expected="open", reason="Qx-Room occupied")

    page = agent_client.get(f"/reviews/{review.pk}/").content.decode()
    assert page.count('data-testid="followup-trace"') == 2
    assert "could not be done" in page and "Qx-Room occupied" in page
    assert [f.is_done for f in ReviewFollowUp.objects.order_by("pk")] == [True, False]
    report = manager_client.get("/reviews/report/").content.decode()
    assert "follow-ups done: 1 of 2" in report


def test_a_review_without_a_stay_gets_no_trace_and_says_why(agent_client):
    review = ReviewFactory(text=DIRTY, rating=5, author="Dana K.")
    page = agent_client.get(f"/reviews/{review.pk}/").content.decode()
    assert "A trace needs the stay the review is matched to; this review has none." in page
    response = post(agent_client, review, topic=cleanliness(review).pk)
    assert (
        "This review is not matched to a stay, so the department cannot get a trace: "
        "match it to a stay or create a guest request."
    ) in response.content.decode()
    assert not Trace.objects.exists() and not ReviewFollowUp.objects.exists()
    assert not ServiceRequest.objects.exists()


def test_a_trace_text_over_the_limit_is_refused(agent_client):
    review = review_of(timezone.localdate())
    response = post(agent_client, review, topic=cleanliness(review).pk, note="x" * 499)
    assert "A trace says what to do in at most 500 characters." in response.content.decode()
    assert not Trace.objects.exists() and not ReviewFollowUp.objects.exists()


def test_an_unknown_kind_is_refused(agent_client):
    review = review_of(timezone.localdate())
    response = post(agent_client, review, topic=cleanliness(review).pk, kind="email")
    assert "Select a valid choice." in response.content.decode()
    assert not Trace.objects.exists() and not ServiceRequest.objects.exists()


def test_department_members_may_not_make_a_trace_follow_up(department_client):
    review = review_of(timezone.localdate())
    response = department_client.post(
        f"/reviews/{review.pk}/follow-up/",
        {"department": Department.objects.get(code="spa").pk, "note": "x", "kind": "trace"},
    )
    assert response.status_code == 403
    assert not Trace.objects.exists()


def test_without_a_kind_the_follow_up_is_a_guest_request_as_before(agent_client):
    review = review_of(timezone.localdate())
    post(agent_client, review, topic=cleanliness(review).pk, kind="")
    followup = ReviewFollowUp.objects.get()
    assert followup.request is not None and followup.trace is None
    assert not Trace.objects.exists()
