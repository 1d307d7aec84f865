import datetime

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from guestdesk.registry import nav_for
from tests.vendors.conftest import make_place, make_supplier
from vendors import dashboard

pytestmark = pytest.mark.django_db


def request_for(user, path="/"):
    request = RequestFactory().get(path)
    request.user = user
    return request


def test_the_card_lists_contracts_to_renew_and_places_to_check(agent, django_assert_num_queries):
    today = timezone.localdate()
    make_supplier("Soon", contract_end=today + datetime.timedelta(days=3))
    make_supplier("Gone", contract_end=today - datetime.timedelta(days=3))
    make_supplier("Fine", contract_end=today + datetime.timedelta(days=300))
    make_supplier("Retired", contract_end=today - datetime.timedelta(days=3), active=False)
    make_place("Stale", last_verified=today - datetime.timedelta(days=200))
    request = request_for(agent)
    request.user._guestdesk_roles = frozenset({"Agent"})
    with django_assert_num_queries(2):
        (card,) = dashboard.cards(request)
    assert [s.name for s in card.context["suppliers"]] == ["Gone", "Soon"]
    assert card.context["places_to_check"] == 1


def test_department_members_get_no_card(department_member):
    make_supplier("Gone", contract_end=timezone.localdate() - datetime.timedelta(days=3))
    assert dashboard.cards(request_for(department_member)) == []


def test_the_dashboard_shows_the_card(agent_client):
    make_supplier("Gone", contract_end=timezone.localdate() - datetime.timedelta(days=3))
    html = agent_client.get(reverse("dashboard")).content.decode()
    assert 'data-testid="vendors-card"' in html and "Gone" in html


def test_navigation_by_role(agent, manager, department_member):
    def items(user):
        return {e["item"].url_name for e in nav_for(request_for(user)) if "vendors" in e["url"]}

    assert items(department_member) == {"vendors:directory", "vendors:guide"}
    assert items(agent) == {"vendors:directory", "vendors:guide"}
    assert items(manager) == {"vendors:directory", "vendors:guide", "vendors:commission_current"}
