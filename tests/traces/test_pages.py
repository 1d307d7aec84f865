"""The department day page, the stay page's traces, the VIP list, the dashboard."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from digests.models import Digest, DigestSubscription
from guestdesk.models import OutboxMessage
from tests.arrivals.factories import GuestFactory, StayFactory, vip
from tests.traces.conftest import a_trace, department, in_days
from traces import services
from traces.models import Trace

pytestmark = pytest.mark.django_db

DAY_PAGE = "/departments/housekeeping/"


def test_it_shows_todays_and_overdue_traces_not_other_departments(department_client):
    a_trace(text="Qx-Today one")
    a_trace(text="Qx-Late one", due=in_days(-2))
    a_trace(text="Qx-Old done", due=in_days(-2), status="done")
    a_trace(text="Qx-Tomorrow", due=in_days(1))
    a_trace(code="food-beverage", text="Qx-Kitchen")
    html = department_client.get(DAY_PAGE).content.decode()
    assert "Qx-Today one" in html and "Qx-Late one" in html
    assert "Qx-Old done" not in html and "Qx-Tomorrow" not in html
    assert "Qx-Kitchen" not in html
    overdue = html.index('data-testid="traces-overdue"')
    assert overdue < html.index("Qx-Late one") < html.index('data-testid="traces-today"')


def test_a_member_goes_straight_to_their_department(department_client):
    response = department_client.get(reverse("traces:departments"))
    assert response.status_code == 302 and response["Location"] == DAY_PAGE


def test_arrivals_show_contacts_only_to_departments_that_may_call(agent_client):
    vip("VIP1").departments.add(department("housekeeping"), department("transport"))
    StayFactory(
        arrival_date=timezone.localdate(),
        vip_level=vip("VIP1"),
        guest=GuestFactory(last_name="Qx-Vipova", phone="+77019998877"),
    )
    html = agent_client.get(DAY_PAGE).content.decode()
    assert "Qx-Vipova" in html and "701 999 8877" not in html
    DigestSubscription.objects.create(
        department=department("transport"), language="ru", show_phone_numbers=True
    )
    html = agent_client.get("/departments/transport/").content.decode()
    assert "Qx-Vipova" in html and "701 999 8877" in html


def todays_digest(code="housekeeping"):
    outbox = OutboxMessage.objects.create(
        template="digests-daily",
        to=["hk@hotel.example"],
        subject="s",
        body_text="t",
        body_html="h",
        language="ru",
    )
    return Digest.objects.create(
        department=department(code), date=timezone.localdate(), outbox=outbox, vip_count=2
    )


def test_a_member_acknowledges_todays_digest_from_the_day_page(
    department_client, department_member
):
    digest = todays_digest()
    html = department_client.get(DAY_PAGE).content.decode()
    assert 'data-testid="digest-ack"' in html
    url = reverse("traces:acknowledge_digest", args=["housekeeping"])
    response = department_client.post(url, follow=True)
    assert "The digest is marked as read." in response.content.decode()
    digest.refresh_from_db()
    assert digest.acknowledged_by == department_member
    response = department_client.post(url, follow=True)
    assert "This digest was already marked as read." in response.content.decode()


def test_the_desk_reads_the_day_page_but_does_not_acknowledge(agent_client):
    digest = todays_digest()
    html = agent_client.get(DAY_PAGE).content.decode()
    assert 'data-testid="digest-ack"' not in html
    url = reverse("traces:acknowledge_digest", args=["housekeeping"])
    assert agent_client.post(url).status_code == 404
    digest.refresh_from_db()
    assert digest.acknowledged_at is None


def test_the_day_page_is_in_the_members_language(department_client):
    a_trace()
    department_client.cookies["django_language"] = "ru"
    html = department_client.get(DAY_PAGE, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Готово" in html


@pytest.mark.parametrize("count", [3, 60])
def test_the_day_page_runs_a_fixed_number_of_queries(
    count, department_client, django_assert_max_num_queries
):
    todays_digest()
    for i in range(count):
        stay = StayFactory(arrival_date=timezone.localdate(), vip_level=vip("VIP1"))
        a_trace(stay=stay, text=f"Qx-{i}")
        a_trace(stay=stay, text=f"Qx-late-{i}", due=in_days(-1))
    with django_assert_max_num_queries(16):
        html = department_client.get(DAY_PAGE).content.decode()
    assert html.count("data-trace=") == 2 * count


# -- the stay page ------------------------------------------------------------------------


def test_an_agent_adds_a_trace_from_the_stay_page(agent_client, agent):
    stay = StayFactory(arrival_date=in_days(2))
    page = agent_client.get(reverse("arrivals:stay", args=[stay.pk])).content.decode()
    assert 'data-testid="trace-form"' in page
    response = agent_client.post(
        reverse("traces:add", args=[stay.pk]),
        {
            "department": department("transport").pk,
            "due_date": in_days(2).isoformat(),
            "due_time": "06:40",
            "text": "Qx-Airport pickup, sign with the logo",
        },
        follow=True,
    )
    html = response.content.decode()
    assert "Trace added for Transport." in html
    assert "Qx-Airport pickup, sign with the logo" in html
    trace = Trace.objects.get(stay=stay)
    assert trace.created_by == agent and trace.due_time == datetime.time(6, 40)


def test_a_trace_needs_a_text_and_a_date(agent_client):
    stay = StayFactory(arrival_date=in_days(2))
    response = agent_client.post(
        reverse("traces:add", args=[stay.pk]),
        {"department": department("transport").pk, "due_date": "", "text": " "},
        follow=True,
    )
    assert "The trace was not added" in response.content.decode()
    assert not Trace.objects.exists()


def test_a_member_tasks_only_their_own_department_unless_the_hotel_allows(
    department_client, settings
):
    stay = StayFactory(arrival_date=in_days(2))
    data = {
        "department": department("spa").pk,
        "due_date": in_days(2).isoformat(),
        "text": "Qx-Spa",
    }
    url = reverse("traces:add", args=[stay.pk])
    department_client.post(url, data)
    assert not Trace.objects.exists()
    department_client.post(url, {**data, "department": department("housekeeping").pk})
    assert Trace.objects.get().department.code == "housekeeping"
    settings.GUESTDESK_TRACES_CROSS_DEPARTMENT = True
    department_client.post(url, data)
    assert Trace.objects.filter(department__code="spa").count() == 1


def test_a_member_sees_only_own_departments_traces_on_a_stay(department_client):
    stay = StayFactory(arrival_date=in_days(1))
    a_trace(stay=stay, text="Qx-Mine", due=in_days(1))
    a_trace(stay=stay, code="security", text="Qx-Theirs", due=in_days(1))
    html = department_client.get(reverse("arrivals:stay", args=[stay.pk])).content.decode()
    assert "Qx-Mine" in html and "Qx-Theirs" not in html


# -- the VIP list and the dashboard ------------------------------------------------------


def vip_list_url(day):
    return reverse("arrivals:vip_list", args=[day])


def test_the_vip_list_shows_open_and_done_per_department(manager_client, rules):
    stay = StayFactory(arrival_date=in_days(3), vip_level=vip("VIP1"), guest__last_name="Qx-Vipson")
    services.sync_stays([stay.pk])
    services.resolve(
        Trace.objects.get(stay=stay, text="Qx-Room check"), "done", None, expected="open"
    )
    html = manager_client.get(vip_list_url(in_days(3))).content.decode()
    row = html[
        html.index(
            f'data-stay="{stay.confirmation_number}"', html.index('data-testid="traces-vip"')
        ) :
    ]
    row = row[: row.index("</tr>")]
    housekeeping = 'data-department="housekeeping"><span class="badge text-bg-warning"'
    assert f'{housekeeping} data-open="1" data-done="1"' in row
    kitchen = 'data-department="food-beverage"><span class="badge text-bg-warning"'
    assert f'{kitchen} data-open="1" data-done="0"' in row


@pytest.mark.parametrize("count", [5, 60])
def test_the_vip_list_keeps_its_query_count_with_traces(
    count, manager_client, rules, django_assert_max_num_queries
):
    stays = [StayFactory(arrival_date=in_days(3), vip_level=vip("VIP1")) for _ in range(count)]
    services.sync_stays([s.pk for s in stays])
    with django_assert_max_num_queries(14):
        html = manager_client.get(vip_list_url(in_days(3))).content.decode()
    assert html.count('data-open="2"') == count  # housekeeping: fruit and room check
    assert html.count('data-open="1"') == count  # food & beverage: dessert


def test_the_dashboard_lists_open_traces_overdue_first(client, agent, department_member):
    agent_client = Client()
    agent_client.force_login(agent)
    department_client = Client()
    department_client.force_login(department_member)
    a_trace(text="Qx-Today", due=in_days(0))
    a_trace(text="Qx-Yesterday", due=in_days(-1))
    a_trace(code="spa", text="Qx-Spa today")
    html = agent_client.get(reverse("dashboard")).content.decode()
    card = html[html.index('data-testid="card-traces"') :]
    assert card.index("Qx-Yesterday") < card.index("Qx-Today")
    assert "Qx-Spa today" in card
    html = department_client.get(reverse("dashboard")).content.decode()
    card = html[html.index('data-testid="card-traces"') :]
    assert "Qx-Today" in card and "Qx-Spa today" not in card
