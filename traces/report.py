"""The traces report: done on time per department and week, and what is most often late."""

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.utils import timezone

from traces.models import Trace

WEEKS = 8
LATE_KINDS = 10


@dataclass
class Cell:
    total: int = 0
    on_time: int = 0
    late: int = 0  # done late, could not be done, or still open past its time

    @property
    def percent(self) -> int | None:
        return round(100 * self.on_time / self.total) if self.total else None


def _due(day: date, at: Any) -> datetime:
    return timezone.make_aware(datetime.combine(day, at or datetime.max.time()))


def build(today: date, weeks: int = WEEKS) -> dict[str, Any]:
    """The report's context for the `weeks` weeks up to `today` (weeks begin on Monday).

    One query: the traces due in those weeks, without cancelled ones.
    """
    first = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
    mondays = [first + timedelta(weeks=i) for i in range(weeks)]
    now = timezone.now()
    rows = (
        Trace.objects.live()
        .filter(due_date__gte=first, due_date__lte=today)
        .values_list("department__name", "due_date", "due_time", "status", "resolved_at", "text")
    )
    cells: dict[str, dict[date, Cell]] = defaultdict(lambda: {m: Cell() for m in mondays})
    late_kinds: Counter[str] = Counter()
    for department, due_date, due_time, status, resolved_at, text in rows:
        due = _due(due_date, due_time)
        if status == Trace.Status.OPEN and due >= now:
            continue  # not yet due: neither on time nor late
        cell = cells[department][due_date - timedelta(days=due_date.weekday())]
        cell.total += 1
        if status == Trace.Status.DONE and resolved_at is not None and resolved_at <= due:
            cell.on_time += 1
        else:
            cell.late += 1
            late_kinds[text] += 1
    return {
        "mondays": mondays,
        "rows": [(name, [cells[name][m] for m in mondays]) for name in sorted(cells)],
        "late_kinds": late_kinds.most_common(LATE_KINDS),
        "today": today,
    }
