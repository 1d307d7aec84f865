from datetime import date, timedelta

import pytest
import time_machine
from django.urls import reverse

from arrivals import flow
from tests.arrivals.factories import GuestFactory, StayFactory, vip

pytestmark = pytest.mark.django_db
DAY = date(2026, 3, 2)


def test_figures_per_day():
    returning = GuestFactory(nationality="DE")
    StayFactory(guest=returning, arrival_date=date(2025, 1, 1), status="departed")
    StayFactory(guest=returning, arrival_date=DAY, departure_date=DAY + timedelta(days=2))
    StayFactory(
        arrival_date=DAY, departure_date=DAY + timedelta(days=1), vip_level=vip(), status="in_house"
    )
    StayFactory(arrival_date=DAY, status="cancelled")
    days = {d.day: d for d in flow.figures(DAY - timedelta(days=1), DAY + timedelta(days=2))}
    today = days[DAY]
    assert (today.arrivals, today.vip_arrivals, today.in_house) == (2, 1, 2)
    assert today.returning_share == 50
    assert set(today.top_nationalities) == {"DE", "KZ"}
    assert days[DAY + timedelta(days=1)].departures == 1
    assert days[DAY + timedelta(days=1)].in_house == 1
    assert days[DAY + timedelta(days=2)].departures == 1
    assert days[DAY - timedelta(days=1)].arrivals == 0


def test_flow_page_runs_fixed_queries(agent_client, django_assert_max_num_queries):
    with time_machine.travel("2026-03-02 09:00:00+05:00", tick=False):
        for _n in range(5):
            StayFactory()
        with django_assert_max_num_queries(10) as small:
            agent_client.get(reverse("arrivals:flow"))
        for n in range(200):
            StayFactory(arrival_date=DAY + timedelta(days=n % 20 - 10))
        with django_assert_max_num_queries(len(small.captured_queries)):
            response = agent_client.get(reverse("arrivals:flow"))
    assert len(response.context["days"]) == 29
    html = response.content.decode()
    assert 'id="flow-data"' in html and "chart.umd.min.js" in html and "<script>" not in html


def test_department_members_see_the_flow(department_client):
    assert department_client.get(reverse("arrivals:flow")).status_code == 200


def test_dashboard_cards(agent_client, django_assert_max_num_queries):
    with time_machine.travel("2026-03-02 09:00:00+05:00", tick=False):
        StayFactory(vip_level=vip(), guest__last_name="Dashboardova")
        with django_assert_max_num_queries(25) as small:
            html = agent_client.get(reverse("dashboard")).content.decode()
        for _n in range(50):
            StayFactory(vip_level=vip())
        with django_assert_max_num_queries(len(small.captured_queries)):
            agent_client.get(reverse("dashboard"))
    assert 'data-testid="card-arrivals"' in html and "Dashboardova" in html
    assert "VIP not reviewed yet" in html


def test_demo_data_loads_twice_without_duplicates():
    from arrivals import demo
    from arrivals.models import Guest, Stay

    demo.load()
    counts = (Guest.objects.count(), Stay.objects.count())
    demo.load()
    assert (Guest.objects.count(), Stay.objects.count()) == counts
    assert counts[0] == 40
    kazakh = "[әғқңөұүһіӘҒҚҢӨҰҮҺІ]"
    assert Guest.objects.filter(last_name__regex=kazakh).count() >= 8
