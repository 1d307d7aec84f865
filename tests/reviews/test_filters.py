"""ReviewFilter: bad input is explained and filters nothing; filters combine."""

import datetime

import pytest

from tests.reviews.factories import ReviewFactory

pytestmark = pytest.mark.django_db


def rows(response):
    return response.content.decode().count('data-testid="review-row"')


def test_a_score_out_of_range_is_explained_and_filters_nothing(agent_client):
    ReviewFactory(text="Noisy at night.", rating=2, scale=5, source="google")
    ReviewFactory(text="Lovely breakfast.", rating=10)
    response = agent_client.get("/reviews/", {"source": "google", "min_score": "99"})
    assert rows(response) == 2
    assert "Some filters were not understood and are ignored" in response.content.decode()


def test_filters_combine_and_keep_pagination_links(agent_client):
    for day in range(1, 4):
        ReviewFactory(text="Lovely breakfast.", date=datetime.date(2026, 3, day))
    ReviewFactory(text="Noisy.", date=datetime.date(2026, 3, 2))
    response = agent_client.get("/reviews/", {"q": "breakfast", "start": "2026-03-02"})
    assert rows(response) == 2
    assert response.context["query"] == "q=breakfast&start=2026-03-02"
