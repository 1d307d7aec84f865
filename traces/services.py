"""Trace workflows: adding one, resolving one, and keeping automatic traces in step with stays."""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, time, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from arrivals.models import Stay
from guestdesk import audit, roles, transitions
from guestdesk.models import Department
from requests_desk.models import ServiceRequest
from traces.models import Trace, TraceRule
from traces.signals import trace_resolved

# Stays are brought in step this many at a time (one lock and a few queries per chunk).
CHUNK = 500


def departments_for(user: Any) -> list[Department]:
    """The departments `user` may give a trace to: all for the desk, else their own
    (every department when GUESTDESK_TRACES_CROSS_DEPARTMENT is on)."""
    departments = Department.objects.active()
    if roles.is_desk(user) or settings.GUESTDESK_TRACES_CROSS_DEPARTMENT:
        return list(departments)
    return list(departments.filter(members=user))


def may_resolve(user: Any, trace: Trace) -> bool:
    """The desk, or a member of the trace's own department."""
    return roles.is_desk(user) or trace.department.members.filter(pk=user.pk).exists()


def add(
    *,
    stay: Stay | None,
    department: Department,
    due_date: date,
    due_time: time | None,
    text: str,
    by: Any,
    request: ServiceRequest | None = None,
) -> Trace:
    """Give `department` a trace about `stay` (and/or guest `request`), due on `due_date`
    (at `due_time` if given)."""
    trace = Trace.objects.create(
        stay=stay,
        request=request,
        department=department,
        due_date=due_date,
        due_time=due_time,
        text=text.strip(),
        anchor_date=stay.arrival_date if stay is not None else None,
        created_by=by,
    )
    return trace


def resolve(trace: Trace, to_status: str, by: Any, *, expected: str, reason: str = "") -> Trace:
    """Mark `trace` done or not done for `by`; `expected` is the status the person saw.

    Two people pressing at once: the row lock in transitions makes the second one find the
    trace already resolved, and `ChangedMeanwhile` tells them by whom.
    """
    if to_status not in Trace.RESOLVED:
        raise transitions.NotAllowed(trace.transition_not_allowed(to_status))
    reason = reason.strip()
    if to_status == Trace.Status.NOT_DONE and not reason:
        raise transitions.NotAllowed(_("Say why it could not be done."))
    now = timezone.now()
    with transaction.atomic():
        resolved = transitions.transition(
            trace,
            to_status,
            by,
            expected=expected,
            changes=lambda current: {
                "resolved_by": by,
                "resolved_at": now,
                "reason": reason if to_status == Trace.Status.NOT_DONE else "",
            },
            at=now,
        )
        trace_resolved.send(sender=Trace, trace=resolved)
    return resolved


def sync_stays(stay_ids: Iterable[int]) -> None:
    """Bring the automatic traces of these stays in step with their VIP level, status and dates.

    Safe to run any number of times, also at once: creating relies on the unique
    constraint (stay, rule), and the stays are locked while their traces are compared.
    """
    ids = sorted(set(stay_ids))
    for start in range(0, len(ids), CHUNK):
        _sync_chunk(ids[start : start + CHUNK])


def _sync_chunk(ids: list[int]) -> None:
    with transaction.atomic():
        stays = list(Stay.objects.filter(pk__in=ids).order_by("pk").select_for_update(of=("self",)))
        levels = {stay.vip_level_id for stay in stays if stay.vip_level_id}
        rules: dict[int, list[TraceRule]] = defaultdict(list)
        for rule in TraceRule.objects.filter(active=True, vip_level_id__in=levels):
            rules[rule.vip_level_id].append(rule)
        traces: dict[int, list[Trace]] = defaultdict(list)
        for trace in Trace.objects.filter(stay_id__in=ids):
            traces[trace.stay_id].append(trace)  # type: ignore[index]
        new: list[Trace] = []
        for stay in stays:
            new.extend(_sync_stay(stay, rules, traces[stay.pk]))
        if new:
            known = [trace.pk for group in traces.values() for trace in group]
            # The stays are locked, so no one else adds their traces meanwhile; the
            # constraint is what keeps them single if that ever changes.
            Trace.objects.bulk_create(new, ignore_conflicts=True)
            created = Trace.objects.filter(stay_id__in=ids).exclude(pk__in=known)
            audit.record_bulk(Trace, created, created=True)


def _sync_stay(stay: Stay, rules: dict[int, list[TraceRule]], traces: list[Trace]) -> list[Trace]:
    """The new traces `stay` needs; cancels, reopens and moves its existing ones in place."""
    wanted = (
        {rule.pk: rule for rule in rules.get(stay.vip_level_id or 0, [])}
        if stay.status not in Stay.NOT_STAYED
        else {}
    )
    have = {trace.rule_id for trace in traces if trace.rule_id}
    for trace in traces:
        if trace.rule_id and trace.rule_id not in wanted and trace.status == Trace.Status.OPEN:
            transitions.transition(trace, Trace.Status.CANCELLED, None)
        elif trace.rule_id in wanted and trace.status == Trace.Status.CANCELLED:
            transitions.transition(trace, Trace.Status.OPEN, None)
        if trace.status == Trace.Status.OPEN and trace.anchor_date != stay.arrival_date:
            _move(trace, stay.arrival_date)
    return [
        Trace(
            stay=stay,
            department_id=rule.department_id,
            due_date=stay.arrival_date - timedelta(days=rule.days_before),
            due_time=rule.due_time,
            text=rule.text,
            rule=rule,
            anchor_date=stay.arrival_date,
        )
        for pk, rule in wanted.items()
        if pk not in have
    ]


def _move(trace: Trace, arrival: date) -> None:
    """Move an open trace with its stay's arrival (a new due date may alert again)."""
    if trace.anchor_date is not None:
        trace.due_date += arrival - trace.anchor_date
    trace.anchor_date = arrival
    trace.alerted_at = None
    trace.save(update_fields=["due_date", "anchor_date", "alerted_at"])
