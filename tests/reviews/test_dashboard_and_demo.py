import datetime

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from reviews import dashboard, demo
from reviews.models import Review, ReviewTopic
from tests.arrivals.factories import GuestFactory
from tests.reviews.factories import ReviewFactory

pytestmark = pytest.mark.django_db


def card_queries(user):
    request = RequestFactory().get("/")
    request.user = user
    with CaptureQueriesContext(connection) as queries:
        cards = dashboard.cards(request)
    return cards, len(queries)


def test_the_card_runs_the_same_queries_for_5_and_50_reviews(agent):
    today = timezone.localdate()
    counts = []
    for total in (5, 50):
        Review.objects.all().delete()
        for n in range(total):
            ReviewFactory(date=today - datetime.timedelta(days=n % 40), rating=3, text="Noisy.")
        agent = type(agent).objects.get(pk=agent.pk)
        cards, queries = card_queries(agent)
        counts.append(queries)
    assert counts[0] == counts[1] == 3  # roles, figures, top complaint
    assert cards[0].context["top"].code == "noise"


def test_department_members_get_no_card(department_member):
    cards, _ = card_queries(department_member)
    assert cards == []


def test_demo_is_idempotent_and_links_demo_guests():
    GuestFactory.create_batch(3)
    demo.load()
    first = (Review.objects.count(), ReviewTopic.objects.count())
    demo.load()
    assert (Review.objects.count(), ReviewTopic.objects.count()) == first
    assert first[0] == 60
    assert Review.objects.filter(guest__isnull=False).exists()
    assert set(Review.objects.values_list("language", flat=True)) == {"kk", "ru", "en"}
    assert Review.objects.values("source").distinct().count() == 7
