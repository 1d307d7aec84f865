from datetime import date, time, timedelta

import pytest
import time_machine
from django.urls import reverse

from arrivals.models import Stay
from tests.arrivals.factories import GuestFactory, StayFactory, vip

DAY = date(2026, 3, 2)
pytestmark = pytest.mark.django_db


def day_url(day=DAY, name="arrivals:day"):
    return reverse(name, kwargs={"day": day})


def make_stays(count):
    level = vip("VIP2")
    for n in range(count):
        guest = GuestFactory()
        StayFactory(guest=guest, arrival_date=DAY - timedelta(days=400), status="departed")
        StayFactory(guest=guest, vip_level=level if n % 3 == 0 else None)


@pytest.mark.parametrize(
    "name", ["arrivals:day", "arrivals:in_house", "arrivals:departures", "arrivals:export"]
)
def test_it_runs_the_same_queries_for_5_and_500_stays(
    agent_client, django_assert_max_num_queries, name
):
    make_stays(5)
    with django_assert_max_num_queries(12) as small:
        assert agent_client.get(day_url(name=name)).status_code == 200
    make_stays(495)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = agent_client.get(day_url(name=name))
    assert response.status_code == 200
    if name != "arrivals:export":
        # Session, user, roles, VIP levels, the rows: the plain day view offers the
        # nationalities and languages of its rows without asking the database again.
        assert len(small.captured_queries) == 5


def test_it_runs_the_same_queries_for_the_vip_list(manager_client, django_assert_max_num_queries):
    make_stays(5)
    with django_assert_max_num_queries(12) as small:
        manager_client.get(day_url(name="arrivals:vip_list"))
    make_stays(495)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = manager_client.get(day_url(name="arrivals:vip_list"))
    assert len(response.context["stays"]) == 167


def test_it_shows_the_days_arrivals_with_totals(agent_client):
    returning = GuestFactory(first_name="Ерғали", last_name="Құдайбергенов")
    StayFactory(guest=returning, arrival_date=date(2025, 1, 1), status="departed")
    StayFactory(guest=returning, vip_level=vip(), adults=2, children=1, room="701")
    StayFactory(guest__last_name="Smith")
    StayFactory(arrival_date=DAY + timedelta(days=1), guest__last_name="Tomorrow")
    StayFactory(status="cancelled", guest__last_name="Cancelled")
    response = agent_client.get(day_url())
    html = response.content.decode()
    assert "Ерғали Құдайбергенов" in html and "Smith" in html
    assert "Tomorrow" not in html and "Cancelled" not in html
    totals = response.context["totals"]
    assert (totals["stays"], totals["vips"], totals["returning"]) == (2, 1, 1)
    assert totals["adults"] + totals["children"] == 4
    assert 'class="badge vip-badge vip-red"' in html
    assert html.count('data-testid="returning"') == 1


def test_today_is_the_hotels_date(agent_client):
    # 20:30 UTC on 1 March is already 2 March in Almaty.
    with time_machine.travel("2026-03-01 20:30:00+00:00", tick=False):
        StayFactory(guest__last_name="Today")
        response = agent_client.get(reverse("arrivals:today"))
    assert response.context["day"] == DAY
    assert "Today" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"vip": "vip"}, {"Vip"}),
        ({"vip": "VIP1"}, {"Vip"}),
        ({"vip": "none"}, {"Plain", "Ivanov", "Late"}),
        ({"returning": "yes"}, {"Ivanov"}),
        ({"q": "ivan"}, {"Ivanov"}),
        ({"q": "701"}, {"Vip"}),
        ({"q": "CONF-LATE"}, {"Late"}),
        ({"nationality": "DE"}, {"Plain"}),
        ({"language": "ru"}, {"Ivanov"}),
        ({"eta_from": "18:00"}, {"Late"}),
        ({"eta_to": "12:00"}, {"Vip"}),
        ({"status": "in_house"}, {"Plain"}),
        ({"status": "all"}, {"Vip", "Plain", "Ivanov", "Late", "Gone"}),
    ],
)
def test_it_filters(agent_client, query, expected):
    StayFactory(guest__last_name="Vip", vip_level=vip(), room="701", eta=time(10, 0))
    StayFactory(guest__last_name="Plain", guest__nationality="DE", status="in_house")
    ivanov = GuestFactory(last_name="Ivanov", language="ru")
    StayFactory(guest=ivanov, arrival_date=date(2025, 5, 1), status="departed")
    StayFactory(guest=ivanov)
    StayFactory(guest__last_name="Late", confirmation_number="CONF-LATE", eta=time(21, 0))
    StayFactory(guest__last_name="Gone", status="cancelled")
    response = agent_client.get(day_url(), query)
    assert {stay.last_name for stay in response.context["stays"]} == expected


