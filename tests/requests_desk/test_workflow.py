import threading

import pytest
from django.db import connection
from django.utils import timezone

from guestdesk.transitions import ChangedMeanwhile
from requests_desk import services
from requests_desk.models import RequestEvent, ServiceRequest
from tests.requests_desk.factories import make_request, make_supplier

pytestmark = pytest.mark.django_db


def test_it_numbers_requests_per_year_in_sequence(agent):
    first = make_request("taxi", created_by=agent)
    second = make_request("taxi", created_by=agent)
    # The hotel's year: at 00:10 on 1 January in Almaty it is still 31 December in UTC.
    year = timezone.localtime(first.created_at).year
    assert first.number == f"R-{year}-000001"
    assert second.number == f"R-{year}-000002"


def test_it_starts_a_new_series_each_year():
    assert services.next_number("request", "R", 2026) == "R-2026-000001"
    assert services.next_number("request", "R", 2027) == "R-2027-000001"
    assert services.next_number("request", "R", 2026) == "R-2026-000002"


def test_it_derives_the_guest_from_the_stay_and_records_creation(agent):
    request_obj = make_request("transfer", created_by=agent)
    assert request_obj.guest == request_obj.stay.guest
    event = request_obj.events.get()
    assert (event.kind, event.by, event.to_status) == ("created", agent, "new")


def test_it_walks_the_happy_path_with_history(agent):
    supplier = make_supplier("transfer")
    r = make_request("transfer", created_by=agent)
    r = services.transition(r, "in_progress", agent, expected="new")
    r = services.transition(
        r, "booked", agent, expected="in_progress", reference="ABC123", supplier=supplier
    )
    assert (r.status, r.confirmation_reference, r.supplier) == ("booked", "ABC123", supplier)
    assert r.booked_at is not None
    r = services.transition(r, "done", agent, expected="booked", rating=5, comment="Met at gate")
    assert (r.status, r.rating) == ("done", 5)
    assert r.done_at is not None and r.assigned_to == agent
    moves = list(r.events.filter(kind="status").values_list("from_status", "to_status", "by"))
    assert moves == [
        ("new", "in_progress", agent.pk),
        ("in_progress", "booked", agent.pk),
        ("booked", "done", agent.pk),
    ]
    assert r.events.last().comment == "Met at gate"


def test_it_refuses_moves_the_workflow_does_not_allow(agent):
    r = make_request("taxi", created_by=agent)
    with pytest.raises(services.NotAllowed):
        services.transition(r, "done", agent)
    r = services.transition(r, "cancelled", agent, reason="Guest changed plans")
    for target in ("new", "in_progress", "booked", "failed"):
        with pytest.raises(services.NotAllowed):
            services.transition(r, target, agent)


def test_it_needs_a_reference_to_book_and_a_reason_to_cancel_or_fail(agent):
    r = make_request("taxi", created_by=agent)
    with pytest.raises(services.NotAllowed, match="reference"):
        services.transition(r, "booked", agent)
    with pytest.raises(services.NotAllowed, match="why"):
        services.transition(r, "failed", agent, reason="  ")
    r = services.transition(r, "failed", agent, reason="No cars at that hour")
    assert r.reason == "No cars at that hour"
    assert r.closed_at is not None


def test_it_tells_the_second_agent_someone_else_changed_it(agent, agent2):
    r = make_request("taxi", created_by=agent)
    seen_by_second = ServiceRequest.objects.get(pk=r.pk)
    services.transition(r, "in_progress", agent, expected="new")
    with pytest.raises(ChangedMeanwhile, match="someone else"):
        services.transition(seen_by_second, "cancelled", agent2, expected="new", reason="x")
    r.refresh_from_db()
    assert r.status == "in_progress"
    assert r.events.filter(kind="status").count() == 1


def test_it_refuses_an_edit_made_from_a_stale_page(agent, agent2):
    r = make_request("taxi", created_by=agent)
    mine = ServiceRequest.objects.get(pk=r.pk)
    theirs = ServiceRequest.objects.get(pk=r.pk)
    mine.notes = "Guest prefers a quiet driver"
    services.save_edit(mine, r.version, agent)
    theirs.notes = "Child seat"
    with pytest.raises(ChangedMeanwhile):
        services.save_edit(theirs, r.version, agent2)
    r.refresh_from_db()
    assert r.notes == "Guest prefers a quiet driver"
    edit = r.events.get(kind="edited")
    assert edit.changes == {"notes": ["", "Guest prefers a quiet driver"]}
    assert edit.by == agent


def test_it_records_changed_details_in_the_edit_history(agent):
    r = make_request("taxi", created_by=agent)
    changed = ServiceRequest.objects.get(pk=r.pk)
    changed.details = {**r.details, "destination": "Shymbulak"}
    services.save_edit(changed, r.version, agent)
    event = RequestEvent.objects.get(request=r, kind="edited")
    assert event.changes == {"details.destination": ["Medeu", "Shymbulak"]}


@pytest.mark.django_db(transaction=True)
def test_it_gives_consecutive_numbers_to_concurrent_creations(postgres, agent):
    from tests.requests_desk.factories import make_stay

    stay = make_stay()
    errors, barrier = [], threading.Barrier(6)

    def create():
        try:
            barrier.wait()
            make_request("taxi", stay=stay, created_by=agent)
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=create) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    numbers = sorted(ServiceRequest.objects.values_list("number", flat=True))
    year = timezone.localtime(ServiceRequest.objects.first().created_at).year
    assert numbers == [f"R-{year}-{n:06d}" for n in range(1, 7)]


@pytest.mark.django_db(transaction=True)
def test_only_one_of_two_simultaneous_moves_wins(postgres, agent, agent2):
    r = make_request("taxi", created_by=agent)
    results, barrier = [], threading.Barrier(2)

    def act(user, target):
        try:
            barrier.wait()
            services.transition(r, target, user, expected="new", reference="R1", reason="x")
            results.append("ok")
        except ChangedMeanwhile:
            results.append("changed")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=act, args=(agent, "booked")),
        threading.Thread(target=act, args=(agent2, "cancelled")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["changed", "ok"]
    assert RequestEvent.objects.filter(request=r, kind="status").count() == 1
