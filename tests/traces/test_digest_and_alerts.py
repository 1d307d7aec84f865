"""Traces in the department's digest, the overdue alert (once), and the report."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from digests.content import DayFacts, build
from digests.services import preview, subscriptions
from guestdesk.models import OutboxMessage
from tests.arrivals.factories import StayFactory
from tests.digests.conftest import subscribe
from tests.traces.conftest import a_trace, department
from traces import services
from traces.models import Trace
from traces.tasks import alert_overdue

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 11, 25)


def test_the_digest_lists_the_departments_open_traces_of_the_day():
    sub = subscribe("housekeeping", ["vip"])
    stay = StayFactory(arrival_date=DAY, room="Qx-Suite")
    a_trace(stay=stay, due=DAY, text="Qx-Flowers", due_time=datetime.time(13, 0))
    a_trace(stay=stay, due=DAY, text="Qx-Already done", status="done")
    a_trace(stay=stay, due=DAY, code="security", text="Qx-Not ours")
    a_trace(stay=stay, due=DAY + datetime.timedelta(days=1), text="Qx-Tomorrow")
    _subject, text, html = preview(sub, DAY)
    for body in (text, html):
        assert "Traces for your department" in body
        assert "Qx-Flowers" in body and "13:00" in body and "Qx-Suite" in body
        assert "Qx-Already done" not in body and "Qx-Not ours" not in body
        assert "Qx-Tomorrow" not in body


def test_a_digest_without_traces_has_no_traces_section():
    sub = subscribe("housekeeping", ["vip"])
    _subject, text, html = preview(sub, DAY)
    assert "Traces for your department" not in text + html


@pytest.mark.parametrize("count", [5, 60])
def test_every_digest_of_a_day_runs_a_fixed_number_of_queries_with_traces(
    count, django_assert_max_num_queries
):
    for code in ("housekeeping", "food-beverage", "security"):
        subscribe(code, ["vip", "arrivals"])
    for i in range(count):
        stay = StayFactory(arrival_date=DAY)
        a_trace(stay=stay, due=DAY, text=f"Qx-{i}")
        a_trace(stay=stay, due=DAY, code="security", text=f"Qx-s{i}")
    with django_assert_max_num_queries(8):  # the digests' own pin, unchanged
        facts = DayFacts.collect(DAY)
        contexts = {sub.department.code: build(sub, facts) for sub in subscriptions()}
    assert len(contexts["housekeeping"]["items"]) == count
    assert len(contexts["security"]["items"]) == count
    assert contexts["food-beverage"]["items"] == []


def hotel_time(day, hour, minute=0):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def test_an_overdue_trace_alerts_the_department_and_the_desk_once(
    manager, django_capture_on_commit_callbacks, mailoutbox
):
    hk = department("housekeeping")
    hk.recipients = "hk@hotel.example"
    hk.save()
    a_trace(due=DAY, due_time=datetime.time(14, 0), text="Qx-Fruit plate")
    a_trace(due=DAY, text="Qx-All day")  # no time: due at the end of the day
    with time_machine.travel(hotel_time(DAY, 13, 59), tick=False):
        assert alert_overdue() == 0
    with time_machine.travel(hotel_time(DAY, 14, 1), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert alert_overdue() == 1
        assert alert_overdue() == 0  # the next tick: already told
    messages = list(OutboxMessage.objects.filter(template="traces-overdue"))
    assert sorted(tuple(m.to) for m in messages) == [
        ("hk@hotel.example",),
        ("manager@hotel.example",),
    ]
    assert all(
        "Qx-Fruit plate" in m.body_text and "Qx-All day" not in m.body_text for m in messages
    )
    # In the department's language (Russian here), the desk's in the front office's.
    subjects = sorted(m.subject for m in messages)
    assert subjects[0] == "1 трейс просрочен"
    assert subjects[1].endswith(": 1 трейс просрочен")
    assert len(mailoutbox) == 2
    with time_machine.travel(hotel_time(DAY + datetime.timedelta(days=1), 0, 5), tick=False):
        assert alert_overdue() == 1  # the all-day one, once its day is over


def test_a_resolved_trace_never_alerts():
    trace = a_trace(due=DAY, due_time=datetime.time(9, 0))
    services.resolve(trace, Trace.Status.DONE, None, expected="open")
    with time_machine.travel(hotel_time(DAY, 12), tick=False):
        assert alert_overdue() == 0


def test_the_report_counts_on_time_per_department_and_week_and_what_is_late(
    manager_client, agent_client
):
    monday = DAY - datetime.timedelta(days=DAY.weekday())
    on_time = a_trace(due=monday, due_time=datetime.time(14, 0), text="Qx-Fruit plate")
    late = a_trace(due=monday, due_time=datetime.time(9, 0), text="Qx-Room check")
    late_again = a_trace(due=monday + datetime.timedelta(days=1), text="Qx-Room check")
    a_trace(due=monday, code="spa", text="Qx-Spa robe", status="cancelled")
    with time_machine.travel(hotel_time(monday, 12), tick=False):
        services.resolve(on_time, "done", None, expected="open")
        services.resolve(late, "done", None, expected="open")
    services_not_done = late_again
    with time_machine.travel(hotel_time(monday + datetime.timedelta(days=1), 12), tick=False):
        services.resolve(services_not_done, "not_done", None, expected="open", reason="Qx-busy")
    with time_machine.travel(hotel_time(monday + datetime.timedelta(days=3), 10), tick=False):
        response = manager_client.get(reverse("traces:report"))
        html = response.content.decode()
    row = html[html.index('data-department="Housekeeping"') :]
    row = row[: row.index("</tr>")]
    assert "33%" in row and "1/3" in row
    assert "Spa" not in html[html.index('data-testid="traces-on-time"') :].split("</table>")[0]
    late_kinds = html[html.index('data-testid="traces-late-kinds"') :]
    assert late_kinds.index("Qx-Room check") < late_kinds.index("</table>")
    assert '<td>Qx-Room check</td><td class="text-end">2</td>' in late_kinds
    assert "data-print" in html


def test_department_members_have_no_report(department_client):
    assert department_client.get(reverse("traces:report")).status_code == 403
