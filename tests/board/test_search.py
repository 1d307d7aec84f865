"""Staff search: a question typed at the desk finds the entry in any language."""

import re

import pytest

from board.search import words_of
from tests.board.conftest import make_entry

pytestmark = pytest.mark.django_db


def categories(response):
    return re.findall(r'data-category="(\w+)"', response.content.decode())


@pytest.fixture
def entries():
    make_entry("pool", "Indoor pool", title_ru="Крытый бассейн", title_kk="Жабық бассейн")
    make_entry("spa", "Spa", description_en="Massage by appointment")
    make_entry("breakfast", "Breakfast", title_ru="Завтрак", title_kk="Таңғы ас")
    make_entry("other", "Staff canteen", public=False)


def test_question_words_are_dropped():
    assert words_of("What time does the pool close?") == ["pool"]
    assert words_of("Когда закрывается бассейн?") == ["бассе"]
    assert words_of("Бассейн қашан жабылады?") == ["бассе"]


@pytest.mark.parametrize(
    "question",
    ["what time does the pool close?", "когда закрывается бассейн", "бассейн қашан жабылады"],
)
def test_it_finds_the_pool_in_every_language(agent_client, entries, question):
    response = agent_client.get("/board/", {"q": question})
    assert categories(response) == ["pool"]
    assert "Indoor pool" in response.content.decode()


def test_it_searches_descriptions_and_groups_by_category(agent_client, entries):
    response = agent_client.get("/board/", {"q": "massage"})
    assert categories(response) == ["spa"]


def test_staff_see_staff_only_entries_unless_they_ask_for_the_guest_view(agent_client, entries):
    assert "Staff canteen" in agent_client.get("/board/").content.decode()
    guest_view = agent_client.get("/board/", {"public_only": "on"}).content.decode()
    assert "Staff canteen" not in guest_view


def test_a_question_of_stop_words_only_finds_nothing(agent_client, entries):
    response = agent_client.get("/board/", {"q": "what time?"})
    assert categories(response) == []
    assert "Nothing found" in response.content.decode()


def test_the_board_shows_open_now(agent_client):
    make_entry("wifi", "Wi-Fi", always_open=True)
    assert "Open 24 hours" in agent_client.get("/board/").content.decode()


def entry_titles(response):
    return re.findall(r'<h3 class="h6 card-title mb-1">([^<]*)</h3>', response.content.decode())


def test_a_title_counts_twice_and_the_best_category_comes_first(agent_client):
    # "pool" in a restaurant's title (2) beats the pool category's name (1 for each entry).
    make_entry("pool", "Outdoor basin", order=1)
    make_entry("pool", "Indoor basin", description_ru="Подогреваемый pool", order=2)
    make_entry("restaurant", "Pool bar")
    make_entry("restaurant", "Lobby bar")
    make_entry("gym", "Gym")
    response = agent_client.get("/board/", {"q": "pool"})
    assert categories(response) == ["restaurant", "pool"]
    # Within a category: the entries' own order (equal scores).
    assert entry_titles(response) == ["Pool bar", "Outdoor basin", "Indoor basin"]


def test_the_words_found_add_up_within_a_category(agent_client):
    make_entry("spa", "Sauna", order=1)  # 2
    make_entry("spa", "Massage room", location_en="Next to the sauna", order=2)  # 2 + 1
    make_entry("spa", "Hammam", description_en="Massage and sauna", order=3)  # 1 + 1
    make_entry("spa", "Pool", order=0)  # 0: not found
    response = agent_client.get("/board/", {"q": "sauna massage"})
    assert entry_titles(response) == ["Massage room", "Sauna", "Hammam"]


def test_like_wildcards_in_a_word_are_taken_literally(agent_client):
    make_entry("business", "Room a_b")
    make_entry("business", "Room axb")
    response = agent_client.get("/board/", {"q": "a_b"})
    assert entry_titles(response) == ["Room a_b"]
