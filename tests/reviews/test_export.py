import csv
import datetime
import io

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.reviews.factories import ReviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime.datetime(2026, 3, 10, 12), tick=False):
        yield


def rows_of(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_it_exports_one_row_per_review_with_topic_codes(manager_client):
    answered = ReviewFactory(
        text="Great location, but the room was dirty.", rating=5, external_id="B1", author="Ann"
    )
    answered.responded_at = timezone.now()
    answered.save()
    ReviewFactory(text="Очень шумно.", rating=2, scale=5, external_id="B2", language="ru")
    response = manager_client.get("/reviews/export.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="reviews-2026-03-10.csv"' in response["Content-Disposition"]
    header, *rows = rows_of(response)
    assert header == [
        "source", "external_id", "date", "rating", "scale", "score", "language", "author",
        "text", "complaints", "praise", "status", "responded_at",
    ]  # fmt: skip
    by_id = {row[1]: row for row in rows}
    assert by_id["B1"][:9] == [
        "booking", "B1", "2026-03-01", "5.0", "10", "5.0", "en", "Ann",
        "Great location, but the room was dirty.",
    ]  # fmt: skip
    assert by_id["B1"][9:12] == ["cleanliness", "location", "answered"]
    assert by_id["B1"][12].startswith("2026-03-10")
    assert by_id["B2"][9:] == ["noise", "", "unanswered", ""]


def test_the_export_follows_the_list_filters(manager_client):
    ReviewFactory(text="Очень шумно.", rating=2, scale=5, external_id="LOW")
    ReviewFactory(text="Clean room.", rating=10, external_id="HIGH")
    rows = rows_of(manager_client.get("/reviews/export.csv?max_score=5"))
    assert [row[1] for row in rows[1:]] == ["LOW"]


def test_cells_a_spreadsheet_would_run_get_a_leading_quote(manager_client):
    # A plain signed number is left alone (guestdesk.csv); arithmetic on it is quoted.
    ReviewFactory(text='=HYPERLINK("http://x")', author="@admin", external_id="-1+1", rating=9)
    (_header, row) = rows_of(manager_client.get("/reviews/export.csv"))
    assert row[1] == "'-1+1"
    assert row[7] == "'@admin"
    assert row[8] == '\'=HYPERLINK("http://x")'


def test_the_export_runs_the_same_queries_for_any_number_of_reviews(manager_client):
    counts = []
    for _ in range(2):
        ReviewFactory(text="Noisy room, dirty carpet.", rating=2, scale=5)
        ReviewFactory(text="Great breakfast.", rating=9)
        with CaptureQueriesContext(connection) as queries:
            assert manager_client.get("/reviews/export.csv").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_agents_cannot_export_nor_see_the_button(agent_client):
    assert agent_client.get("/reviews/export.csv").status_code == 403
    assert 'data-testid="review-export"' not in agent_client.get("/reviews/").content.decode()


def test_managers_export_what_the_list_shows(manager_client):
    page = manager_client.get("/reviews/?max_score=5").content.decode()
    assert 'href="/reviews/export.csv?max_score=5"' in page
