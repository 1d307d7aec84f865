"""Marking a trace done or not done: who may, with what, and two people at once."""

import threading

import pytest
from django.db import connection
from django.urls import reverse

from guestdesk.transitions import ChangedMeanwhile, NotAllowed
from tests.conftest import make_user
from tests.traces.conftest import a_trace, department
from traces import services
from traces.models import Trace

pytestmark = pytest.mark.django_db


def post_resolve(client, trace, status="done", **extra):
    data = {"status": status, "expected": "open", "next": "/departments/housekeeping/", **extra}
    return client.post(reverse("traces:resolve", args=[trace.pk]), data, follow=True)


def test_it_member_marks_own_departments_trace_done(department_client, department_member):
    trace = a_trace()
    response = post_resolve(department_client, trace)
    assert response.redirect_chain[-1][0] == "/departments/housekeeping/"
    trace.refresh_from_db()
    assert trace.status == "done" and trace.resolved_by == department_member
    assert trace.resolved_at is not None
    assert "Qx-Flowers" in response.content.decode()
    assert trace.history.latest().status == "done"  # the audit trail has the move


def test_not_done_needs_a_reason(department_client):
    trace = a_trace()
    response = post_resolve(department_client, trace, status="not_done", reason="  ")
    assert "Say why it could not be done." in response.content.decode()
    trace.refresh_from_db()
    assert trace.status == "open"
    post_resolve(department_client, trace, status="not_done", reason="Qx-No fruit left")
    trace.refresh_from_db()
    assert (trace.status, trace.reason) == ("not_done", "Qx-No fruit left")


def test_a_member_of_another_department_gets_404_and_changes_nothing(client, django_user_model):
    from guestdesk import roles

    other = make_user(django_user_model, "fb", roles.DEPARTMENT_MEMBER)
    department("food-beverage").members.add(other)
    client.force_login(other)
    trace = a_trace()
    assert post_resolve(client, trace).status_code == 404
    assert client.get(reverse("traces:department", args=["housekeeping"])).status_code == 404
    trace.refresh_from_db()
    assert trace.status == "open"


def test_an_outsider_cannot_resolve(client, outsider):
    client.force_login(outsider)
    trace = a_trace()
    assert (
        client.post(reverse("traces:resolve", args=[trace.pk]), {"status": "done"}).status_code
        == 403
    )


def test_a_second_resolver_is_told_who_was_first(department_client, agent):
    trace = a_trace()
    services.resolve(trace, Trace.Status.DONE, agent, expected="open")
    response = post_resolve(department_client, trace, status="not_done", reason="x")
    assert "Айгерім already marked this trace “done”." in response.content.decode()
    trace.refresh_from_db()
    assert trace.status == "done" and trace.resolved_by == agent


def test_only_done_and_not_done_are_resolutions(agent):
    trace = a_trace()
    with pytest.raises(NotAllowed):
        services.resolve(trace, Trace.Status.CANCELLED, agent, expected="open")
    with pytest.raises(ChangedMeanwhile):
        services.resolve(trace, Trace.Status.DONE, agent, expected="done")


@pytest.mark.django_db(transaction=True)
def test_two_people_resolving_at_once_one_wins_the_other_is_told(postgres, agent, manager):
    trace = a_trace()
    barrier = threading.Barrier(2)
    outcome = {}

    def work(user, status):
        try:
            barrier.wait()
            services.resolve(
                Trace.objects.get(pk=trace.pk), status, user, expected="open", reason="busy"
            )
            outcome[user.username] = "won"
        except ChangedMeanwhile as error:
            outcome[user.username] = str(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=work, args=(agent, "done")),
        threading.Thread(target=work, args=(manager, "not_done")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcome.values(), key=lambda v: v != "won")[0] == "won"
    loser = next(v for v in outcome.values() if v != "won")
    assert "already marked this trace" in loser
    trace.refresh_from_db()
    assert trace.history.filter(status__in=["done", "not_done"]).count() == 1
