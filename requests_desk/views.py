from dataclasses import dataclass
from datetime import datetime
from types import SimpleNamespace
from typing import TYPE_CHECKING, NamedTuple

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language, gettext_lazy, pgettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from arrivals.models import Stay
from guestdesk import audit, roles
from guestdesk.registry import panels_for
from guestdesk.roles import role_required
from guestdesk.rows import render_rows
from guestdesk.transitions import TransitionError
from requests_desk import services
from requests_desk.board_rows import BoardRow, board_rows
from requests_desk.details import PERMIT_KINDS
from requests_desk.documents import guest_language, render_for_guest
from requests_desk.filters import BoardFilter
from requests_desk.forms import (
    AttachmentForm,
    LeadTimeFormSet,
    RequestForm,
    TransitionForm,
    desk_users,
)
from requests_desk.models import (
    OPEN_STATUSES,
    LeadTime,
    ServiceRequest,
    ServiceRequestQuerySet,
    Status,
    Waybill,
    departments_types,
)
from requests_desk.types import RequestType
from vendors.models import Supplier

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

PAGE_SIZE = 50
# The status tabs count up to this many requests each and show "999+" from there on, as
# issue trackers do: counting every row of a busy hotel's board cost most of the page.
COUNTED_UP_TO = 1000
# The highest page number read (its offset still fits the database's integers).
LAST_PAGE_READ = 2**31 // PAGE_SIZE - 1


class CountedPaginator(Paginator):
    """A paginator told its length, for a list whose length is known without a COUNT."""

    def __init__(self, object_list, per_page: int, count: int):
        super().__init__(object_list, per_page)
        self._count = count

    @cached_property
    def count(self) -> int:
        return self._count


@dataclass(frozen=True)
class OpenEndedPage:
    """A page of a list longer than its tabs count: Previous and Next, no number of pages.

    A desk works from the top of the board (the nearest deadlines); the number of the last of
    hundreds of pages would cost counting every request, and a "999+" tab already says there
    are many. The template's pager reads it as it reads a Django page.
    """

    number: int
    more: bool
    paginator: None = None

    def has_previous(self) -> bool:
        return self.number > 1

    def has_next(self) -> bool:
        return self.more

    def previous_page_number(self) -> int:
        return self.number - 1

    def next_page_number(self) -> int:
        return self.number + 1


def _visible(request, number):
    """The request `number` if this user may see it; 404 otherwise (no hint it exists)."""
    return get_object_or_404(ServiceRequest.objects.visible_to(request.user), number=number)


@role_required(*roles.READERS)
def board(request):
    agents, suppliers = desk_users(), Supplier.objects.active().order_by("name")
    filters = BoardFilter(
        request.GET,
        ServiceRequest.objects.visible_to(request.user),
        request=request,
        agents=agents,
        suppliers=suppliers,
    )
    # The status tabs count every status under the other filters.
    filtered, requests = filters.filter_only(filters.queryset), filters.qs
    assert isinstance(filtered, ServiceRequestQuerySet)
    assert isinstance(requests, ServiceRequestQuerySet)
    ordered = requests.order_by("due_at", "pk")
    number, now = _page_number(request.GET.get("page")), timezone.now()
    # The page first, with one row more to tell whether a next page exists: that needs no
    # count. The tabs then count up to COUNTED_UP_TO, which gives the list's length below it.
    start = (number - 1) * PAGE_SIZE
    rows = board_rows(ordered[start : start + PAGE_SIZE + 1], now)
    counts = filtered.status_counts(up_to=COUNTED_UP_TO)
    page, rows = _paged(ordered, number, rows, [counts[s] for s in filters.shown_statuses()], now)
    # The queries ran, so the template does not touch the database.
    shown = [(r, r.overdue, r.soon) for r in rows]
    return render(
        request,
        "requests_desk/board.html",
        {
            "form": filters.form,
            # Only the desk is shown the filters (a department reads no agents or suppliers).
            "filters_key": _filters_key(request, filters) if roles.is_desk(request.user) else "",
            "page": page,
            "rows": shown,
            "row_html": render_rows(
                "requests_desk/board_rows.html", {"rows": shown, "label": _row_labels()}
            ),
            "tabs": [Tab.of(s, label, counts[s]) for s, label in Status.choices],
            "open_tab": Tab.of(
                "", pgettext("requests", "Open"), sum(counts[s] for s in OPEN_STATUSES)
            ),
            "can_work": roles.is_desk(request.user),
            "types": RequestType.choices,
            # A department sees the types routed to it, not the desk's filters.
            "routed": None if roles.is_desk(request.user) else routed_labels(request.user),
        },
    )


