"""Hours stored under the old "past midnight" flag keep their meaning under the one rule."""

from datetime import date, time

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("board", "0002_event_constraint_message")]
AFTER = [("board", "0004_remove_past_midnight")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def latest_schema_afterwards():
    """Leave the database at every app's latest migration, whatever the test migrated to:
    later tests (the audit trail's history tables came after 0004) need the whole schema."""
    yield
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_flagged_hours_convert_to_the_one_rule_and_back(latest_schema_afterwards):
    old = migrate(BEFORE)
    entry = old.get_model("board", "ServiceEntry").objects.create(category="restaurant")
    hours = old.get_model("board", "OpeningHours").objects
    hours.create(entry=entry, weekday=4, opens=time(18), closes=time(2), past_midnight=True)
    hours.create(entry=entry, weekday=0, opens=time(7), closes=time(22), past_midnight=False)
    # Only possible by bypassing the form: open from 10:00 until 11:00 the next day.
    hours.create(entry=entry, weekday=1, opens=time(10), closes=time(11), past_midnight=True)
    old.get_model("board", "HoursException").objects.create(
        entry=entry, date=date(2026, 12, 31), opens=time(20), closes=time(3), past_midnight=True
    )

    new = migrate(AFTER)
    rows = new.get_model("board", "OpeningHours").objects.order_by("weekday")
    assert [(r.weekday, r.opens, r.closes) for r in rows] == [
        (0, time(7), time(22)),
        (1, time(10), time(10)),  # the longest a period can be: 24 hours
        (4, time(18), time(2)),  # closes before it opens: the next day, as before
    ]
    special = new.get_model("board", "HoursException").objects.get()
    assert (special.opens, special.closes) == (time(20), time(3))

    back = migrate(BEFORE)
    flags = back.get_model("board", "OpeningHours").objects.order_by("weekday")
    assert [r.past_midnight for r in flags] == [False, True, True]
    assert back.get_model("board", "HoursException").objects.get().past_midnight
