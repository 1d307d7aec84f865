"""Service entries: the form with its weekly hours and exceptions, and its refusals."""

import pytest
from django.test import Client

from board.models import ServiceEntry

pytestmark = pytest.mark.django_db


def entry_data(hours=(), exceptions=(), **extra):
    data = {
        "category": "pool",
        "title_en": "Indoor pool",
        "title_ru": "Крытый бассейн",
        "order": "0",
        "is_public": "on",
        "hours-TOTAL_FORMS": str(len(hours)),
        "hours-INITIAL_FORMS": "0",
        "exceptions-TOTAL_FORMS": str(len(exceptions)),
        "exceptions-INITIAL_FORMS": "0",
    }
    for i, row in enumerate(hours):
        data.update({f"hours-{i}-{key}": value for key, value in row.items()})
    for i, row in enumerate(exceptions):
        data.update({f"exceptions-{i}-{key}": value for key, value in row.items()})
    data.update(extra)
    return data


def test_it_saves_an_entry_with_hours_and_a_holiday(agent_client):
    response = agent_client.post(
        "/board/info/new/",
        entry_data(
            hours=[{"weekday": "0", "opens": "07:00", "closes": "22:00"}],
            exceptions=[{"date": "2026-12-31", "closed": "on", "note": "New Year"}],
        ),
    )
    assert response.status_code == 302
    entry = ServiceEntry.objects.get()
    assert entry.title_ru == "Крытый бассейн"
    assert entry.hours.get().closes.hour == 22
    assert entry.exceptions.get().closed


def test_hours_closing_before_they_open_are_saved_as_running_into_the_next_day(agent_client):
    # Behaviour change: the "past midnight" tick is gone, the one rule of guestdesk.hours
    # reads 18:00–02:00 as closing at 02:00 the next day.
    hours = [{"weekday": "4", "opens": "18:00", "closes": "02:00"}]
    assert agent_client.post("/board/info/new/", entry_data(hours=hours)).status_code == 302
    period = ServiceEntry.objects.get().hours.get()
    assert (period.opens.hour, period.closes.hour, period.overnight) == (18, 2, True)


def test_the_form_no_longer_offers_a_past_midnight_tick(agent_client):
    html = agent_client.get("/board/info/new/").content.decode()
    assert "past_midnight" not in html
    assert "A closing time at or before the opening time means the next day" in html


def test_it_refuses_an_exception_without_hours_or_closed(agent_client):
    response = agent_client.post(
        "/board/info/new/", entry_data(exceptions=[{"date": "2026-12-31", "note": "Short day"}])
    )
    assert "Give the hours of that day, or tick “closed all day”." in response.content.decode()


def test_it_refuses_an_entry_without_a_title_in_any_language(agent_client):
    response = agent_client.post("/board/info/new/", entry_data(title_en="", title_ru=""))
    assert "Give a title in at least one language" in response.content.decode()
    assert not ServiceEntry.objects.exists()


def test_department_members_cannot_edit_entries(department_client):
    assert department_client.post("/board/info/new/", entry_data()).status_code == 403
    assert not ServiceEntry.objects.exists()


def test_a_manager_edits_and_deletes_an_entry(manager_client):
    entry = ServiceEntry.objects.create(category="gym", title_en="Gym")
    data = entry_data(category="gym", title_en="Fitness room", title_ru="")
    assert manager_client.post(f"/board/info/{entry.pk}/edit/", data).status_code == 302
    entry.refresh_from_db()
    assert entry.title_en == "Fitness room"
    assert manager_client.post(f"/board/info/{entry.pk}/delete/").status_code == 302
    assert not ServiceEntry.objects.exists()


def test_venues_are_a_managed_list(agent_client, department_member):
    department_client = Client()
    department_client.force_login(department_member)
    data = {"name_en": "Terrace", "name_kk": "Терраса", "order": "0", "active": "on"}
    assert agent_client.post("/board/venues/new/", data).status_code == 302
    assert "Terrace" in department_client.get("/board/venues/").content.decode()
    assert department_client.post("/board/venues/new/", data).status_code == 403
    nameless = agent_client.post("/board/venues/new/", {**data, "name_en": "", "name_kk": ""})
    assert "Give a title in at least one language" in nameless.content.decode()