def _filters_key(request, filters: BoardFilter) -> str:
    """What the board's filters are drawn from, as the key of their kept HTML
    (templates/requests_desk/board.html): the language, what was asked, and the agents and
    suppliers the selects offer. Drawing the form's eight widgets cost about a fifth of
    the page; it is the same for every request with the same key."""
    return "|".join(
        (
            get_language(),
            request.GET.urlencode(),
            repr(filters.offered_agents),
            repr(filters.offered_suppliers),
        )
    )


def _page_number(text: str | None) -> int:
    """The page asked for: the first for no number or a bad one, as Paginator.get_page."""
    try:
        number = int(text or 1)
    except ValueError:
        return 1
    return min(max(number, 1), LAST_PAGE_READ)


def _paged(
    ordered: QuerySet[ServiceRequest],
    number: int,
    rows: list[BoardRow],
    shown_counts: list[int],
    now: datetime,
) -> tuple[Page | OpenEndedPage, list[BoardRow]]:
    """(page `number` of `ordered`, its rows) from the rows read for it (one more than a page)
    and the tab counts of the statuses shown, each counted up to COUNTED_UP_TO."""
    length = None if max(shown_counts, default=0) >= COUNTED_UP_TO else sum(shown_counts)
    if not rows and number > 1:
        # Past the last page: the last one, as Paginator.get_page does. Only a page number
        # typed or kept from a longer list comes here, so only then is a long list counted.
        length = ordered.count() if length is None else length
        page = CountedPaginator(ordered, PAGE_SIZE, length).get_page(number)
        assert isinstance(page.object_list, QuerySet)
        return page, board_rows(page.object_list, now)
    if length is None:
        return OpenEndedPage(number, more=len(rows) > PAGE_SIZE), rows[:PAGE_SIZE]
    return CountedPaginator(ordered, PAGE_SIZE, length).get_page(number), rows[:PAGE_SIZE]


class Tab(NamedTuple):
    """A status tab: its status ("" for the open ones), label, count and count as shown."""

    status: str
    label: "StrOrPromise"
    number: int
    text: str
    # The count in words when the tab shows "999+" (a tooltip), else "".
    title: str

    @classmethod
    def of(cls, status: str, label: "StrOrPromise", number: int) -> "Tab":
        if number < COUNTED_UP_TO:
            return cls(status, label, number, formats.number_format(number), "")
        most = formats.number_format(COUNTED_UP_TO - 1)
        return cls(
            status,
            label,
            number,
            # Translators: a status tab's count when there are more requests than it counts.
            _("%(number)s+") % {"number": most},
            _("More than %(number)s requests") % {"number": most},
        )


def _row_labels() -> SimpleNamespace:
    """The rows' fixed words, translated once per page (the row template has no text)."""
    return SimpleNamespace(
        overdue=_("Overdue"),
        soon=_("Due within the hour"),
        from_guest=_("from the guest"),
        none=_("No requests match."),
    )


def routed_labels(user) -> "list[StrOrPromise]":
    """Labels of the request types routed to `user`'s departments, in menu order."""
    routed = departments_types(user)
    return [label for value, label in RequestType.choices if value in routed]


