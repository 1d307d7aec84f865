"""Demo traces: what each VIP level asks of the departments, and the traces that follows."""

import datetime
from typing import Any

from django.utils import timezone

from arrivals.models import Stay, VipLevel
from guestdesk.models import Department
from traces import services
from traces.models import Trace, TraceRule

T = datetime.time
RULES = [
    ("VIP1", "housekeeping", "Fruit plate and flowers in the room", 0, T(14, 0)),
    ("VIP1", "housekeeping", "Room check by the supervisor", 0, T(13, 0)),
    ("VIP1", "food-beverage", "Welcome amenity: dessert and a card from the chef", 0, T(15, 0)),
    ("VIP1", "management", "Welcome letter signed by the general manager", 1, None),
    ("VIP2", "housekeeping", "Fruit plate in the room", 0, T(14, 0)),
    ("VIP2", "food-beverage", "Welcome drink at the lobby bar", 0, None),
    ("VIP3", "housekeeping", "Welcome card and still water", 0, T(14, 0)),
    ("VIP1", "security", "Escort from the car to the room", 0, None),
    ("VIP1", "spa", "Invitation to the spa, with the menu", 0, None),
]


def load(stdout: Any = None) -> None:
    levels = {level.code: level for level in VipLevel.objects.all()}
    departments = {d.code: d for d in Department.objects.all()}
    for code, department, text, days_before, due_time in RULES:
        if code in levels and department in departments:
            TraceRule.objects.get_or_create(
                vip_level=levels[code],
                department=departments[department],
                text=text,
                defaults={"days_before": days_before, "due_time": due_time},
            )
    today = timezone.localdate()
    week = datetime.timedelta(days=7)
    stays = list(Stay.objects.filter(arrival_date__range=(today - week, today + week)))
    services.sync_stays([stay.pk for stay in stays if stay.vip_level_id])
    transport = departments.get("transport")
    for stay in stays:
        if transport is not None and stay.pickup_needed:
            Trace.objects.get_or_create(
                stay=stay,
                department=transport,
                text="Airport pickup, a sign with the guest's name",
                defaults={
                    "due_date": stay.arrival_date,
                    "due_time": stay.eta,
                    "anchor_date": stay.arrival_date,
                },
            )
    _resolve_past(today)
    if stdout:
        stdout.write(f"Traces: {Trace.objects.count()} traces, {TraceRule.objects.count()} rules.")


def _resolve_past(today: datetime.date) -> None:
    """Past traces: most done in time, some late, a few not done, and yesterday's first one
    left open (the day page and the dashboard show it overdue).

    Left-open is decided the same way on a second run, so the demo stays as it was.
    """
    yesterday = today - datetime.timedelta(days=1)
    kept = Trace.objects.open().filter(due_date=yesterday).order_by("pk").first()
    past = Trace.objects.open().filter(due_date__lt=today)
    if kept is not None:
        past = past.exclude(pk=kept.pk)
    for index, trace in enumerate(past.order_by("pk")):
        if index % 6 == 5:
            services.resolve(
                trace,
                Trace.Status.NOT_DONE,
                None,
                expected="open",
                reason="The guest asked not to be disturbed",
            )
            continue
        services.resolve(trace, Trace.Status.DONE, None, expected="open")
        # When it was done, for the report: mostly in time, sometimes two hours late.
        late = datetime.timedelta(hours=2 if index % 4 == 3 else -1)
        Trace.objects.filter(pk=trace.pk).update(resolved_at=trace.due_at() + late)
