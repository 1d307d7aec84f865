"""The guest profile lists the guest's reviews through the panels registry."""

import datetime

import pytest
import time_machine

from reviews import panels
from tests.arrivals.factories import GuestFactory, StayFactory
from tests.reviews.factories import ReviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime.datetime(2026, 3, 10, 12), tick=False):
        yield


def test_reviews_matched_to_the_guest_or_the_guests_stays_are_shown(agent_client):
    guest = GuestFactory()
    stay = StayFactory(guest=guest, room="518")
    by_guest = ReviewFactory(guest=guest, text="Lovely breakfast.")
    by_stay = ReviewFactory(stay=stay, text="Very noisy at night, room by the lift.")
    someone_else = ReviewFactory(stay=StayFactory(), text="Dirty carpet in our room.")
    profile = agent_client.get(f"/arrivals/guests/{guest.pk}/").content.decode()
    assert 'data-testid="reviews-panel"' in profile
    assert f'href="/reviews/{by_guest.pk}/"' in profile
    assert f'href="/reviews/{by_stay.pk}/"' in profile and "room 518" in profile
    assert f'href="/reviews/{someone_else.pk}/"' not in profile


def test_a_review_matched_to_both_is_listed_once(agent_client):
    stay = StayFactory()
    review = ReviewFactory(guest=stay.guest, stay=stay, text="Clean room.")
    profile = agent_client.get(f"/arrivals/guests/{stay.guest.pk}/").content.decode()
    assert profile.count(f'href="/reviews/{review.pk}/"') == 1


def test_the_panel_is_for_the_desk_only(rf, department_member, agent):
    stay = StayFactory()
    ReviewFactory(guest=stay.guest, text="Clean room.")
    request = rf.get("/")
    request.user = department_member
    assert panels.panels(request, "guest", stay.guest) == []
    request.user = agent
    assert [card.template for card in panels.panels(request, "guest", stay.guest)] == [
        "reviews/_panel_reviews.html"
    ]
    assert panels.panels(request, "stay", stay) == []


def test_the_panel_query_count_does_not_grow(agent_client, django_assert_max_num_queries):
    guest = GuestFactory()
    stays = [StayFactory(guest=guest) for _ in range(3)]
    ReviewFactory(guest=guest, text="Clean.")
    with django_assert_max_num_queries(40) as small:
        agent_client.get(f"/arrivals/guests/{guest.pk}/")
    for index in range(15):
        ReviewFactory(stay=stays[index % 3], text="Noisy.")
    with django_assert_max_num_queries(len(small.captured_queries)):
        agent_client.get(f"/arrivals/guests/{guest.pk}/")
