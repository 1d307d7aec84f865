"""A trace added from a guest request's page: the desk only, linked to the request."""

import pytest
from django.utils import timezone

from guestdesk.models import Department
from tests.requests_desk.factories import make_request
from traces import services
from traces.models import Trace

pytestmark = pytest.mark.django_db


def url(request_obj):
    return f"/traces/request/{request_obj.pk}/add/"


def form(**data):
    return {
        "department": Department.objects.get(code="housekeeping").pk,
        "due_date": timezone.localdate().isoformat(),
        "due_time": "",
        "text": "Qx-Extra towels with the transfer",
    } | data


def test_the_request_page_offers_the_trace_form_to_the_desk(agent_client):
    request_obj = make_request("transfer")
    page = agent_client.get(request_obj.get_absolute_url()).content.decode()
    assert 'data-testid="request-traces-panel"' in page
    assert 'data-testid="request-trace-form"' in page
    assert f'action="{url(request_obj)}"' in page
    assert "No traces yet." in page


def test_an_agent_adds_a_trace_linked_to_the_request_and_its_stay(agent_client, agent):
    request_obj = make_request("transfer")
    response = agent_client.post(url(request_obj), form(), follow=True)
    assert response.redirect_chain[-1][0] == request_obj.get_absolute_url()
    trace = Trace.objects.get()
    assert (trace.request, trace.stay, trace.created_by) == (request_obj, request_obj.stay, agent)
    assert (trace.department.code, trace.status) == ("housekeeping", "open")
    assert trace.due_date == timezone.localdate()
    assert trace.anchor_date == request_obj.stay.arrival_date
    page = response.content.decode()
    assert "Trace added for Housekeeping." in page
    assert "Qx-Extra towels with the transfer" in page
    # The department sees it on its day page.
    day = agent_client.get("/departments/housekeeping/").content.decode()
    assert "Qx-Extra towels with the transfer" in day


def test_a_walk_in_request_gets_a_trace_without_a_stay(manager_client):
    request_obj = make_request("transfer", walk_in_name="Dana K.")
    manager_client.post(url(request_obj), form(text="Qx-Call back"))
    trace = Trace.objects.get()
    assert (trace.request, trace.stay, trace.anchor_date) == (request_obj, None, None)
    page = manager_client.get(request_obj.get_absolute_url()).content.decode()
    assert "Qx-Call back" in page


def test_the_request_page_shows_the_trace_resolved(agent_client, agent):
    request_obj = make_request("transfer")
    agent_client.post(url(request_obj), form())
    services.resolve(
        Trace.objects.get(), "not_done", agent, expected="open", reason="Qx-No towels left"
    )
    page = agent_client.get(request_obj.get_absolute_url()).content.decode()
    assert "Qx-No towels left" in page and 'data-status="not_done"' in page


def test_a_department_member_may_not_add_one(department_client):
    request_obj = make_request("transfer")
    response = department_client.post(url(request_obj), form())
    assert response.status_code == 403
    assert not Trace.objects.exists()


def test_an_empty_text_is_refused(agent_client):
    request_obj = make_request("transfer")
    response = agent_client.post(url(request_obj), form(text="   "), follow=True)
    page = response.content.decode()
    assert "The trace was not added:" in page
    assert not Trace.objects.exists()


def test_an_inactive_department_is_refused(agent_client):
    request_obj = make_request("transfer")
    spa = Department.objects.get(code="spa")
    spa.active = False
    spa.save()
    response = agent_client.post(url(request_obj), form(department=spa.pk), follow=True)
    assert "The trace was not added:" in response.content.decode()
    assert not Trace.objects.exists()


def test_get_is_refused_and_an_unknown_request_is_404(agent_client):
    request_obj = make_request("transfer")
    assert agent_client.get(url(request_obj)).status_code == 405
    assert agent_client.post("/traces/request/999999/add/", form()).status_code == 404
