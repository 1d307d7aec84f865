"""Board pages run a fixed number of queries whatever the number of entries and events."""

from datetime import time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from board.models import Event, HoursException, OpeningHours, ServiceEntry
from guestdesk.models import Department
from tests.board.conftest import at, make_venue

pytestmark = pytest.mark.django_db

PAGES = {
    "/board/": "agent",
    "/board/?q=pool+spa": "agent",
    "/board/events/": "agent",
    "/board/events/week/": "agent",
    "/board/venues/": "agent",
    "/guest/": None,
    "/guest/today/": None,
    "/guest/events.ics": None,
}


def populate(n, today):
    venues = [make_venue(f"Hall {i}") for i in range(3)]
    departments = list(Department.objects.all()[:2])
    categories = [c for c, _ in ServiceEntry.Category.choices]
    entries = ServiceEntry.objects.bulk_create(
        ServiceEntry(
            category=categories[i % len(categories)],
            title_en=f"Pool {i}",
            title_kk=f"Бассейн {i}",
            is_public=i % 3 != 0,
        )
        for i in range(n)
    )
    OpeningHours.objects.bulk_create(
        OpeningHours(entry=e, weekday=d, opens=time(7), closes=time(22))
        for e in entries
        for d in range(7)
    )
    HoursException.objects.bulk_create(
        HoursException(entry=e, date=today, closed=True) for e in entries[::5]
    )
    events = Event.objects.bulk_create(
        Event(
            title_en=f"Event {i}",
            venue=venues[i % 3],
            starts_at=at(today + timedelta(days=i % 7), 8) + timedelta(minutes=i),
            ends_at=at(today + timedelta(days=i % 7), 9) + timedelta(minutes=i),
            is_public=i % 2 == 0,
        )
        for i in range(n)
    )
    Event.departments.through.objects.bulk_create(
        Event.departments.through(event=e, department=d) for e in events for d in departments
    )


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize("size", [5, 500])
def test_board_pages_have_a_fixed_query_count(client, agent, size, today, record_property):
    populate(size, today)
    counts = {}
    for url, user in PAGES.items():
        client.logout()
        if user:
            client.force_login(agent)
        counts[url] = count_queries(client, url)
    record_property("queries", counts)
    print(size, counts)
    # Same ceilings for 5 and 500 rows (session, user and roles are the first queries).
    ceilings = {
        "/board/": 6,
        "/board/?q=pool+spa": 6,
        "/board/events/": 7,
        "/board/events/week/": 7,
        "/board/venues/": 5,
        "/guest/": 4,
        "/guest/today/": 4,
        "/guest/events.ics": 1,
    }
    over = {u: (counts[u], ceilings[u]) for u in PAGES if counts[u] > ceilings[u]}
    assert not over, over


def test_event_detail_is_fixed_too(agent_client, django_assert_max_num_queries, today):
    populate(5, today)
    event = Event.objects.first()
    with django_assert_max_num_queries(7):
        agent_client.get(f"/board/events/{event.pk}/")


@pytest.mark.parametrize("size", [5, 500])
def test_the_dashboard_card_is_one_query(rf, agent, size, today, django_assert_num_queries):
    from board.dashboard import cards
    from guestdesk.roles import roles_of

    populate(size, today)
    request = rf.get("/")
    request.user = agent
    roles_of(agent)  # the roles are cached per request by the dashboard already
    with django_assert_num_queries(1):
        [card] = cards(request)
    assert len(card.context["events"]) == Event.objects.on_day(today).count()


@pytest.mark.parametrize("size", [5, 500])
def test_the_board_shows_fifty_entries_a_page_and_prints_them_all(
    agent_client, size, today, django_assert_max_num_queries
):
    populate(size, today)
    agent_client.get("/board/")  # warm the session and role caches
    with django_assert_max_num_queries(7):
        html = agent_client.get("/board/").content.decode()
    assert html.count('class="card board-entry') == min(size, 50)
    assert ("Page 1 of 10" in html) == (size == 500)
    with django_assert_max_num_queries(7):
        html = agent_client.get("/board/", {"print": "1"}).content.decode()
    assert html.count('class="card board-entry') == size
    assert "Page 1 of" not in html


def test_board_pages_come_after_the_search(agent_client, today):
    populate(120, today)
    html = agent_client.get("/board/", {"q": "pool", "public_only": "on", "page": "2"})
    html = html.content.decode()
    # 80 public entries match: the second page holds the last 30, the link keeps the search
    assert html.count('class="card board-entry') == 30
    assert "Page 2 of 2" in html
    assert "q=pool&amp;public_only=on&amp;page=1" in html
    assert "board-entry-private" not in html
