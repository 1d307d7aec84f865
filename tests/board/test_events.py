"""Events: the digest contract, the forms and their refusals, who may edit."""

from datetime import timedelta

import pytest

from board.models import Event
from guestdesk.models import Department
from tests.board.conftest import at, make_event, make_venue

pytestmark = pytest.mark.django_db


def form_data(venue, start, end, **extra):
    data = {
        "title_en": "Jazz night",
        "venue": venue.pk,
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": end.strftime("%Y-%m-%dT%H:%M"),
        "is_public": "on",
    }
    data.update(extra)
    return data


def test_on_day_finds_events_touching_the_hotel_date_including_overnight(venue, today):
    evening = make_event(venue, at(today, 22), hours=4, title="Overnight party")
    tomorrow = today + timedelta(days=1)
    assert list(Event.objects.on_day(today)) == [evening]
    assert list(Event.objects.on_day(tomorrow)) == [evening]
    assert not Event.objects.on_day(today + timedelta(days=2)).exists()


def test_public_leaves_private_events_out(venue, today):
    make_event(venue, at(today, 10), title="Wedding", public=False)
    concert = make_event(venue, at(today, 20), title="Concert")
    assert list(Event.objects.on_day(today).public()) == [concert]


def test_departments_reach_their_events_for_the_digest(venue, today):
    security = Department.objects.get(code="security")
    wedding = make_event(venue, at(today, 18), title="Wedding", public=False)
    wedding.departments.add(security)
    assert list(security.events.all()) == [wedding]
    assert list(Event.objects.on_day(today).filter(departments=security)) == [wedding]


def test_it_lets_an_agent_create_an_event(agent_client, venue, today, agent):
    response = agent_client.post(
        "/board/events/new/",
        form_data(
            venue,
            at(today, 19),
            at(today, 21),
            departments=[Department.objects.get(code="security").pk],
            staff_notes="Piano",
        ),
    )
    event = Event.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/board/events/{event.pk}/"
    assert event.created_by == agent
    assert event.title_en == "Jazz night"


def test_it_refuses_an_event_ending_before_it_starts(agent_client, venue, today):
    response = agent_client.post(
        "/board/events/new/", form_data(venue, at(today, 21), at(today, 19))
    )
    assert response.status_code == 200
    assert "The event ends before it starts." in response.content.decode()
    assert not Event.objects.exists()


def test_it_refuses_an_event_without_a_title_in_any_language(agent_client, venue, today):
    data = form_data(venue, at(today, 19), at(today, 21), title_en="  ")
    response = agent_client.post("/board/events/new/", data)
    assert "Give a title in at least one language" in response.content.decode()
    assert not Event.objects.exists()


def test_a_title_in_kazakh_alone_is_enough(agent_client, venue, today):
    data = form_data(venue, at(today, 19), at(today, 21), title_en="", title_kk="Джаз кеші")
    assert agent_client.post("/board/events/new/", data).status_code == 302
    assert Event.objects.get().title_kk == "Джаз кеші"


def test_it_refuses_an_overlap_in_the_same_venue_for_an_agent(agent_client, venue, today):
    make_event(venue, at(today, 18), hours=5, title="Wedding", public=False)
    data = form_data(venue, at(today, 20), at(today, 22), confirm_overlap="on")
    response = agent_client.post("/board/events/new/", data)
    body = response.content.decode()
    assert "Grand ballroom is already booked at that time" in body
    assert "“Wedding”" in body
    assert "ask a manager to confirm it" in body
    assert "confirm_overlap" not in body  # agents are not offered the override
    assert Event.objects.count() == 1


def test_a_manager_must_tick_the_confirmation_to_overlap(manager_client, manager, venue, today):
    make_event(venue, at(today, 18), hours=5, title="Wedding", public=False)
    data = form_data(venue, at(today, 20), at(today, 22))
    refused = manager_client.post("/board/events/new/", data)
    assert "Tick “Overlap on purpose”" in refused.content.decode()
    assert Event.objects.count() == 1

    accepted = manager_client.post("/board/events/new/", {**data, "confirm_overlap": "on"})
    assert accepted.status_code == 302
    assert Event.objects.get(title_en="Jazz night").overlap_confirmed_by == manager


def test_back_to_back_events_and_other_venues_do_not_overlap(agent_client, venue, today):
    make_event(venue, at(today, 17), hours=2, title="Cocktail")
    terrace = make_venue("Terrace")
    make_event(terrace, at(today, 19), hours=2, title="Barbecue")
    response = agent_client.post(
        "/board/events/new/", form_data(venue, at(today, 19), at(today, 21))
    )
    assert response.status_code == 302


def test_editing_an_event_does_not_collide_with_itself(agent_client, venue, today):
    event = make_event(venue, at(today, 19))
    data = form_data(venue, at(today, 19), at(today, 22), title_en="Jazz night, extended")
    response = agent_client.post(f"/board/events/{event.pk}/edit/", data)
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title_en == "Jazz night, extended"


def test_department_members_read_but_do_not_edit(department_client, venue, today):
    event = make_event(venue, at(today, 19), staff_notes="Piano tuner at 17:00")
    assert "Piano tuner" in department_client.get(f"/board/events/{event.pk}/").content.decode()
    assert department_client.get("/board/events/").status_code == 200
    data = form_data(venue, at(today, 10), at(today, 11))
    assert department_client.post("/board/events/new/", data).status_code == 403
    assert department_client.post(f"/board/events/{event.pk}/edit/", data).status_code == 403
    assert department_client.post(f"/board/events/{event.pk}/delete/").status_code == 403
    assert Event.objects.count() == 1


def test_an_agent_deletes_an_event(agent_client, venue, today):
    event = make_event(venue, at(today, 19))
    response = agent_client.post(f"/board/events/{event.pk}/delete/")
    assert response.status_code == 302
    assert not Event.objects.exists()


def test_day_and_week_views_show_private_events_to_staff(department_client, venue, today):
    make_event(venue, at(today, 12), title="Board meeting", public=False)
    make_event(venue, at(today + timedelta(days=1), 20), title="Concert")
    day = department_client.get(f"/board/events/?day={today.isoformat()}").content.decode()
    assert "Board meeting" in day and "Concert" not in day
    week = department_client.get(f"/board/events/week/?start={today.isoformat()}").content.decode()
    assert "Board meeting" in week
    # A malformed date falls back to today instead of failing.
    assert department_client.get("/board/events/?day=yesterday").status_code == 200


def test_the_dashboard_shows_todays_events(agent_client, venue, today):
    make_event(venue, at(today, 20), title="Concert tonight")
    make_event(venue, at(today + timedelta(days=2), 20), title="Later concert")
    body = agent_client.get("/").content.decode()
    assert "Concert tonight" in body
    assert "Later concert" not in body