@role_required(*roles.DESK)
def create(request):
    initial = {"assigned_to": request.user.pk}
    for name in ("stay", "guest"):
        if request.GET.get(name, "").isdigit():
            initial[name] = int(request.GET[name])
    stay = Stay.objects.filter(pk=initial["stay"]).first() if "stay" in initial else None
    form = RequestForm(
        request.POST or None,
        initial=initial,
        type_=request.GET.get("type"),
        instance=ServiceRequest(),
        details_initial=services.details_from_stay(stay) if stay else None,
    )
    if request.method == "POST" and form.is_valid():
        request_obj = services.create_request(form.save(), request.user)
        messages.success(request, _("Request %(number)s created.") % {"number": request_obj.number})
        return redirect(request_obj)
    return render(request, "requests_desk/form.html", {"form": form, "creating": True})


@role_required(*roles.READERS)
def detail(request, number):
    request_obj = _visible(request, number)
    can_work = roles.is_desk(request.user)
    context = {
        "r": request_obj,
        "events": list(request_obj.events.select_related("by")),
        "attachments": list(request_obj.attachments.all()),
        "can_work": can_work,
        "waybill": Waybill.objects.filter(request=request_obj).first(),
        "now": timezone.now(),
        "history": audit.for_managers(request.user, request_obj),
        "panels": panels_for(request, "request", request_obj),
    }
    if can_work:
        context["moves"] = request_obj.allowed_moves()
        context["transition_form"] = TransitionForm(request_obj=request_obj)
        context["attachment_form"] = AttachmentForm()
        context["guest_email"] = services.guest_email(request_obj)
    return render(request, "requests_desk/detail.html", context)


@role_required(*roles.DESK)
def edit(request, number):
    request_obj = _visible(request, number)
    if not request_obj.is_open:
        messages.error(request, _("A closed request can no longer be edited."))
        return redirect(request_obj)
    form = RequestForm(request.POST or None, instance=request_obj)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_edit(form.save(), form.cleaned_data.get("version"), request.user)
        except TransitionError as exc:
            messages.error(request, str(exc))
            return redirect(request_obj)
        messages.success(request, _("Changes saved."))
        return redirect(request_obj)
    return render(request, "requests_desk/form.html", {"form": form, "r": request_obj})


@role_required(*roles.DESK)
@require_POST
def change_status(request, number):
    request_obj = _visible(request, number)
    form = TransitionForm(request.POST, request_obj=request_obj)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                # ErrorList yields its messages; the stubs type items as ValidationError too.
                messages.error(request, error)  # type: ignore[arg-type]
        return redirect(request_obj)
    data = form.cleaned_data
    try:
        services.transition(
            request_obj,
            data["to_status"],
            request.user,
            expected=data["expected"],
            comment=data["comment"],
            reference=data["reference"],
            supplier=data["supplier"],
            reason=data["reason"],
            rating=data["rating"],
        )
    except TransitionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("The request is now “%(status)s”.") % {"status": Status(data["to_status"]).label},
        )
    return redirect(request_obj)


@role_required(*roles.DESK)
@require_POST
def take(request, number):
    request_obj = _visible(request, number)
    try:
        services.take(request_obj, request.user, int(request.POST.get("version") or 0))
    except TransitionError as exc:
        messages.error(request, str(exc))
    return redirect(request_obj)


@role_required(*roles.DESK)
@require_POST
def upload(request, number):
    request_obj = _visible(request, number)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        services.add_attachment(request_obj, form.cleaned_data["file"], request.user)
        messages.success(request, _("Attachment added."))
    else:
        for error in form.errors.get("file", []):
            # ErrorList yields its messages; the stubs type items as ValidationError too.
            messages.error(request, error)  # type: ignore[arg-type]
    return redirect(request_obj)


@role_required(*roles.READERS)
def attachment(request, number, pk):
    request_obj = _visible(request, number)
    item = get_object_or_404(request_obj.attachments, pk=pk)
    try:
        handle = item.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type=item.content_type, filename=item.name)
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    return response


