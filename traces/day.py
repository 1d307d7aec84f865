"""What a department's day page shows: its traces, the arrivals that concern it, its digest.

A fixed number of queries whatever the day holds; contacts only for departments whose
digest may show guests' phone numbers (the same rule the digest follows).
"""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils import timezone

from arrivals.models import Stay
from digests.models import Digest, DigestSubscription
from guestdesk.models import Department
from traces.models import Trace


@dataclass
class DepartmentDay:
    department: Department
    day: date
    overdue: list[Trace] = field(default_factory=list)
    today: list[Trace] = field(default_factory=list)
    arrivals: list[Stay] = field(default_factory=list)
    digest: Digest | None = None
    show_contacts: bool = False

    @classmethod
    def collect(cls, department: Department, day: date) -> "DepartmentDay":
        now = timezone.now()
        traces = list(Trace.objects.for_lists().for_day(day).filter(department=department))
        for trace in traces:
            trace.overdue = trace.is_overdue(now)  # type: ignore[attr-defined]
        subscription = DigestSubscription.objects.filter(department=department).first()
        with_traces = {t.stay_id for t in traces if t.due_date == day}
        arrivals = [
            stay
            for stay in Stay.objects.arriving_on(day)
            .active()
            .for_lists()
            .prefetch_related("vip_level__departments")
            .by_vip_rank()
            if stay.pk in with_traces or concerns(department, subscription, stay)
        ]
        return cls(
            department=department,
            day=day,
            overdue=[t for t in traces if t.due_date < day],
            today=[t for t in traces if t.due_date == day],
            arrivals=arrivals,
            digest=Digest.objects.daily().on(day).filter(department=department).first(),
            show_contacts=bool(subscription and subscription.show_phone_numbers),
        )

    @property
    def open_count(self) -> int:
        return sum(t.status == Trace.Status.OPEN for t in self.overdue + self.today)


def concerns(department: Department, subscription: Any, stay: Stay) -> bool:
    """A VIP arrival the department's digest would list (its level names the department)."""
    if stay.vip_level is None:
        return False
    if subscription is not None:
        return bool(subscription.includes_vip(stay.vip_level))
    told = [d.pk for d in stay.vip_level.departments.all()]
    return not told or department.pk in told
