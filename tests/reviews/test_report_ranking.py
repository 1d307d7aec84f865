"""The report's ranking by effect on the score, the source chart, and its fixed query count."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from reviews import report
from reviews.models import Review, ReviewTopic, Topic

pytestmark = pytest.mark.django_db
D = datetime.date
SOURCES = ("booking", "google", "2gis", "tripadvisor", "yandex", "guest_book")


def bulk(specs):
    """Reviews from (date, score, source, {topic code: sentiment}) without the analysis."""
    topics = {topic.code: topic for topic in Topic.objects.all()}
    reviews = Review.objects.bulk_create(
        [
            Review(
                source=source,
                external_id="" if source == "guest_book" else f"X{index}",
                import_key=f"k{index}" if source == "guest_book" else "",
                date=day,
                rating=score,
                scale=10,
                score=score,
                text="Text.",
                responded_at=(
                    timezone.make_aware(datetime.datetime.combine(day, datetime.time(18)))
                    if index % 2
                    else None
                ),
            )
            for index, (day, score, source, __) in enumerate(specs)
        ],
        batch_size=2000,
    )
    ReviewTopic.objects.bulk_create(
        [
            ReviewTopic(
                review=review, topic=topics[code], sentiment=sentiment, excerpt=f"About {code}."
            )
            for review, (*__, links) in zip(reviews, specs, strict=True)
            for code, sentiment in links.items()
        ],
        batch_size=2000,
    )


NOISE = {"noise": "negative"}
DIRT = {"cleanliness": "negative"}


def test_topics_are_ranked_by_effect_not_by_count():
    march = D(2026, 3, 10)
    bulk(
        [(march, 7, "booking", NOISE)] * 4
        + [(march, 2, "google", DIRT)] * 2
        + [(march, 9, "booking", {})] * 4
        # February: one dirty review among four.
        + [(D(2026, 2, 10), 4, "booking", DIRT)]
        + [(D(2026, 2, 11), 8, "booking", {})] * 3
    )
    figures = report.build(D(2026, 3, 1), D(2026, 3, 28))
    ranked = figures["complaints"]
    assert [line.topic.code for line in ranked] == ["cleanliness", "noise"]
    dirt, noise = ranked
    # 2 of 10 reviews, mean 2.0 against (68 - 4) / 8 = 8.0: 0.2 x 6.0 = 1.2 points.
    assert (dirt.mean_with, dirt.mean_without, dirt.gap) == (
        Decimal("2.0"),
        Decimal("8.0"),
        Decimal("6.0"),
    )
    assert dirt.effect == Decimal("1.20")
    # February: 1 of 4, 4.0 against 8.0: 0.25 x 4 = 1.00.
    assert dirt.previous_effect == Decimal("1.00")
    assert dirt.effect_change == Decimal("0.20")
    # Guests who mention the noise score higher than the rest: no effect to win.
    assert noise.complaints == 4 and noise.effect is not None and noise.effect < 0
    assert noise.previous_effect is None


def test_the_effect_needs_reviews_on_both_sides():
    assert report.effect(0, 0, 0, None)["effect"] is None
    assert report.effect(3, 12, 3, 12)["effect"] is None
    # 2.0 against (20 - 2) / 3 = 6.0: 0.25 x 4.0.
    assert report.effect(4, 20, 1, 2)["effect"] == Decimal("1.00")


def test_the_page_shows_effects_and_the_source_chart(manager_client):
    bulk(
        [(D(2026, 3, 10), 2, "google", DIRT), (D(2026, 3, 11), 9, "booking", {})]
        + [(D(2026, 2, 11), 8, "2gis", {})]
    )
    html = manager_client.get("/reviews/report/?start=2026-02-01&end=2026-03-31").content.decode()
    assert 'data-testid="topic-effect">−2.17 points<' in html
    assert "score 2.0 with the complaint, 8.5 without" in html
    assert 'id="sources-data"' in html and 'data-chart="sources-data"' in html
    chart = report.source_chart(report.build(D(2026, 2, 1), D(2026, 3, 31)))
    assert chart["labels"] == ["2026-02", "2026-03"]
    lines = {series["label"]: series["data"] for series in chart["series"]}
    assert lines == {
        "2GIS": [8.0, None],
        "Booking.com": [None, 9.0],
        "Google": [None, 2.0],
        "All sources": [8.0, 5.5],
    }


def rows(n):
    """n reviews over January to March 2026 from six sources; a third complain of noise."""
    start = D(2025, 10, 1)
    return [
        (
            start + datetime.timedelta(days=index % 182),
            (index % 10) + 1,
            SOURCES[index % len(SOURCES)],
            NOISE if index % 3 == 0 else ({"cleanliness": "positive"} if index % 5 == 0 else {}),
        )
        for index in range(n)
    ]


# Session, user and the user's roles, then the report: summary, source x month, topic
# counts, topics, quotes, follow-ups.
REPORT_QUERIES = 9


@pytest.mark.parametrize("n", [12, 10_000])
def test_the_report_runs_the_same_queries_for_12_and_10000_reviews(
    n, manager_client, django_assert_num_queries
):
    bulk(rows(n))
    with django_assert_num_queries(REPORT_QUERIES):
        response = manager_client.get("/reviews/report/?start=2026-01-01&end=2026-03-31")
    assert response.status_code == 200
    assert Review.objects.count() == n
