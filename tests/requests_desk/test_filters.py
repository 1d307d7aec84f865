"""BoardFilter: the request board's filters; the status tabs count under the other filters."""

import pytest
from django.urls import reverse

from tests.requests_desk.factories import make_request

pytestmark = pytest.mark.django_db
BOARD = reverse("requests_desk:board")


@pytest.fixture
def requests(agent):
    return {
        "taxi_new": make_request("taxi", created_by=agent),
        "taxi_done": make_request("taxi", created_by=agent, status="done"),
        "air_new": make_request("air", created_by=agent),
    }


def numbers(response):
    return {row[0].number for row in response.context["rows"]}


def counts(response):
    return {tab.status: tab.number for tab in response.context["tabs"]}


def test_the_status_tabs_count_every_status_of_the_filtered_type(agent_client, requests):
    response = agent_client.get(BOARD, {"type": "taxi", "status": "done"})
    assert numbers(response) == {requests["taxi_done"].number}
    assert counts(response)["new"] == 1 and counts(response)["done"] == 1


def test_open_is_the_default_and_all_shows_closed_ones_too(agent_client, requests):
    assert requests["taxi_done"].number not in numbers(agent_client.get(BOARD))
    assert numbers(agent_client.get(BOARD, {"status": "all"})) == {
        r.number for r in requests.values()
    }


def test_mine_shows_only_the_agents_own_requests(agent_client, agent, requests):
    # Nothing is assigned yet: "mine" shows none, the box stays ticked.
    response = agent_client.get(BOARD, {"mine": "on"})
    assert numbers(response) == set()
    assert 'name="mine" class="form-check-input" id="id_mine" checked' in (
        response.content.decode()
    )


def test_a_bad_date_filters_nothing(agent_client, requests):
    response = agent_client.get(BOARD, {"type": "air", "due_from": "soon"})
    assert numbers(response) == {requests["taxi_new"].number, requests["air_new"].number}
