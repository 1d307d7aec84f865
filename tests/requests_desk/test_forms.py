from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from requests_desk.models import ServiceRequest
from tests.requests_desk.factories import make_request, make_stay, make_supplier, sample_details

pytestmark = pytest.mark.django_db
CREATE = reverse("requests_desk:create")


def post_data(type_, stay=None, **extra):
    data = {"type": type_, "priority": "normal", "currency": "KZT"}
    if stay:
        data["stay"] = stay.pk
    data.update({f"{type_}-{k}": v for k, v in sample_details(type_).items()})
    data.update(extra)
    return data


def test_it_preselects_the_stay_and_shows_only_the_chosen_types_fields(agent_client):
    stay = make_stay(vip=True)
    html = agent_client.get(f"{CREATE}?stay={stay.pk}&type=transfer").content.decode()
    assert f'<option value="{stay.pk}" selected>' in html
    assert '<fieldset class="card card-body mb-3 type-fields" data-type="transfer">' in html
    assert 'data-type="air" hidden disabled' in html
    assert 'data-type="taxi" hidden disabled' in html
    assert "<script src=" in html and "<script>" not in html  # strict CSP: no inline code


@pytest.mark.parametrize(
    "type_",
    [
        "air",
        "rail",
        "bus",
        "cruise",
        "transfer",
        "car_hire",
        "taxi",
        "theatre",
        "cinema",
        "concert",
        "exhibition",
        "circus",
        "museum",
        "restaurant",
        "excursion",
        "permit",
        "other",
    ],
)
def test_it_creates_a_request_of_every_type(type_, agent, agent_client):
    stay = make_stay()
    response = agent_client.post(CREATE, post_data(type_, stay))
    r = ServiceRequest.objects.get()
    assert response.status_code == 302 and response.url == r.get_absolute_url()
    assert (r.type, r.stay, r.guest, r.created_by) == (type_, stay, stay.guest, agent)
    assert r.due_at is not None
    page = agent_client.get(r.get_absolute_url()).content.decode()
    assert r.number in page


def test_it_keeps_only_the_chosen_types_details(agent_client):
    stay = make_stay()
    data = post_data("taxi", stay, **{"transfer-pickup_place": "Should be ignored"})
    agent_client.post(CREATE, data)
    r = ServiceRequest.objects.get()
    assert set(r.details) == {"pickup_at", "pickup_place", "destination", "passengers"}
    assert r.service_at is not None


def test_it_takes_a_walk_in_guest_without_a_stay(agent_client):
    data = post_data("taxi", walk_in_name="Mr Tanaka", walk_in_contact="tanaka@example.jp")
    agent_client.post(CREATE, data)
    r = ServiceRequest.objects.get()
    assert (r.stay, r.guest, r.walk_in_name, r.guest_name) == (None, None, "Mr Tanaka", "Mr Tanaka")


def errors_of(response):
    return response.content.decode()


def test_it_needs_a_stay_or_a_walk_in_name(agent_client):
    response = agent_client.post(CREATE, post_data("taxi"))
    assert response.status_code == 200
    assert "Choose the guest&#x27;s stay, or enter a walk-in guest&#x27;s name." in errors_of(
        response
    )


def test_a_transfer_without_a_pickup_time_gets_a_clear_message(agent_client):
    response = agent_client.post(
        CREATE, post_data("transfer", make_stay(), **{"transfer-pickup_at": ""})
    )
    assert response.status_code == 200
    assert "A transfer needs a pickup time." in errors_of(response)
    assert not ServiceRequest.objects.exists()


def test_a_ticket_arriving_before_departure_gets_a_clear_message(agent_client):
    data = post_data(
        "air",
        make_stay(),
        **{"air-departure_at": "2026-12-01T10:00", "air-arrival_at": "2026-12-01T08:30"},
    )
    response = agent_client.post(CREATE, data)
    assert "Arrival must be after departure." in errors_of(response)
    assert not ServiceRequest.objects.exists()


@pytest.mark.parametrize("field", ["price", "cost"])
def test_a_negative_amount_gets_a_clear_message(field, agent_client):
    response = agent_client.post(CREATE, post_data("taxi", make_stay(), **{field: "-100"}))
    assert f"The {field} cannot be negative." in errors_of(response)
    assert not ServiceRequest.objects.exists()


def test_other_type_specific_rules(agent_client):
    stay = make_stay()
    permit = agent_client.post(
        CREATE, post_data("permit", stay, **{"permit-valid_until": "2000-01-01"})
    )
    assert "A permit cannot end before it starts." in errors_of(permit)
    car = agent_client.post(CREATE, post_data("car_hire", stay, **{"car_hire-driver_name": ""}))
    assert "Name the driver, or untick" in errors_of(car)
    ticket = agent_client.post(CREATE, post_data("rail", stay, **{"rail-passengers": ""}))
    assert "This field is required." in errors_of(ticket)


def test_a_supplier_must_deliver_the_requests_type(agent_client):
    restaurant = make_supplier("restaurant", name="Gakku")
    response = agent_client.post(CREATE, post_data("taxi", make_stay(), supplier=restaurant.pk))
    assert "Gakku does not deliver taxi." in errors_of(response)


