from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from arrivals.models import Stay
from digests.views import acknowledge_as_member
from guestdesk import roles
from guestdesk.http import AuthenticatedHttpRequest, safe_next
from guestdesk.models import Department
from guestdesk.transitions import TransitionError
from requests_desk.models import ServiceRequest
from traces import report as weekly
from traces import services
from traces.day import DepartmentDay
from traces.forms import ResolveForm, TraceForm
from traces.models import Trace


def _departments(request: AuthenticatedHttpRequest):
    """The departments whose day page `request.user` may open."""
    departments = Department.objects.active()
    if roles.is_desk(request.user):
        return departments
    return departments.filter(members=request.user)


@roles.role_required(*roles.READERS)
def departments(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    rows = list(
        _departments(request).annotate(
            open_today=Count(
                "traces", filter=Q(traces__status=Trace.Status.OPEN, traces__due_date=today)
            ),
            overdue=Count(
                "traces", filter=Q(traces__status=Trace.Status.OPEN, traces__due_date__lt=today)
            ),
        )
    )
    if len(rows) == 1 and not roles.is_desk(request.user):
        return redirect("traces:department", code=rows[0].code)
    context = {"rows": rows, "day": today, "desk": roles.is_desk(request.user)}
    return render(request, "traces/departments.html", context)


@roles.role_required(*roles.READERS)
def department_day(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    department = get_object_or_404(_departments(request), code=code)
    day = DepartmentDay.collect(department, timezone.localdate())
    member = department.members.filter(pk=request.user.pk).exists()
    return render(request, "traces/department.html", {"page": day, "member": member})


@roles.role_required(*roles.READERS)
@require_POST
def acknowledge_digest(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    """A member marks today's digest read from the day page (as from the digest's page)."""
    department = get_object_or_404(_departments(request), code=code)
    if not department.members.filter(pk=request.user.pk).exists():
        raise Http404
    digest = get_object_or_404(department.digests.daily().on(timezone.localdate()))
    acknowledge_as_member(request, digest)
    return redirect("traces:department", code=department.code)


def _add_from_form(
    request: AuthenticatedHttpRequest, stay: Stay | None, service_request: ServiceRequest | None
) -> None:
    """Add the trace the posted form describes, and tell the user how that went."""
    form = TraceForm(request.POST, departments=services.departments_for(request.user))
    if form.is_valid():
        data = form.cleaned_data
        trace = services.add(
            stay=stay,
            request=service_request,
            department=data["department"],
            due_date=data["due_date"],
            due_time=data["due_time"],
            text=data["text"],
            by=request.user,
        )
        messages.success(
            request, _("Trace added for %(department)s.") % {"department": trace.department}
        )
    else:
        errors = "; ".join(str(e) for field in form.errors.values() for e in field)
        messages.error(request, _("The trace was not added: %(errors)s") % {"errors": errors})


@roles.role_required(*roles.READERS)
@require_POST
def add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    stay = get_object_or_404(Stay, pk=pk)
    _add_from_form(request, stay, None)
    return redirect(safe_next(request, stay_url(stay)))


@roles.role_required(*roles.DESK)
@require_POST
def add_for_request(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The desk gives a department a trace about a guest request (and the request's stay)."""
    service_request = get_object_or_404(ServiceRequest.objects.select_related("stay"), pk=pk)
    _add_from_form(request, service_request.stay, service_request)
    return redirect(service_request.get_absolute_url())


def stay_url(stay: Stay) -> str:
    return reverse("arrivals:stay", args=[stay.pk])


@roles.role_required(*roles.READERS)
@require_POST
def resolve(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    # Someone else's department's trace is not found, as if it did not exist.
    trace = get_object_or_404(
        Trace.objects.visible_to(request.user).select_related("department"), pk=pk
    )
    form = ResolveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose done or could not be done."))
    else:
        data = form.cleaned_data
        try:
            services.resolve(
                trace,
                data["status"],
                request.user,
                expected=data["expected"],
                reason=data["reason"],
            )
        except TransitionError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("“%(text)s” is now %(status)s.")
                % {
                    "text": trace.text,
                    "status": trace.get_status_display(),
                },
            )
    return redirect(safe_next(request, "traces:departments"))


@roles.role_required(*roles.DESK)
def report(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "traces/report.html", weekly.build(timezone.localdate()))
