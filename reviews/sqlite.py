"""The report's PostgreSQL functions for the SQLite development database.

The improvement report asks PostgreSQL for a median (PERCENTILE_CONT) and for the days
from a review's date (hotel midnight) to its response. `make run` and the tests without
PostgreSQL use SQLite, which has neither: the same answers come from these functions,
registered on every new SQLite connection (ReviewsConfig.ready).
"""

from __future__ import annotations

import statistics
from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo


class Median:
    """PERCENTILE_CONT(0.5): the middle value, or the mean of the two middle ones."""

    def __init__(self) -> None:
        self.values: list[float] = []

    def step(self, value: float | None) -> None:
        if value is not None:
            self.values.append(value)

    def finalize(self) -> float | None:
        return statistics.median(self.values) if self.values else None


def days_to_respond(responded_at: str | None, day: str | None, zone: str) -> float | None:
    """Days from midnight of `day` in `zone` to `responded_at` (stored in UTC)."""
    if responded_at is None or day is None:
        return None
    responded = datetime.fromisoformat(responded_at).replace(tzinfo=UTC)
    midnight = datetime.combine(date.fromisoformat(day), time(), tzinfo=ZoneInfo(zone))
    return (responded - midnight).total_seconds() / 86400


def register(sender: Any, connection: Any, **kwargs: Any) -> None:
    if connection.vendor != "sqlite":
        return
    raw = connection.connection
    raw.create_function("reviews_days_to_respond", 3, days_to_respond, deterministic=True)
    raw.create_aggregate("reviews_median", 1, Median)
