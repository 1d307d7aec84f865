"""Tasks are queued only once the transaction that asked for them commits."""

import pytest
from celery import shared_task
from django.db import transaction

from guestdesk.celery import TransactionAwareTask, app

RAN: list[int] = []


@shared_task
def record(value: int) -> int:
    RAN.append(value)
    return value * 2


@pytest.fixture(autouse=True)
def _empty():
    RAN.clear()


def test_inside_a_transaction_the_task_waits_for_the_commit(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert record.delay(1) is None  # nothing is queued yet, so there is no result
        record.apply_async((2,), countdown=0)
        assert RAN == []
    assert len(callbacks) == 2
    for callback in callbacks:
        callback()  # the commit
    assert RAN == [1, 2]


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_transaction_queues_nothing():
    with pytest.raises(RuntimeError), transaction.atomic():
        record.delay(3)
        raise RuntimeError("the change failed")
    assert RAN == []
    with transaction.atomic():
        record.delay(4)
        assert RAN == []
    assert RAN == [4]


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_the_task_is_queued_at_once():
    assert record.delay(5).get() == 10
    assert RAN == [5]


def test_every_project_task_waits_for_the_commit(settings):
    app.loader.import_default_modules()  # the apps' tasks modules, as a worker loads them
    # Celery's own tasks aside, every task is the project's (the import engine's one is
    # named "imports.run_batch", so it is not told apart by module name).
    tasks = {name: task for name, task in app.tasks.items() if not name.startswith("celery.")}
    assert "guestdesk.tasks.send_outbox_message" in tasks
    assert "imports.run_batch" in tasks
    plain = [name for name, task in tasks.items() if not isinstance(task, TransactionAwareTask)]
    assert sorted(plain) == []
