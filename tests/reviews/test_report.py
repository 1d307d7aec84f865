import datetime
from decimal import Decimal

import pytest
import time_machine

from reviews import report
from reviews.models import Review
from tests.reviews.factories import ReviewFactory

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def reviews():
    """March 2026 against February: noise grows, breakfast complaints fade."""
    # Previous period (2026-02-01 .. 2026-02-28): 4 reviews, 1 about noise, 2 about breakfast.
    ReviewFactory(date=D(2026, 2, 3), rating=2, scale=5, text="Noisy room.")
    ReviewFactory(date=D(2026, 2, 10), rating=4, text="Завтрак скудный.")
    ReviewFactory(date=D(2026, 2, 12), rating=3, text="Таңғы ас нашар.")
    ReviewFactory(date=D(2026, 2, 20), rating=9, text="Lovely stay.")
    # This period (2026-03-01 .. 2026-03-28): 5 reviews, 3 about noise.
    ReviewFactory(
        date=D(2026, 3, 2), rating=4, text="Очень шумно ночью.", source="google", scale=10
    )
    ReviewFactory(date=D(2026, 3, 9), rating=2, scale=5, text="Түнде шулы болды.", source="2gis")
    ReviewFactory(
        date=D(2026, 3, 20), rating=6, text="Loud music from the bar, but great breakfast."
    )
    ReviewFactory(date=D(2026, 3, 21), rating=10, text="Quiet and clean.")
    ReviewFactory(date=D(2026, 3, 28), rating=8, text="Friendly staff.")
    # Outside both periods.
    ReviewFactory(date=D(2026, 1, 5), rating=1, scale=5, text="Noisy.")


def test_previous_period_has_the_same_length():
    assert report.previous_period(D(2026, 3, 1), D(2026, 3, 28)) == (D(2026, 2, 1), D(2026, 2, 28))


def test_the_report_figures_on_known_data(reviews, django_assert_max_num_queries):
    with django_assert_max_num_queries(7):
        figures = report.build(D(2026, 3, 1), D(2026, 3, 28))
    summary = figures["summary"]
    # (4 + 4 + 6 + 10 + 8) / 5 = 6.4 against (4 + 4 + 3 + 9) / 4 = 5.0
    assert (summary["count"], summary["average"]) == (5, Decimal("6.4"))
    assert (summary["previous_count"], summary["previous_average"]) == (4, Decimal("5.0"))
    assert summary["change"] == Decimal("1.4")
    assert summary["negative"] == 2
    assert [(m["month"], m["count"]) for m in figures["months"]] == [(D(2026, 3, 1), 5)]
    sources = {s["source"]: (s["count"], s["average"], s["negative"]) for s in figures["sources"]}
    assert sources == {
        "booking": (3, Decimal("8.0"), 0),
        "google": (1, Decimal("4.0"), 1),
        "2gis": (1, Decimal("4.0"), 1),
    }
    first = figures["complaints"][0]
    assert first.topic.code == "noise"
    assert (first.complaints, first.share, first.previous_share) == (
        3,
        Decimal("60.0"),
        Decimal("25.0"),
    )
    assert first.change == Decimal("35.0")
    assert first.praise == 1  # "Quiet and clean."
    # The two newest complaints, newest first.
    assert [q.excerpt for q in first.quotes] == [
        "Loud music from the bar, but great breakfast.",
        "Түнде шулы болды.",
    ]
    assert "quiet rooms" in first.topic.proposal
    food = next(line for line in figures["topics"] if line.topic.code == "food")
    assert (food.complaints, food.praise, food.previous_complaints) == (0, 1, 2)
    assert food.change == Decimal("-50.0")
    assert [line.topic.code for line in figures["complaints"]] == ["noise"]


def test_the_page_shows_ranked_topics_with_proposals(reviews, manager_client):
    html = manager_client.get("/reviews/report/?start=2026-03-01&end=2026-03-28").content.decode()
    assert 'data-testid="report-score">6.4<' in html
    assert "1 March 2026 – 28 March 2026, compared with 1 February 2026 – 28 February 2026" in html
    assert "Noise" in html and "+35.0 pp" in html
    assert "Recommended action:" in html and "quiet rooms" in html
    assert 'id="reviews-data"' in html and "<script>" not in html and "style=" not in html


def test_the_page_query_count_does_not_grow(manager_client, django_assert_max_num_queries):
    for n in range(60):
        ReviewFactory(
            date=D(2026, 3, 1) + datetime.timedelta(days=n % 20), rating=3, text="Noisy, dirty."
        )
    with django_assert_max_num_queries(12):
        manager_client.get("/reviews/report/?start=2026-03-01&end=2026-03-28")


def test_the_default_period_is_the_last_90_days(manager_client):
    with time_machine.travel(datetime.datetime(2026, 3, 31, 12), tick=False):
        html = manager_client.get("/reviews/report/").content.decode()
    assert "1 January 2026 – 31 March 2026, compared with 3 October 2025 – 31 December 2025" in html


def test_a_reversed_period_is_explained(manager_client):
    html = manager_client.get("/reviews/report/?start=2026-03-10&end=2026-03-01").content.decode()
    assert "The period must start before it ends." in html


def test_report_queryset_methods(reviews):
    march = Review.objects.between(D(2026, 3, 1), D(2026, 3, 31))
    assert march.count() == 5
    assert march.negative().count() == 3
    assert len(list(march.for_report())) == 5