@role_required(*roles.READERS)
def waybill(request, number):
    request_obj = _visible(request, number)
    if not request_obj.has_waybill:
        raise Http404
    issued = Waybill.objects.filter(request=request_obj).select_related("issued_by").first()
    if request.method == "POST":
        if not roles.is_desk(request.user):
            raise Http404
        services.issue_waybill(request_obj, request.user)
        return redirect("requests_desk:waybill", number=number)
    if issued is None and not roles.is_desk(request.user):
        raise Http404
    context = {
        "r": request_obj,
        "waybill": issued,
        "hotel_address": settings.HOTEL_ADDRESS,
        "pickup": request_obj.detail("pickup_at"),
        "planned_return": request_obj.detail("return_at"),
    }
    return _sheet_page(request, request_obj, "waybill", context)


def _sheet_page(request, request_obj, name, context):
    """Print page `name`: the agent's page around `_<name>_sheet.html` in the guest's language."""
    sheet = f"requests_desk/_{name}_sheet.html"
    context["sheet"] = render_for_guest(request_obj, sheet, context, request)
    context["sheet_language"] = guest_language(request_obj)
    return render(request, f"requests_desk/{name}.html", context)


@role_required(*roles.READERS)
def permit(request, number):
    request_obj = _visible(request, number)
    if not request_obj.is_permit:
        raise Http404
    kinds = dict(PERMIT_KINDS)
    issued = request_obj.events.filter(to_status=Status.BOOKED).select_related("by").last()
    issuer = (issued and issued.by) or request_obj.assigned_to or request_obj.created_by
    context = {
        "r": request_obj,
        # Lazy: the label is translated when the sheet renders, in the guest's language.
        "kind": kinds.get(request_obj.details.get("kind"), gettext_lazy("Permit")),
        "valid_from": request_obj.detail("valid_from"),
        "valid_until": request_obj.detail("valid_until"),
        "issued_by": (issuer.get_full_name() or issuer.get_username()) if issuer else "",
        "issued_at": issued.at if issued else request_obj.created_at,
        "hotel_address": settings.HOTEL_ADDRESS,
    }
    return _sheet_page(request, request_obj, "permit", context)


@role_required(*roles.DESK)
def itinerary(request, number):
    request_obj = _visible(request, number)
    context = services.confirmation_context(request_obj)
    context["guest_email"] = services.guest_email(request_obj)
    return _sheet_page(request, request_obj, "itinerary", context)


@role_required(*roles.DESK)
@require_POST
def confirm(request, number):
    request_obj = _visible(request, number)
    again = request.POST.get("again") == "1"
    try:
        message = services.send_confirmation(request_obj, request.user, again=again)
    except TransitionError as exc:
        messages.error(request, str(exc))
        return redirect(request_obj)
    if message.deduplicated:
        # A double click, or a second agent a moment later: ask before a second copy.
        return render(
            request, "requests_desk/confirm_again.html", {"r": request_obj, "message": message}
        )
    to = ", ".join(message.to)
    if again:
        messages.success(request, _("Confirmation sent again to %(to)s.") % {"to": to})
    else:
        messages.success(request, _("Confirmation queued for %(to)s.") % {"to": to})
    return redirect(request_obj)


@role_required(*roles.MANAGERS)
def lead_times(request):
    for type_ in RequestType.values:
        LeadTime.objects.get_or_create(
            type=type_, defaults={"minutes": LeadTime.minutes_for(type_)}
        )
    formset = LeadTimeFormSet(request.POST or None, queryset=LeadTime.objects.order_by("pk"))
    if request.method == "POST" and formset.is_valid():
        formset.save()
        messages.success(request, _("Lead times saved."))
        return redirect("requests_desk:lead_times")
    return render(request, "requests_desk/lead_times.html", {"formset": formset})
