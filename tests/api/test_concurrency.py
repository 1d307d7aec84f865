"""Fifty clients pushing the same stay at once: one stay, and a history without gaps."""

import threading

import pytest
from django.db import connection

from arrivals.models import Stay, StayChange
from tests.api.conftest import stay_json

CLIENTS = 50


@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_upserts_of_one_stay(postgres, pms):
    barrier = threading.Barrier(CLIENTS)
    answers: list[int] = []
    errors: list[BaseException] = []

    def push(room: int) -> None:
        try:
            barrier.wait()
            answer = pms.post("/api/v1/stays/", stay_json(room=str(room)), format="json")
            answers.append(answer.status_code)
        except BaseException as exc:  # reported below, not lost in the thread
            errors.append(exc)
        finally:
            connection.close()  # each thread has its own connection

    threads = [threading.Thread(target=push, args=(room,)) for room in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors and answers == [200] * CLIENTS
    stay = Stay.objects.get()
    history = list(StayChange.objects.filter(stay=stay).order_by("pk"))
    assert history[0].changes == {"created": [None, f"API: {pms.key.name}"]}
    # Each update starts from the room the previous one left: no change was lost or crossed.
    updates = [change.changes["room"] for change in history[1:]]
    assert all(set(change.changes) == {"room"} for change in history[1:])
    for (_old, new), (old, _new) in zip(updates, updates[1:], strict=False):
        assert old == new
    if updates:
        assert stay.room == updates[-1][1]
    assert len(history) <= CLIENTS
