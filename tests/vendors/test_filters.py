"""The directory's and the guide's FilterSets: defaults, and nonsense in the address."""

import pytest
from django.urls import reverse

from tests.vendors.conftest import make_place, make_supplier

pytestmark = pytest.mark.django_db
DIRECTORY = reverse("vendors:directory")
GUIDE = reverse("vendors:guide")


def suppliers(response):
    return [s.name for s in response.context["suppliers"]]


def places(response):
    return sorted(p.name_en for p in response.context["places"])


def test_the_directory_shows_active_suppliers_when_the_filter_is_nonsense(agent_client):
    make_supplier("Alem Taxi", categories=["taxi"])
    make_supplier("Old taxi", categories=["taxi"], active=False)
    make_supplier("Tickets", categories=["air"])
    response = agent_client.get(DIRECTORY, {"category": "taxi", "status": "everything"})
    assert suppliers(response) == ["Alem Taxi", "Tickets"]


def test_the_directory_combines_search_with_status(agent_client):
    make_supplier("Alem Taxi")
    make_supplier("Alem Old", active=False)
    response = agent_client.get(DIRECTORY, {"q": "alem", "status": "all"})
    assert suppliers(response) == ["Alem Old", "Alem Taxi"]


def test_the_guide_shows_active_places_when_the_filter_is_nonsense(agent_client):
    make_place("Kaganat", kind="lunch", price_level=1)
    make_place("Opera", kind="theatre", price_level=3)
    make_place("Closed down", kind="lunch", active=False)
    response = agent_client.get(GUIDE, {"kind": "lunch", "price": "99", "inactive": "on"})
    assert places(response) == ["Kaganat", "Opera"]


def test_the_guide_includes_inactive_places_only_when_asked(agent_client):
    make_place("Kaganat", kind="lunch")
    make_place("Closed down", kind="lunch", active=False)
    assert places(agent_client.get(GUIDE, {"kind": "lunch"})) == ["Kaganat"]
    response = agent_client.get(GUIDE, {"kind": "lunch", "inactive": "on"})
    assert places(response) == ["Closed down", "Kaganat"]
