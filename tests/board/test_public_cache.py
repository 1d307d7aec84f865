"""The guest page and calendar feed come from the cache until the board changes."""

from datetime import timedelta

import pytest

from board.models import Event
from tests.board.conftest import at, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def concert(venue, today):
    return make_event(venue, at(today, 20), title="Dombra concert", title_ru="Концерт домбры")


def test_it_serves_the_guest_page_again_without_the_database(
    client, concert, django_assert_num_queries
):
    first = client.get("/guest/")
    with django_assert_num_queries(0):
        again = client.get("/guest/")
    assert again.content == first.content
    assert "Dombra concert" in again.content.decode()


def test_it_keeps_one_page_per_language(client, concert):
    assert "Dombra concert" in client.get("/guest/?lang=en").content.decode()
    assert "Концерт домбры" in client.get("/guest/?lang=ru").content.decode()
    assert "Dombra concert" in client.get("/guest/?lang=en").content.decode()


@pytest.mark.parametrize("url", ["/guest/", "/guest/events.ics"])
def test_an_edit_shows_at_once(client, concert, url):
    assert "Dombra concert" in client.get(url).content.decode()
    concert.title_en = "Kuy evening"
    concert.save()
    body = client.get(url).content.decode()
    assert "Kuy evening" in body
    assert "Dombra concert" not in body


def test_a_new_or_deleted_event_shows_at_once(client, concert, venue, today):
    client.get("/guest/")
    make_event(venue, at(today + timedelta(days=1), 18), title="Chess evening")
    assert "Chess evening" in client.get("/guest/").content.decode()
    Event.objects.filter(pk=concert.pk).delete()
    assert "Dombra concert" not in client.get("/guest/").content.decode()


def test_private_events_stay_out_of_the_cached_page(admin_client, client, venue, today):
    make_event(venue, at(today, 12), title="Secret wedding", public=False)
    assert "Secret wedding" not in admin_client.get("/guest/").content.decode()
    assert "Secret wedding" not in client.get("/guest/").content.decode()