def test_without_a_service_time_the_deadline_is_the_types_lead_time_from_now(agent_client):
    from requests_desk.models import LeadTime

    LeadTime.objects.create(type="other", minutes=60)
    agent_client.post(CREATE, post_data("other", make_stay(), **{"other-wanted_at": ""}))
    r = ServiceRequest.objects.get()
    minutes = (r.due_at - r.created_at).total_seconds() / 60
    assert 58 <= minutes <= 61


def test_editing_saves_and_records_history(agent, agent_client):
    r = make_request("taxi", created_by=agent)
    url = reverse("requests_desk:edit", args=[r.number])
    page = agent_client.get(url).content.decode()
    assert 'data-type="taxi"' in page and 'data-type="air"' not in page
    due = (timezone.localtime() + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")
    data = {
        "version": r.version,
        "stay": r.stay_id,
        "priority": "urgent",
        "due_at": due,
        "currency": "kzt",
        "price": "15000",
        **{f"taxi-{k}": v for k, v in sample_details("taxi").items()},
        "taxi-destination": "Shymbulak",
    }
    response = agent_client.post(url, data)
    assert response.status_code == 302
    r.refresh_from_db()
    assert (r.priority, r.price, r.currency, r.details["destination"]) == (
        "urgent",
        Decimal("15000"),
        "KZT",
        "Shymbulak",
    )
    changes = r.events.get(kind="edited").changes
    assert changes["priority"] == ["normal", "urgent"]
    assert changes["details.destination"] == ["Medeu", "Shymbulak"]


def test_editing_from_a_stale_page_says_someone_else_changed_it(agent, agent_client):
    r = make_request("taxi", created_by=agent)
    url = reverse("requests_desk:edit", args=[r.number])
    due = (timezone.localtime() + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")
    data = {
        "version": r.version - 1 + 1,
        "stay": r.stay_id,
        "priority": "high",
        "due_at": due,
        "currency": "KZT",
        **{f"taxi-{k}": v for k, v in sample_details("taxi").items()},
    }
    ServiceRequest.objects.filter(pk=r.pk).update(version=r.version + 1)
    response = agent_client.post(url, data, follow=True)
    assert "changed by someone else" in response.content.decode()
    r.refresh_from_db()
    assert r.priority == "normal"


def test_the_status_buttons_move_the_request_and_report_conflicts(agent, agent_client):
    supplier = make_supplier("transfer", name="Silk Way Transfers")
    r = make_request("transfer", created_by=agent)
    url = reverse("requests_desk:status", args=[r.number])
    response = agent_client.post(
        url,
        {"to_status": "booked", "expected": "new", "reference": "SW-77", "supplier": supplier.pk},
        follow=True,
    )
    assert "The request is now “Booked”." in response.content.decode()
    r.refresh_from_db()
    assert (r.status, r.supplier, r.confirmation_reference) == ("booked", supplier, "SW-77")
    stale = agent_client.post(
        url, {"to_status": "cancelled", "expected": "new", "reason": "x"}, follow=True
    )
    assert "changed by someone else" in stale.content.decode()
    missing = agent_client.post(url, {"to_status": "cancelled", "expected": "booked"}, follow=True)
    assert "Say why the request is cancelled or failed." in missing.content.decode()
    r.refresh_from_db()
    assert r.status == "booked"


def test_assign_to_me(agent, agent_client):
    r = make_request("taxi", created_by=agent)
    agent_client.post(reverse("requests_desk:take", args=[r.number]), {"version": r.version})
    r.refresh_from_db()
    assert r.assigned_to == agent


def test_managers_set_lead_times(manager_client):
    url = reverse("requests_desk:lead_times")
    formset = manager_client.get(url).context["formset"]
    data = {
        "form-TOTAL_FORMS": len(formset.forms),
        "form-INITIAL_FORMS": len(formset.forms),
    }
    for i, form in enumerate(formset.forms):
        data[f"form-{i}-id"] = form.instance.pk
        data[f"form-{i}-minutes"] = 45 if form.instance.type == "taxi" else form.instance.minutes
    assert manager_client.post(url, data).status_code == 302
    from requests_desk.models import LeadTime

    assert LeadTime.minutes_for("taxi") == 45


def test_a_transfer_from_a_stay_starts_with_the_flight_the_eta_and_the_party(agent_client):
    from datetime import time

    stay = make_stay(transport_number="LH 648", eta=time(14, 30), adults=2, children=1)
    response = agent_client.get(f"{CREATE}?stay={stay.pk}&type=transfer")
    form = response.context["form"].details_forms["transfer"]
    assert form["meet_service"].value() == "LH 648"
    assert form["passengers"].value() == 3
    assert form["pickup_at"].value().strftime("%H:%M") == "14:30"
    air = response.context["form"].details_forms["air"]
    assert air["passengers"].value() == stay.guest.name
    assert response.context["form"]["assigned_to"].value() == response.wsgi_request.user.pk
