"""StayFilter: the daily lists' filters as a FilterSet; defaults and nonsense in the URL."""

from datetime import time

import pytest

from arrivals.filters import StayFilter
from arrivals.models import Stay, VipLevel
from tests.arrivals.factories import StayFactory, vip
from tests.arrivals.test_lists import day_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def stays():
    StayFactory(guest__last_name="Vip", vip_level=vip(), eta=time(10, 0))
    StayFactory(guest__last_name="Plain", eta=time(16, 0))
    StayFactory(guest__last_name="Gone", status="cancelled")


def names(response):
    return [stay.last_name for stay in response.context["stays"]]


def test_nonsense_in_the_address_filters_nothing_rather_than_half(agent_client, stays):
    # A valid VIP filter beside an invalid ETA: the whole filter is ignored, the list is the
    # default one (all but cancelled, by ETA) and the form shows the values as typed.
    response = agent_client.get(day_url(), {"vip": "vip", "eta_from": "nonsense"})
    assert names(response) == ["Vip", "Plain"]
    page = response.content.decode()
    assert 'value="nonsense"' in page
    # Nothing narrows the list, so the filters do not say they are on, nor count the rows.
    assert '<details class="filters mb-3 d-print-none">' in page
    assert 'badge text-bg-primary">on<' not in page and "stays shown" not in page
    # The same filter asked sensibly does say so.
    page = agent_client.get(day_url(), {"vip": "vip"}).content.decode()
    assert '<details class="filters mb-3 d-print-none" open>' in page
    assert 'badge text-bg-primary">on<' in page and "1 stay shown" in page


def test_filters_combine(agent_client, stays):
    response = agent_client.get(day_url(), {"vip": "none", "status": "all", "sort": "name"})
    assert names(response) == ["Gone", "Plain"]


def test_first_stays_only(agent_client, stays):
    assert names(agent_client.get(day_url(), {"returning": "no"})) == ["Vip", "Plain"]


def test_an_unknown_vip_level_is_refused_not_guessed(agent_client, stays):
    response = agent_client.get(day_url(), {"vip": "VIP99"})
    assert names(response) == ["Vip", "Plain"]


def test_the_form_offers_the_same_choices_without_an_extra_blank_line():
    levels = list(VipLevel.objects.all())
    filters = StayFilter(None, Stay.objects.for_lists(), levels)
    form = filters.form
    vip_choices = [value for value, _label in form.fields["vip"].choices]
    assert vip_choices[:3] == ["", "vip", "none"] and vip_choices.count("") == 1
    assert [value for value, _ in form.fields["sort"].choices][0] == "eta"
    assert "---------" not in str(form)
    assert not filters.active
