from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from guestdesk.models import OutboxMessage
from requests_desk.tasks import notify_overdue
from tests.requests_desk.factories import make_request

pytestmark = pytest.mark.django_db


@time_machine.travel("2026-03-10 09:00 +05:00", tick=False)
def test_it_tells_the_managers_once_when_a_request_becomes_overdue(agent, manager):
    now = timezone.now()
    late = make_request("taxi", created_by=agent, due_at=now + timedelta(minutes=10))
    make_request("taxi", created_by=agent, due_at=now - timedelta(hours=1), status="done")
    assert notify_overdue() == 0
    with time_machine.travel(now + timedelta(minutes=11), tick=False):
        assert notify_overdue() == 1
        assert notify_overdue() == 0  # the next tick finds nothing new
    message = OutboxMessage.objects.get()
    assert message.to == [manager.email]
    assert message.template == "requests_desk-overdue"
    assert late.number in message.body_text and late.number in message.body_html
    assert "1 guest request is overdue" in message.subject or message.language != "en"
    assert late.events.filter(kind="overdue").count() == 1


@time_machine.travel("2026-03-10 09:00 +05:00", tick=False)
def test_a_new_deadline_gets_its_own_warning(agent, manager):
    from requests_desk import services
    from requests_desk.models import ServiceRequest

    now = timezone.now()
    r = make_request("taxi", created_by=agent, due_at=now - timedelta(minutes=1))
    assert notify_overdue() == 1
    r.refresh_from_db()
    edited = ServiceRequest.objects.get(pk=r.pk)
    edited.due_at = now + timedelta(minutes=30)
    services.save_edit(edited, r.version, agent)
    with time_machine.travel(now + timedelta(minutes=31), tick=False):
        assert notify_overdue() == 1
    assert OutboxMessage.objects.count() == 2


@time_machine.travel("2026-03-10 09:00 +05:00", tick=False)
def test_without_a_manager_address_the_management_department_is_told(agent):
    from guestdesk.models import Department

    Department.objects.filter(code="management").update(recipients="gm@hotel.example")
    make_request("taxi", created_by=agent, due_at=timezone.now() - timedelta(minutes=1))
    assert notify_overdue() == 1
    assert OutboxMessage.objects.get().to == ["gm@hotel.example"]