@pytest.mark.parametrize(
    ("sort", "first"), [("eta", "Early"), ("name", "Aardvark"), ("room", "Early"), ("vip", "Vip")]
)
def test_it_sorts(agent_client, sort, first):
    StayFactory(guest__last_name="Early", eta=time(8, 0), room="101")
    StayFactory(guest__last_name="Aardvark", eta=time(12, 0), room="900")
    StayFactory(guest__last_name="Vip", eta=time(20, 0), room="500", vip_level=vip())
    response = agent_client.get(day_url(), {"sort": sort})
    assert response.context["stays"][0].last_name == first


def test_in_house_and_departures(agent_client):
    StayFactory(guest__last_name="Staying", arrival_date=DAY - timedelta(days=2), status="in_house")
    StayFactory(
        guest__last_name="Leaving",
        arrival_date=DAY - timedelta(days=3),
        departure_date=DAY,
        status="in_house",
    )
    StayFactory(guest__last_name="NoShow", arrival_date=DAY - timedelta(days=1), status="no_show")
    in_house = agent_client.get(day_url(name="arrivals:in_house")).context["stays"]
    assert [s.last_name for s in in_house] == ["Staying"]
    leaving = agent_client.get(day_url(name="arrivals:departures")).context["stays"]
    assert [s.last_name for s in leaving] == ["Leaving"]


def test_department_member_reads_without_contacts_or_actions(department_client):
    StayFactory(
        guest__email="secret@example.kz",
        guest__phone="+77019876543",
        security_note="Bodyguard next door",
    )
    response = department_client.get(day_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "secret@example.kz" not in html and "987 6543" not in html
    assert "Bodyguard" not in html
    assert "stay_status" not in html and "/status/" not in html
    export = department_client.get(day_url(name="arrivals:export")).content.decode()
    assert "secret@example.kz" not in export and "Email" not in export
    detail = department_client.get(reverse("arrivals:stay", args=[Stay.objects.get().pk]))
    assert "secret@example.kz" not in detail.content.decode()


def test_security_department_sees_the_security_note(department_member, client):
    from guestdesk.models import Department

    Department.objects.get(code="security").members.add(department_member)
    client.force_login(department_member)
    StayFactory(security_note="Bodyguard next door")
    assert "Bodyguard next door" in client.get(day_url()).content.decode()


def test_agent_sees_contacts(agent_client):
    StayFactory(guest__email="guest@example.kz")
    assert "guest@example.kz" in agent_client.get(day_url()).content.decode()


def test_department_member_cannot_change_a_stay(department_client):
    stay = StayFactory()
    url = reverse("arrivals:stay_status", args=[stay.pk])
    response = department_client.post(url, {"status": "in_house", "from": "expected"})
    assert response.status_code == 403
    stay.refresh_from_db()
    assert stay.status == "expected"


def test_csv_export_keeps_filters_and_names(agent_client):
    StayFactory(guest__first_name="Әсем", guest__last_name="Нұрланқызы", vip_level=vip())
    StayFactory(guest__last_name="Plain")
    response = agent_client.get(day_url(name="arrivals:export"), {"vip": "vip"})
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert "Әсем Нұрланқызы" in text and "Plain" not in text
    assert text.splitlines()[0].startswith("Confirmation,Guest,VIP")


def test_the_day_picker_without_javascript_redirects(agent_client):
    response = agent_client.get(reverse("arrivals:today"), {"day": "2026-04-01"})
    assert response.status_code == 302
    assert response.url == "/arrivals/2026-04-01/"


def test_print_layout_is_a4_landscape():
    from pathlib import Path

    css = (Path(__file__).resolve().parents[2] / "static/css/arrivals.css").read_text()
    assert "size: A4 landscape" in css and "@media print" in css


def test_the_list_dates_are_indexed():
    indexed = {f.name for f in Stay._meta.fields if f.db_index}
    assert {"arrival_date", "departure_date"} <= indexed


@pytest.mark.parametrize(
    ("language", "words"),
    [("kk", ["Келушілер", "Келу уақыты"]), ("ru", ["Заезды", "Время прибытия"])],
)
def test_it_speaks_kazakh_and_russian(agent_client, language, words):
    StayFactory(vip_level=vip(), status="in_house")
    agent_client.cookies["django_language"] = language
    for url in (day_url(), day_url(name="arrivals:vip_list"), reverse("arrivals:imports")):
        assert agent_client.get(url).status_code == 200
    html = agent_client.get(day_url()).content.decode()
    for word in words:
        assert word in html
