"""The shared status transition: allowed moves, refusals, history, two agents at once."""

import threading
import time

import pytest
from django.db import connection
from django.utils import timezone
from django.utils.translation import override

from arrivals.models import Stay, StayChange
from guestdesk.transitions import (
    ChangedMeanwhile,
    HasTransitions,
    NotAllowed,
    TransitionError,
    transition,
)
from tests.arrivals.factories import StayFactory

pytestmark = pytest.mark.django_db


def moves(stay):
    return list(
        StayChange.objects.filter(stay=stay, kind="status").values_list(
            "changes", "changed_by", "changed_at"
        )
    )


def test_an_allowed_move_writes_the_status_its_fields_and_one_history_entry(agent):
    stay = StayFactory()
    at = timezone.now()
    current = transition(
        stay, "in_house", agent, expected="expected", changes=lambda s: {"room": "701"}, at=at
    )
    assert (current.status, current.room) == ("in_house", "701")
    assert (stay.status, stay.room) == ("in_house", "701")  # the caller's copy too
    fresh = Stay.objects.get(pk=stay.pk)
    assert (fresh.status, fresh.room) == ("in_house", "701")
    assert moves(stay) == [({"status": ["expected", "in_house"]}, agent.pk, at)]


def test_a_move_the_model_does_not_allow_is_refused_and_changes_nothing(agent):
    stay = StayFactory(status="departed")
    with override("en"), pytest.raises(NotAllowed) as refused:
        transition(stay, "expected", agent)
    assert str(refused.value) == "A stay that is departed cannot become expected."
    assert isinstance(refused.value, TransitionError)
    assert Stay.objects.get(pk=stay.pk).status == "departed"
    assert moves(stay) == []


def test_a_refusal_from_the_changes_rolls_the_move_back(agent):
    stay = StayFactory()

    def needs_a_room(current):
        raise NotAllowed("Give the stay a room first.")

    with pytest.raises(NotAllowed, match="room first"):
        transition(stay, "in_house", agent, changes=needs_a_room)
    assert Stay.objects.get(pk=stay.pk).status == "expected"
    assert moves(stay) == []


def test_a_move_from_a_stale_page_is_refused_as_changed_meanwhile(agent, manager):
    stay = StayFactory()
    transition(Stay.objects.get(pk=stay.pk), "in_house", manager)
    with override("en"), pytest.raises(ChangedMeanwhile) as changed:
        transition(stay, "no_show", agent, expected="expected")
    assert "Already changed" in str(changed.value) and "in house" in str(changed.value)
    assert Stay.objects.get(pk=stay.pk).status == "in_house"
    assert len(moves(stay)) == 1


def test_without_expected_the_current_status_counts(agent):
    stay = StayFactory()
    Stay.objects.filter(pk=stay.pk).update(status="in_house")  # stay still says "expected"
    transition(stay, "departed", agent)
    assert Stay.objects.get(pk=stay.pk).status == "departed"
    assert moves(stay)[0][0] == {"status": ["in_house", "departed"]}


def test_the_default_messages_name_both_statuses():
    stay = StayFactory.build(status="expected")
    with override("en"):
        assert HasTransitions.transition_not_allowed(stay, "departed") == (
            "“expected” cannot become “departed”."
        )
        assert HasTransitions.transition_changed_meanwhile(stay) == (
            "Someone else changed this meanwhile: it is now “expected”."
        )
    with override("ru"):
        assert "expected" not in HasTransitions.transition_not_allowed(stay, "departed")
    assert stay.allowed_moves() == ("in_house", "no_show", "cancelled")
    assert Stay(status="departed").allowed_moves() == ()


def run_in_threads(*actions):
    """Run each action in its own thread (its own database connection); their outcomes."""
    outcomes = [None] * len(actions)

    def run(index, action):
        try:
            action()
            outcomes[index] = "moved"
        except ChangedMeanwhile:
            outcomes[index] = "changed meanwhile"
        except Exception as exc:  # noqa: BLE001 - reported in the assertion
            outcomes[index] = repr(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=item) for item in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_of_two_agents_at_the_same_moment_one_wins(postgres, agent, manager):
    stay = StayFactory()
    barrier = threading.Barrier(2)

    def mark(user, to_status):
        def action():
            barrier.wait()
            transition(Stay.objects.get(pk=stay.pk), to_status, user, expected="expected")

        return action

    outcomes = run_in_threads(mark(agent, "in_house"), mark(manager, "no_show"))
    assert sorted(outcomes) == ["changed meanwhile", "moved"]
    stay.refresh_from_db()
    assert stay.status == ("in_house" if outcomes[0] == "moved" else "no_show")
    assert len(moves(stay)) == 1


@pytest.mark.django_db(transaction=True)
def test_the_second_agent_waits_for_the_first_then_is_told(postgres, agent, manager):
    stay = StayFactory()
    first_inside, second_started = threading.Event(), threading.Event()

    def slow_first(current):
        first_inside.set()
        second_started.wait(5)
        time.sleep(0.3)  # the second agent is now waiting for the row
        return {}

    def first():
        transition(stay, "in_house", agent, expected="expected", changes=slow_first)

    def second():
        first_inside.wait(5)
        second_started.set()
        transition(Stay.objects.get(pk=stay.pk), "no_show", manager, expected="expected")

    assert run_in_threads(first, second) == ["moved", "changed meanwhile"]
    assert Stay.objects.get(pk=stay.pk).status == "in_house"
    assert [m[:2] for m in moves(stay)] == [({"status": ["expected", "in_house"]}, agent.pk)]
