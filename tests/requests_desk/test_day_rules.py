"""The rules staff met in a day's use: what is overdue, default deadlines and time warnings,
which suppliers are offered, documents in the guest's language, department boards."""

import re
from datetime import datetime, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from guestdesk.models import OutboxMessage
from requests_desk.forms import TransitionForm, stays_to_offer
from requests_desk.models import LeadTime, ServiceRequest
from requests_desk.tasks import notify_overdue
from tests.requests_desk.factories import (
    make_guest,
    make_request,
    make_stay,
    make_supplier,
    sample_details,
)

pytestmark = pytest.mark.django_db
CREATE = reverse("requests_desk:create")


def hotel(text: str) -> datetime:
    """A hotel-time moment, e.g. hotel("2026-03-10 12:00")."""
    return timezone.make_aware(datetime.fromisoformat(text))


def local(moment: datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def post_data(type_, stay=None, **extra):
    data = {"type": type_, "priority": "normal", "currency": "KZT"}
    if stay:
        data["stay"] = stay.pk
    data.update({f"{type_}-{k}": v for k, v in sample_details(type_).items()})
    data.update(extra)
    return data


# --- Overdue: only what the desk still owes ----------------------------------------------


def test_only_new_and_in_progress_requests_can_be_overdue(agent, agent_client):
    past = timezone.now() - timedelta(hours=2)
    owing = {
        s: make_request("taxi", created_by=agent, status=s or None, due_at=past)
        for s in ("", "in_progress")
    }
    for status in ("booked", "done", "cancelled", "failed"):
        make_request("taxi", created_by=agent, status=status, due_at=past)
    overdue = set(ServiceRequest.objects.overdue().values_list("pk", flat=True))
    assert overdue == {r.pk for r in owing.values()}
    counts = ServiceRequest.objects.deadline_counts(agent)
    assert counts["overdue"] == 2

    board = agent_client.get(reverse("requests_desk:board")).content.decode()
    assert board.count('class="request-overdue"') == 2  # the booked row is not red
    home = agent_client.get("/").content.decode()
    assert re.search(r'data-testid="requests-overdue">[^<]*<span class="badge[^"]*">2<', home)


def test_the_overdue_email_leaves_booked_requests_out(agent, manager):
    past = timezone.now() - timedelta(hours=2)
    booked = make_request("transfer", created_by=agent, status="booked", due_at=past)
    new = make_request("transfer", created_by=agent, due_at=past)
    assert notify_overdue() == 1
    message = OutboxMessage.objects.get(template="requests_desk-overdue")
    assert new.number in message.body_text and booked.number not in message.body_text


def test_a_booked_request_due_soon_is_not_flagged(agent):
    soon = timezone.now() + timedelta(minutes=20)
    booked = make_request("taxi", created_by=agent, status="booked", due_at=soon)
    assert not booked.is_due_soon() and not ServiceRequest.objects.due_soon().exists()


# --- Default deadlines count back from the service ---------------------------------------


@pytest.mark.parametrize(
    ("type_", "now", "service", "due"),
    [
        # A ticket a day ahead is due the day before departure...
        ("rail", "2026-03-10 09:00", "2026-03-12 21:17", "2026-03-11 21:17"),
        # ...one for tonight as soon as the desk can (2 h), well before the train...
        ("rail", "2026-03-10 12:00", "2026-03-10 21:17", "2026-03-10 14:00"),
        # ...but never later than 3 h before departure.
        ("rail", "2026-03-10 17:00", "2026-03-10 21:17", "2026-03-10 18:17"),
        ("air", "2026-03-10 09:00", "2026-03-15 07:40", "2026-03-14 07:40"),
        ("taxi", "2026-03-10 09:00", "2026-03-10 18:00", "2026-03-10 17:30"),
        ("transfer", "2026-03-10 09:00", "2026-03-10 21:00", "2026-03-10 19:00"),
        ("theatre", "2026-03-10 09:00", "2026-03-13 19:00", "2026-03-12 19:00"),
        # A permit for today: no later limit, just as soon as possible (1 h).
        ("permit", "2026-03-10 09:00", "2026-03-10 00:00", "2026-03-10 10:00"),
    ],
)
def test_default_deadlines_count_back_from_the_service(type_, now, service, due):
    assert LeadTime.default_due(type_, hotel(service), hotel(now)) == hotel(due)


def test_without_a_service_the_deadline_is_the_managers_lead_time_from_now():
    LeadTime.objects.create(type="other", minutes=45)
    now = hotel("2026-03-10 09:00")
    assert LeadTime.default_due("other", None, now) == hotel("2026-03-10 09:45")


@time_machine.travel(hotel("2026-03-10 12:00"), tick=False)
def test_a_rail_ticket_for_tonight_is_due_in_time_to_buy_and_deliver(agent_client):
    stay = make_stay(arrival_date=hotel("2026-03-09 00:00").date())
    data = post_data(
        "rail",
        stay,
        **{"rail-departure_at": "2026-03-10T21:17", "rail-arrival_at": "2026-03-11T08:00"},
    )
    assert agent_client.post(CREATE, data).status_code == 302
    assert ServiceRequest.objects.get().due_at == hotel("2026-03-10 14:00")


@time_machine.travel(hotel("2026-03-10 19:00"), tick=False)
def test_a_transfer_at_this_mornings_eta_is_refused_until_confirmed(agent_client):
    stay = make_stay(arrival_date=hotel("2026-03-10 00:00").date())
    data = post_data("transfer", stay, **{"transfer-pickup_at": "2026-03-10T09:30"})
    response = agent_client.post(CREATE, data)
    page = response.content.decode()
    assert response.status_code == 200 and not ServiceRequest.objects.exists()
    assert "The service time is in the past." in page
    assert "The deadline 10.03.2026 08:30 is already past" in page
    assert 'name="confirm"' in page and "Create anyway" in page

    response = agent_client.post(CREATE, {**data, "confirm": "on"})
    assert response.status_code == 302
    assert ServiceRequest.objects.get().service_at == hotel("2026-03-10 09:30")


@time_machine.travel(hotel("2026-03-10 12:00"), tick=False)
def test_a_taxi_for_yesterday_and_one_before_the_guest_arrives_are_questioned(agent_client):
    stay = make_stay(arrival_date=hotel("2026-03-12 00:00").date())
    yesterday = post_data("taxi", stay, **{"taxi-pickup_at": "2026-03-09T10:00"})
    assert (
        "The service time is in the past." in agent_client.post(CREATE, yesterday).content.decode()
    )
    early = post_data("taxi", stay, **{"taxi-pickup_at": "2026-03-11T10:00"})
    page = agent_client.post(CREATE, early).content.decode()
    assert "The service is before the guest arrives (12.03.2026)." in page
    assert "The service time is in the past." not in page
    assert not ServiceRequest.objects.exists()
    # The form without a warning shows no confirmation box.
    assert 'name="confirm"' not in agent_client.get(CREATE).content.decode()


@time_machine.travel(hotel("2026-03-10 12:00"), tick=False)
def test_a_permit_from_today_is_not_in_the_past_but_one_from_yesterday_is(agent_client):
    stay = make_stay(arrival_date=hotel("2026-03-09 00:00").date())
    today = post_data("permit", stay, **{"permit-valid_from": "2026-03-10"})
    assert agent_client.post(CREATE, today).status_code == 302
    yesterday = post_data("permit", stay, **{"permit-valid_from": "2026-03-09"})
    assert (
        "The service time is in the past." in agent_client.post(CREATE, yesterday).content.decode()
    )


@time_machine.travel(hotel("2026-03-10 12:00"), tick=False)
def test_an_explicit_deadline_in_the_past_asks_for_confirmation(agent_client):
    stay = make_stay(arrival_date=hotel("2026-03-09 00:00").date())
    data = post_data("restaurant", stay, due_at="2026-03-10T08:00")
    assert "already past" in agent_client.post(CREATE, data).content.decode()


@time_machine.travel(hotel("2026-03-10 12:00"), tick=False)
def test_editing_other_fields_of_a_past_request_asks_nothing(agent, agent_client):
    stay = make_stay(arrival_date=hotel("2026-03-09 00:00").date())
    r = make_request("taxi", stay=stay, created_by=agent)
    ServiceRequest.objects.filter(pk=r.pk).update(
        service_at=hotel("2026-03-10 09:00"), due_at=hotel("2026-03-10 08:30")
    )
    r.refresh_from_db()
    details = {**sample_details("taxi"), "pickup_at": "2026-03-10T09:00"}
    data = {
        "version": r.version,
        "stay": stay.pk,
        "priority": "normal",
        "due_at": "2026-03-10T08:30",
        "currency": "KZT",
        "notes": "Guest came back by bus",
        **{f"taxi-{k}": v for k, v in details.items()},
    }
    response = agent_client.post(reverse("requests_desk:edit", args=[r.number]), data)
    assert response.status_code == 302
    r.refresh_from_db()
    assert r.notes == "Guest came back by bus"


# --- Suppliers: the request's kind, contracts in force -----------------------------------


def test_the_request_form_marks_each_supplier_with_its_categories_and_hides_expired(
    agent_client,
):
    from vendors.models import Supplier

    rail = make_supplier("rail", name="KTZ Tickets")
    make_supplier("taxi", name="Yandex Go")
    expired = make_supplier("rail", name="Old Rail Agency")
    Supplier.objects.filter(pk=expired.pk).update(
        contract_end=timezone.localdate() - timedelta(days=1)
    )
    page = agent_client.get(f"{CREATE}?type=rail").content.decode()
    assert re.search(rf'<option value="{rail.pk}" data-categories="rail">KTZ Tickets', page)
    assert 'data-categories="taxi">Yandex Go' in page
    assert "Old Rail Agency" not in page
    assert '<option value="rail" data-supplier-category="rail" selected>' in page

    response = agent_client.post(CREATE, post_data("rail", make_stay(), supplier=expired.pk))
    assert "Select a valid choice" in response.content.decode()
    assert not ServiceRequest.objects.exists()


def test_mark_booked_offers_the_same_suppliers_as_the_form(agent):
    from vendors.models import Supplier

    rail = make_supplier("rail", name="KTZ Tickets")
    make_supplier("taxi", name="Yandex Go")
    expired = make_supplier("rail", name="Old Rail Agency")
    Supplier.objects.filter(pk=expired.pk).update(
        contract_end=timezone.localdate() - timedelta(days=1)
    )
    future = make_supplier("rail", name="Next Year Rail")
    Supplier.objects.filter(pk=future.pk).update(
        contract_start=timezone.localdate() + timedelta(days=30)
    )
    r = make_request("rail", created_by=agent)
    offered = list(TransitionForm(request_obj=r).fields["supplier"].queryset)
    assert offered == [rail]
    assert list(Supplier.objects.bookable("rail")) == [rail]


# --- Stays offered: today's arrivals and in-house first ----------------------------------


def test_todays_arrivals_and_in_house_guests_come_first(agent_client):
    today = timezone.localdate()
    later = make_stay(
        guest=make_guest(last_name="Abdrakhmanov"),
        arrival_date=today + timedelta(days=5),
        departure_date=today + timedelta(days=7),
    )
    in_house = make_stay(
        guest=make_guest(last_name="Baimukhanov"),
        arrival_date=today - timedelta(days=2),
        departure_date=today + timedelta(days=2),
    )
    arriving = make_stay(guest=make_guest(last_name="Zhakupov"))
    assert list(stays_to_offer()) == [arriving, in_house, later]
    page = agent_client.get(CREATE).content.decode()
    assert 'data-stay-search="id_stay"' in page and "<script>" not in page


# --- Documents in the guest's language ---------------------------------------------------


@pytest.mark.parametrize(
    ("language", "title", "departure"),
    [
        ("ru", "Ваш маршрут", "Отправление"),
        ("kk", "Сіздің маршрутыңыз", "Жөнелту"),
        ("de", "Your itinerary", "Departure"),
    ],
)
def test_the_itinerary_is_in_the_guests_language(agent, agent_client, language, title, departure):
    stay = make_stay(guest=make_guest(language=language))
    r = make_request("rail", stay=stay, created_by=agent, status="booked")
    page = agent_client.get(reverse("requests_desk:itinerary", args=[r.number])).content.decode()
    sheet = page.split('data-testid="sheet"')[1]
    assert title in sheet and f"{departure}:" in sheet
    assert "Выезд" not in sheet and "Заезд" not in sheet
    # The agent's own page around the sheet stays in the agent's language.
    assert ">Print</button>" in page.replace('<i class="bi bi-printer"></i> ', "")


def test_waybill_and_permit_print_in_the_guests_language(agent, agent_client):
    stay = make_stay(guest=make_guest(language="ru"))
    transfer = make_request("transfer", stay=stay, created_by=agent)
    permit = make_request("permit", stay=stay, created_by=agent, status="booked")
    waybill = agent_client.get(reverse("requests_desk:waybill", args=[transfer.number]))
    assert "Путевой лист водителя" in waybill.content.decode()
    sheet = agent_client.get(reverse("requests_desk:permit", args=[permit.number]))
    assert "Владелец" in sheet.content.decode()


def test_the_confirmation_email_is_in_the_guests_language(agent, agent_client):
    stay = make_stay(guest=make_guest(language="ru"))
    r = make_request("rail", stay=stay, created_by=agent, status="booked")
    agent_client.post(reverse("requests_desk:confirm", args=[r.number]))
    message = OutboxMessage.objects.get(template="requests_desk-confirmation")
    assert message.language == "ru" and "Отправление" in message.body_text


def test_a_permit_shows_no_midnight_and_passengers_keep_their_lines(agent, agent_client):
    stay = make_stay()
    permit = make_request("permit", stay=stay, created_by=agent, status="booked")
    details = {**sample_details("air"), "passengers": "Anna Berg, P1234567\nOla Berg, P7654321"}
    make_request("air", stay=stay, created_by=agent, status="booked", details=details)
    page = agent_client.get(reverse("requests_desk:itinerary", args=[permit.number]))
    html = page.content.decode()
    assert "00:00" not in html
    assert f"{timezone.localdate():%d.%m.%Y}</td>" in html
    assert "Anna Berg, P1234567<br>Ola Berg, P7654321" in html
    board = agent_client.get(reverse("requests_desk:board")).content.decode()
    assert "00:00" not in board


def test_a_car_hired_with_a_driver_offers_a_waybill(agent, agent_client):
    details = sample_details("car_hire")
    del details["with_driver"]  # the driver is named: the car comes with one
    r = make_request("car_hire", created_by=agent, details=details)
    page = agent_client.get(r.get_absolute_url()).content.decode()
    assert "Print driver&#x27;s waybill" in page or "Print driver's waybill" in page


# --- Badges and department boards ---------------------------------------------------------


def test_status_badges_have_a_colour_on_the_stay_and_guest_pages(agent, agent_client):
    from django.contrib.staticfiles import finders

    stay = make_stay()
    make_request("taxi", stay=stay, created_by=agent, status="booked")
    for url in (
        reverse("arrivals:stay", args=[stay.pk]),
        reverse("arrivals:guest", args=[stay.guest.pk]),
    ):
        html = agent_client.get(url).content.decode()
        assert 'class="badge request-status request-status-booked"' in html
        assert "css/guestdesk.css" in html
    with open(finders.find("css/guestdesk.css"), encoding="utf-8") as handle:
        css = handle.read()
    for status in ("new", "in_progress", "booked", "done", "cancelled", "failed"):
        assert f".request-status-{status} {{ background-color" in css


def test_housekeeping_sees_that_nothing_is_routed_to_it(department_client):
    page = department_client.get(reverse("requests_desk:board")).content.decode()
    assert 'data-testid="nothing-routed"' in page
    assert "board-filters" not in page and 'data-testid="board"' not in page


def test_transport_sees_its_types_without_the_desks_filters(agent, client, transport_member):
    make_request("transfer", created_by=agent)
    make_request("restaurant", created_by=agent)
    client.force_login(transport_member)
    page = client.get(reverse("requests_desk:board")).content.decode()
    assert "Transfer, Car hire, Taxi." in page
    assert "board-filters" not in page
    assert page.count("data-number=") == 1
