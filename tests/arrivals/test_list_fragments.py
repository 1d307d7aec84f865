"""The day lists' tabs, header and filters are drawn once per key and kept in memory
(arrivals/views.py, _fragment_key): what a user sees in them still follows the day's
guests, the language, the user's role, the filters asked and the date."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from arrivals.models import VipLevel
from tests.arrivals.factories import StayFactory, vip
from tests.conftest import client_for
from tests.pages import options

DAY = date(2026, 3, 2)
pytestmark = pytest.mark.django_db


def page(client, day=DAY, **params) -> str:
    response = client.get(reverse("arrivals:day", kwargs={"day": day}), params)
    assert response.status_code == 200
    return response.content.decode()


def test_a_new_nationality_on_the_day_is_offered_at_once(agent_client):
    StayFactory(guest__nationality="DE", guest__language="de")
    first = page(agent_client)
    assert [value for value, _text, _on in options(first, "nationality")] == ["", "DE"]
    StayFactory(guest__nationality="KZ", guest__language="kk")  # imported a minute later
    again = page(agent_client)
    assert [text for _value, text, _on in options(again, "nationality")] == [
        "All nationalities",
        "Germany",
        "Kazakhstan",
    ]
    assert sorted(value for value, _text, _on in options(again, "language")) == ["", "de", "kk"]


def test_the_filters_speak_the_users_language(agent_client):
    StayFactory(guest__nationality="DE")
    assert ("DE", "Germany", False) in options(page(agent_client), "nationality")
    agent_client.cookies["django_language"] = "ru"
    russian = page(agent_client)
    assert ("DE", "Германия", False) in options(russian, "nationality")
    assert "Фильтры и сортировка" in russian
    agent_client.cookies["django_language"] = "kk"
    kazakh = page(agent_client)
    assert options(kazakh, "nationality")[0] == ("", "Барлық елдер", True)
    assert "Сүзгілер мен сұрыптау" in kazakh


def test_a_filter_asked_is_shown_chosen_and_the_plain_list_forgets_it(agent_client):
    StayFactory(guest__nationality="DE")
    asked = page(agent_client, sort="name", nationality="DE")
    assert ("name", "Name", True) in options(asked, "sort")
    assert ("DE", "Germany", True) in options(asked, "nationality")
    assert '<details class="filters mb-3 d-print-none" open>' in asked
    plain = page(agent_client)
    assert ("name", "Name", False) in options(plain, "sort")
    assert not any(chosen for value, _text, chosen in options(plain, "nationality") if value)
    assert '<details class="filters mb-3 d-print-none">' in plain


def test_a_new_vip_level_is_offered(agent_client):
    StayFactory(vip_level=vip("VIP1"))
    assert "CIP" not in [value for value, _t, _on in options(page(agent_client), "vip")]
    VipLevel.objects.create(code="CIP", name="Commercially important", rank=9)
    assert "CIP" in [value for value, _t, _on in options(page(agent_client), "vip")]


def test_tabs_follow_the_users_role(client, agent, department_member):
    StayFactory()
    vip_tab = reverse("arrivals:vip_list", kwargs={"day": DAY})
    actions_column = '<span class="visually-hidden">Actions</span>'
    desk = page(client_for(client, agent))
    assert f'href="{vip_tab}"' in desk and actions_column in desk
    client.logout()
    reader = page(client_for(client, department_member))
    assert f'href="{vip_tab}"' not in reader and actions_column not in reader


def test_the_today_button_shows_on_other_days_only(agent_client):
    today = timezone.localdate()
    today_url = reverse("arrivals:day", kwargs={"day": today})
    assert f'href="{today_url}">Today</a>' not in page(agent_client, day=today)
    assert f'href="{today_url}">Today</a>' in page(agent_client, day=today + timedelta(days=1))


def test_rows_name_countries_and_buttons_in_the_users_language(agent_client):
    """Country names and a status's buttons are kept per process too, per language."""
    StayFactory(guest__nationality="DE")
    english = page(agent_client)
    assert '<span title="Germany">DE</span>' in english
    assert 'data-action="arrived">Arrived</button>' in english
    agent_client.cookies["django_language"] = "ru"
    russian = page(agent_client)
    assert '<span title="Германия">DE</span>' in russian
    assert 'data-action="arrived">Прибыл</button>' in russian
    assert 'data-confirm="Отменить это проживание?">Отмена</button>' in russian
