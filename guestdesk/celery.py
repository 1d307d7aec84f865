"""The Celery app; every task it makes waits for the database transaction to commit."""

import os
from typing import Any

from celery import Celery, Task
from celery.result import AsyncResult
from django.db import transaction

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guestdesk.settings")


class TransactionAwareTask(Task):
    """A task queued only once the surrounding transaction commits (never on a rollback).

    Services call `some_task.delay(pk)` in the middle of their work: the worker must not
    look for a row that is not committed yet, nor act on a change that is rolled back.
    Outside a transaction the task is queued at once and its result is returned; inside
    one it is queued on commit and `None` is returned, as no task exists yet.
    """

    def apply_async(  # type: ignore[override]
        self, args: Any = None, kwargs: Any = None, **options: Any
    ) -> AsyncResult | None:
        if not transaction.get_connection().in_atomic_block:
            return super().apply_async(args, kwargs, **options)
        queue = super().apply_async
        transaction.on_commit(lambda: queue(args, kwargs, **options))
        return None


# `task_cls`: every @shared_task of the project is transaction-aware without saying so.
app = Celery("guestdesk", task_cls=TransactionAwareTask)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
