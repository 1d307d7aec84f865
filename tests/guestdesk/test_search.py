"""The quick search: one page of guests, stays and requests, as far as the user's role reaches."""

import pytest
from django.urls import reverse

from guestdesk import roles
from guestdesk.models import Department
from tests.conftest import client_for, make_user
from tests.requests_desk.factories import make_guest, make_request, make_stay

pytestmark = pytest.mark.django_db

URL = reverse("search")


def groups(response):
    return {group.label: group for group in response.context["groups"]}


def titles(group):
    return [result.title for result in group.results]


@pytest.fixture
def zulu():
    guest = make_guest(
        first_name="Qx", last_name="Zulu-Berg", email="zulu@guest.example", phone="+77015550101"
    )
    stay = make_stay(guest, confirmation_number="QXCONF-77", room="QX12")
    return guest, stay


def test_it_finds_a_guest_and_the_stay_by_name(agent_client, zulu):
    guest, stay = zulu
    response = agent_client.get(URL, {"q": "zulu-berg"})
    found = groups(response)
    assert titles(found["Guests"]) == ["Qx Zulu-Berg"]
    assert found["Guests"].results[0].url == reverse("arrivals:guest", args=[guest.pk])
    assert "zulu@guest.example" in found["Guests"].results[0].detail
    assert found["Stays"].results[0].url == reverse("arrivals:stay", args=[stay.pk])
    assert "QXCONF-77" in response.content.decode()


def test_it_finds_a_stay_by_confirmation_number_and_by_room(agent_client, zulu):
    _guest, stay = zulu
    for q in ("qxconf-77", "QX12"):
        found = groups(agent_client.get(URL, {"q": q}))
        assert [r.url for r in found["Stays"].results] == [reverse("arrivals:stay", args=[stay.pk])]


def test_it_finds_a_request_by_number(agent_client, zulu, agent):
    _guest, stay = zulu
    request_obj = make_request("transfer", stay=stay, created_by=agent)
    found = groups(agent_client.get(URL, {"q": request_obj.number}))
    assert [r.url for r in found["Requests"].results] == [request_obj.get_absolute_url()]
    assert "Qx Zulu-Berg" in found["Requests"].results[0].detail


def test_it_shows_a_department_member_stays_without_contacts_or_guest_profiles(
    department_client, zulu, agent
):
    _guest, stay = zulu
    make_request("transfer", stay=stay, created_by=agent)  # housekeeping is not routed transfers
    response = department_client.get(URL, {"q": "Zulu-Berg"})
    assert response.status_code == 200
    found = groups(response)
    assert set(found) == {"Stays"}
    page = response.content.decode()
    assert "zulu@guest.example" not in page
    assert "5550101" not in page
    assert reverse("arrivals:guest", args=[_guest.pk]) not in page


def test_it_shows_a_department_member_the_requests_routed_to_it(
    client, django_user_model, zulu, agent
):
    driver = make_user(django_user_model, "driver", roles.DEPARTMENT_MEMBER)
    Department.objects.get(code="transport").members.add(driver)
    _guest, stay = zulu
    transfer = make_request("transfer", stay=stay, created_by=agent)
    make_request("restaurant", stay=stay, created_by=agent)
    found = groups(client_for(client, driver).get(URL, {"q": "Zulu-Berg"}))
    assert [r.url for r in found["Requests"].results] == [transfer.get_absolute_url()]


def test_it_asks_for_two_characters_and_says_when_nothing_is_found(agent_client, zulu):
    response = agent_client.get(URL, {"q": "Q"})
    assert response.context["too_short"]
    assert response.context["groups"] == []
    response = agent_client.get(URL, {"q": "Nobody-Here"})
    assert "Nothing found for" in response.content.decode()


def test_it_refuses_people_without_a_staff_role(client, outsider):
    assert client_for(client, outsider).get(URL, {"q": "Zulu"}).status_code == 403


def test_it_says_when_there_are_more_than_shown(agent_client):
    for n in range(12):
        make_stay(make_guest(last_name=f"Qx-Many{n:02d}"))
    found = groups(agent_client.get(URL, {"q": "Qx-Many"}))
    assert len(found["Stays"].results) == 10
    assert found["Stays"].more


@pytest.mark.parametrize("size", [5, 150])
def test_it_runs_a_fixed_number_of_queries(
    agent_client, agent, django_assert_max_num_queries, size
):
    for n in range(size):
        stay = make_stay(make_guest(last_name=f"Qx-Crowd{n:03d}"))
        if n < 15:
            make_request("taxi", stay=stay, created_by=agent)
    # Session, user, groups, then one query per group: guests, stays, requests.
    with django_assert_max_num_queries(8):
        response = agent_client.get(URL, {"q": "Qx-Crowd"})
    assert len(groups(response)["Requests"].results) == min(size, 10)
    assert len(groups(response)["Stays"].results) == min(size, 10)


def test_the_search_box_is_in_the_top_bar_of_staff_pages(department_client):
    page = department_client.get(reverse("dashboard")).content.decode()
    assert f'action="{URL}"' in page
    assert 'name="q"' in page
