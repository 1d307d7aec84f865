from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from arrivals.models import Stay
from guestdesk import roles
from guestdesk.models import Department
from guestdesk.registry import Card
from requests_desk.models import ServiceRequest
from traces import services
from traces.forms import TraceForm
from traces.models import Trace


def panels(request: HttpRequest, kind: str, obj: Any) -> list[Card]:
    """A stay's traces with the form to add one; the VIP list's open / done per department;
    a guest request's traces with the form to add one (the desk)."""
    if kind == "stay":
        return [_stay_panel(request, obj)]
    if kind == "vip_list" and roles.is_desk(request.user):
        return [_vip_list_panel(obj)]
    if kind == "request" and roles.is_desk(request.user):
        return [_request_panel(request, obj)]
    return []


def _request_panel(request: HttpRequest, service_request: ServiceRequest) -> Card:
    """A guest request's traces, with the form to give a department one (the desk only)."""
    now = timezone.now()
    traces = list(Trace.objects.for_lists().live().filter(request=service_request))
    for trace in traces:
        trace.overdue = trace.is_overdue(now)  # type: ignore[attr-defined]
        trace.can_resolve = True  # type: ignore[attr-defined]
    form = TraceForm(
        departments=services.departments_for(request.user),
        initial={"due_date": timezone.localdate()},
    )
    add_url = reverse("traces:add_for_request", args=[service_request.pk])
    context = {"traces": traces, "form": form, "add_url": add_url, "testid": "request-"}
    return Card("traces/_panel.html", context, order=25)


def _stay_panel(request: HttpRequest, stay: Stay) -> Card:
    now = timezone.now()
    traces = list(Trace.objects.visible_to(request.user).for_lists().live().filter(stay=stay))
    mine = set(request.user.departments.values_list("pk", flat=True))  # type: ignore[union-attr]
    desk = roles.is_desk(request.user)
    for trace in traces:
        trace.overdue = trace.is_overdue(now)  # type: ignore[attr-defined]
        trace.can_resolve = desk or trace.department_id in mine  # type: ignore[attr-defined]
    departments = services.departments_for(request.user)
    form = (
        TraceForm(
            departments=departments,
            initial={"due_date": max(stay.arrival_date, timezone.localdate())},
        )
        if departments
        else None
    )
    add_url = reverse("traces:add", args=[stay.pk])
    context = {"traces": traces, "form": form, "add_url": add_url, "testid": ""}
    return Card("traces/_panel.html", context, order=20)


def _vip_list_panel(day: Any) -> Card:
    """Open and done traces per VIP stay of `day` and department: two queries."""
    counts: dict[tuple[int, int], dict[str, int]] = {}
    stays: dict[int, Stay] = {}
    for trace in (
        Trace.objects.live()
        .filter(stay__arrival_date=day, stay__vip_level__isnull=False)
        .select_related("stay__guest")
        .order_by("stay__guest__last_name", "stay_id")
    ):
        stay = trace.stay
        assert stay is not None
        stays[stay.pk] = stay
        cell = counts.setdefault((stay.pk, trace.department_id), {"open": 0, "done": 0})
        if trace.status == Trace.Status.OPEN:
            cell["open"] += 1
        elif trace.status == Trace.Status.DONE:
            cell["done"] += 1
    used = {department for _stay, department in counts}
    departments = list(Department.objects.filter(pk__in=used))
    rows = [
        {
            "stay": stay,
            "cells": [
                {"department": d, **counts.get((stay.pk, d.pk), {"open": 0, "done": 0})}
                for d in departments
            ],
        }
        for stay in stays.values()
    ]
    return Card("traces/_vip_list_panel.html", {"rows": rows, "departments": departments}, order=20)
