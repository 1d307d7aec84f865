import datetime

import pytest
import time_machine
from django.utils import timezone

from reviews import analysis
from reviews.models import Review
from tests.arrivals.factories import GuestFactory
from tests.reviews.factories import ReviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime.datetime(2026, 3, 10, 12), tick=False):
        yield


def entry(**changes):
    data = {
        "date": "2026-03-09",
        "rating": "2",
        "scale": "5",
        "author": "Анна",
        "language": "ru",
        "title": "",
        "text": "Очень шумно ночью, музыка из бара.",
    }
    return {**data, **changes}


def test_an_agent_adds_a_guest_book_entry_and_its_topics_are_found(agent_client, agent):
    response = agent_client.post("/reviews/new/", entry(), follow=True)
    review = Review.objects.get()
    assert (review.source, str(review.score), review.created_by) == ("guest_book", "4.0", agent)
    assert "Guest-book entry saved." in response.content.decode()
    assert [link.topic.code for link in review.topic_links.all()] == ["noise"]


def test_an_entry_can_be_linked_to_a_guest(agent_client):
    guest = GuestFactory()
    page = agent_client.get(f"/reviews/new/?guest={guest.pk}")
    assert guest.name in page.content.decode()
    agent_client.post("/reviews/new/", entry(guest=guest.pk))
    assert guest.reviews.count() == 1
    profile = agent_client.get(f"/arrivals/guests/{guest.pk}/").content.decode()
    assert 'data-testid="reviews-panel"' in profile and "Guest book" in profile


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"rating": "7"}, "The rating must be between 1 and 5."),
        ({"rating": "0", "scale": "10"}, "The rating must be between 1 and 10."),
        ({"date": "2026-03-11"}, "The date cannot be in the future."),
        ({"text": "   "}, "This field is required."),
        ({"rating": "many"}, "Enter a number."),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(agent_client, changes, message):
    response = agent_client.post("/reviews/new/", entry(**changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Review.objects.exists()


def test_a_response_is_recorded_with_who_and_when(agent_client, agent):
    review = ReviewFactory(rating=3, scale=5)
    agent_client.post(f"/reviews/{review.pk}/respond/", {"response": "Спасибо, исправим."})
    review.refresh_from_db()
    assert (review.response, review.responded_by) == ("Спасибо, исправим.", agent)
    assert review.responded_at == timezone.now()


def test_an_empty_response_is_refused(agent_client):
    review = ReviewFactory()
    response = agent_client.post(f"/reviews/{review.pk}/respond/", {"response": " "}, follow=True)
    assert "Write the response before saving it." in response.content.decode()
    review.refresh_from_db()
    assert review.responded_at is None


def test_department_members_are_refused_everywhere(department_client):
    review = ReviewFactory()
    for url in ("/reviews/", "/reviews/new/", f"/reviews/{review.pk}/", "/reviews/import/"):
        assert department_client.get(url).status_code == 403
    assert department_client.post("/reviews/new/", entry()).status_code == 403
    response = department_client.post(f"/reviews/{review.pk}/respond/", {"response": "x"})
    assert response.status_code == 403
    assert department_client.get("/reviews/report/").status_code == 403
    assert Review.objects.count() == 1


def test_the_report_is_for_managers_only(agent_client):
    assert agent_client.get("/reviews/report/").status_code == 403


def test_the_list_filters(agent_client):
    ReviewFactory(
        text="Noisy at night.", rating=2, scale=5, source="google", date=datetime.date(2026, 3, 1)
    )
    ReviewFactory(text="Lovely breakfast.", rating=10, date=datetime.date(2026, 2, 1))
    ReviewFactory(text="Шумно, но уютно.", rating=6, source="guest_book", external_id="")

    def shown(query):
        html = agent_client.get(f"/reviews/?{query}").content.decode()
        return html.count('data-testid="review-row"')

    assert shown("") == 3
    assert shown("source=google") == 1
    assert shown("max_score=5") == 1
    assert shown("min_score=6&max_score=8") == 1
    assert (
        shown(
            "topic=" + str(__import__("reviews.models").models.Topic.objects.get(code="noise").pk)
        )
        == 2
    )
    assert shown("start=2026-02-15") == 2
    assert shown("end=2026-02-15") == 1
    assert shown("q=breakfast") == 1
    assert shown("unanswered=on") == 3


@pytest.mark.parametrize("count", [5, 500])
def test_the_list_runs_a_fixed_number_of_queries(
    agent_client, count, django_assert_max_num_queries
):
    guest = GuestFactory()
    reviews = [
        Review(
            source="booking",
            external_id=f"Q{n}",
            date=datetime.date(2026, 3, 1),
            rating=3,
            scale=10,
            score=3,
            text="Noisy and dirty.",
            guest=guest,
        )
        for n in range(count)
    ]
    analysis.analyse(Review.objects.bulk_create(reviews))
    # session, user, groups, count, page, topics of the page, topic choices of the filter
    with django_assert_max_num_queries(8):
        response = agent_client.get("/reviews/")
    assert response.content.decode().count('data-testid="review-row"') == min(count, 50)


def test_the_dashboard_card_compares_30_days(agent_client):
    ReviewFactory(rating=8, date=datetime.date(2026, 3, 5), text="Noisy room.")
    ReviewFactory(rating=6, date=datetime.date(2026, 3, 1), text="Шумно.")
    ReviewFactory(rating=4, date=datetime.date(2026, 1, 20))
    html = agent_client.get("/").content.decode()
    assert 'data-testid="card-reviews"' in html
    assert 'data-testid="card-score">7.0<' in html
    assert "30 days before: 4.0" in html
    assert 'data-testid="card-top-topic">Noise<' in html
