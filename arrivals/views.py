from collections.abc import Callable
from datetime import date, timedelta
from types import SimpleNamespace
from typing import TYPE_CHECKING, TypedDict

from django.conf import settings
from django.contrib import messages
from django.db.models import Count, Q, Sum
from django.http import Http404, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.html import format_html
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from arrivals import flow, importer, services
from arrivals.day_rows import StayRow, day_rows, day_totals
from arrivals.filters import StayFilter
from arrivals.forms import (
    AnonymiseForm,
    GuestForm,
    ImportUploadForm,
    StayForm,
    VipLevelForm,
    VipReviewForm,
)
from arrivals.models import Guest, ImportBatch, ImportProfile, Stay, StayQuerySet, VipLevel
from guestdesk import audit, erasure, roles
from guestdesk.csv import csv_response
from guestdesk.http import attach, safe_next
from guestdesk.imports import batches, pages
from guestdesk.registry import panels_for
from guestdesk.roles import role_required
from guestdesk.rows import render_rows
from guestdesk.transitions import TransitionError

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class DayList(TypedDict):
    title: "StrOrPromise"
    stays: Callable[[date], StayQuerySet]
    sort: str
    url: str
    export: str


LISTS: dict[str, DayList] = {
    "arrivals": {
        "title": gettext_lazy("Arrivals"),
        "stays": Stay.objects.arriving_on,
        "sort": "eta",
        "url": "arrivals:day",
        "export": "arrivals:export",
    },
    "in_house": {
        "title": gettext_lazy("In house"),
        "stays": Stay.objects.in_house_on,
        "sort": "room",
        "url": "arrivals:in_house",
        "export": "arrivals:in_house_export",
    },
    "departures": {
        "title": gettext_lazy("Departures"),
        "stays": Stay.objects.departing_on,
        "sort": "room",
        "url": "arrivals:departures",
        "export": "arrivals:departures_export",
    },
}


def _reach(user):
    """What this user may see of a guest: contact details and the security note."""
    desk = roles.is_desk(user)
    security = desk or user.departments.filter(code="security").exists()
    return {"desk": desk, "contacts": desk, "security": security}


def _day_filter(request, kind, day) -> tuple[StayFilter, list[VipLevel], StayQuerySet]:
    """The day's list filtered and sorted as asked, the VIP levels and the unfiltered day.

    The nationality and language filters offer what the day's guests have, not all 250
    countries and 180 languages. When something is asked, they are read first (one query
    for both: what is asked must be among them); on the plain day view, where nothing
    is asked, the page offers those of the rows it shows (`_offer_shown`).
    """
    levels = list(VipLevel.objects.all())
    base = LISTS[kind]["stays"](day).with_returning()  # rows and exports pick their joins
    filters = StayFilter(request.GET, base, levels, default_sort=LISTS[kind]["sort"])
    if filters.is_bound:
        present = base.order_by().values_list("guest__nationality", "guest__language")
        pairs = list(present.distinct())
        filters.offer([code for code, _ in pairs if code], [code for _, code in pairs if code])
    return filters, levels, base


def _offer_shown(filters: StayFilter, rows: list[StayRow]) -> None:
    """An unasked day view offers the nationalities and languages of the rows it shows."""
    if not filters.is_bound:
        filters.offer(
            [code for code in {row.country_code for row in rows} if code],
            [code for code in {row.language for row in rows} if code],
        )


def _day_stays(request, kind, day) -> list[Stay]:
    """The stays of an export, as models (the rows show no reviewer: no user join)."""
    filters, _levels, _base = _day_filter(request, kind, day)
    return list(filters.qs.select_related(None).select_related("guest", "vip_level"))


def _totals(base):
    return base.exclude(status=Stay.Status.CANCELLED).aggregate(
        stays=Count("pk"),
        vips=Count("pk", filter=Q(vip_level__isnull=False)),
        returning=Count("pk", filter=Q(is_returning=True)),
        adults=Sum("adults", default=0),
        children=Sum("children", default=0),
        arrived=Count("pk", filter=Q(status=Stay.Status.IN_HOUSE)),
        unreviewed=Count("pk", filter=Q(vip_level__isnull=False, reviewed_at__isnull=True)),
        missing=Count("pk", filter=Q(missing_from_batch__isnull=False)),
    )


def _day_links(url_name, day):
    """Links of the day picker: previous, next, today and a template for any date."""
    return {
        "day": day,
        "today": timezone.localdate(),
        "previous_url": reverse(url_name, kwargs={"day": day - timedelta(days=1)}),
        "next_url": reverse(url_name, kwargs={"day": day + timedelta(days=1)}),
        "today_url": reverse(url_name, kwargs={"day": timezone.localdate()}),
        "day_url_template": reverse(url_name, kwargs={"day": "0000-00-00"}),
    }


def _picked_day(request, url_name):
    """The day picker without JavaScript sends ?day=YYYY-MM-DD: go to that day's page."""
    try:
        picked = date.fromisoformat(request.GET.get("day", ""))
    except ValueError:
        return None
    return redirect(url_name, day=picked)


def _list_page(request, kind, day):
    picked = _picked_day(request, LISTS[kind]["url"])
    if picked:
        return picked
    filters, levels, base = _day_filter(request, kind, day)
    stays = day_rows(filters.qs, levels)
    _offer_shown(filters, stays)
    # The filters' form is built only if the page draws it (its fragment is not kept yet)
    # or a test reads it: the plain list does not need it.
    form = SimpleLazyObject(lambda: filters.form)
    reach = _reach(request.user)
    hidden = format_html(
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
        '<input type="hidden" name="next" value="{}">',
        get_token(request),
        request.get_full_path(),
    )
    rows = {
        "stays": stays,
        "arrivals": kind == "arrivals",
        "label": _row_labels(),
        "desk": reach["desk"],
        "contacts": reach["contacts"],
        "security": reach["security"],
        "hidden": hidden,
        "stay_prefix": reverse("arrivals:stay", kwargs={"pk": 0}).removesuffix("0/"),
    }
    context = {
        **_day_links(LISTS[kind]["url"], day),
        "fragment_key": _fragment_key(request, kind, day, filters),
        "kind": kind,
        "title": LISTS[kind]["title"],
        "url_name": LISTS[kind]["url"],
        "export_url": reverse(LISTS[kind]["export"], kwargs={"day": day}),
        "form": form,
        "stays": stays,
        "rows": render_rows("arrivals/stay_rows.html", rows),
        # Unfiltered, the rows are the day as the totals count it: no second query.
        "totals": _totals(base) if filters.active else day_totals(stays),
        "filtered": filters.active,
        "reach": reach,
        "query": request.GET.urlencode(),
        "vip_only": request.GET.get("vip") == "vip",
        "vip_toggle": _toggled(request.GET, "vip", "vip"),
    }
    return render(request, "arrivals/stay_list.html", context)


def _fragment_key(request, kind: str, day: date, filters: StayFilter) -> str:
    """What the list's filters and header are drawn from, as the key of their cached HTML
    (templates/arrivals/stay_list.html): the language, the list and day, the desk's tabs,
    the filters asked and the choices offered (the day's nationalities and languages, the
    VIP levels). Widgets are the costliest part of the page around the rows, and the same
    for every request with the same key."""
    offered = (
        ",".join(str(code) for code, _label in filters.filters[name].extra["choices"])
        for name in ("vip", "nationality", "language")
    )
    return "|".join(
        (
            get_language(),
            kind,
            day.isoformat(),
            timezone.localdate().isoformat(),  # the day picker's "Today"
            "desk" if roles.is_desk(request.user) else "",
            request.GET.urlencode(),
            *offered,
        )
    )


def _row_labels() -> SimpleNamespace:
    """The rows' fixed words, translated once per page (the row template has no text)."""
    return SimpleNamespace(
        returning_title=_("Returning guest"),
        returning=_("returning"),
        birthday=_("Birthday during the stay"),
        pickup_title=_("Pickup needed"),
        pickup=_("pickup"),
        allergies=_("allergies:"),
        missing=_("Not in the latest PMS file"),
        cancel_stay=_("Cancel stay"),
        keep=_("Keep"),
        none=_("No stays match."),
    )


def _toggled(params, key, value):
    """The query string with `key=value` switched on or off, other filters kept."""
    params = params.copy()
    if params.get(key) == value:
        params.pop(key)
    else:
        params[key] = value
    params.pop("page", None)
    return f"?{params.urlencode()}" if params else "?"


@role_required(*roles.READERS)
def today(request):
    return _list_page(request, "arrivals", timezone.localdate())


@role_required(*roles.READERS)
def day(request, day):
    return _list_page(request, "arrivals", day)


@role_required(*roles.READERS)
def in_house(request, day=None):
    return _list_page(request, "in_house", day or timezone.localdate())


@role_required(*roles.READERS)
def departures(request, day=None):
    return _list_page(request, "departures", day or timezone.localdate())


def _export(request, kind, day):
    stays = _day_stays(request, kind, day)
    reach = _reach(request.user)
    header = [
        _("Confirmation"),
        _("Guest"),
        _("VIP"),
        _("Returning"),
        _("Status"),
        _("Arrival"),
        _("ETA"),
        _("Departure"),
        _("Nights"),
        _("Room"),
        _("Adults"),
        _("Children"),
        _("Nationality"),
        _("Language"),
        _("Company"),
        _("Flight or train"),
        _("Pickup"),
        _("Special attention"),
    ]
    if reach["contacts"]:
        header += [_("Email"), _("Phone")]
    return csv_response(f"{kind}-{day.isoformat()}.csv", header, _export_rows(stays, reach))


def _export_rows(stays, reach):
    for stay in stays:
        row = [
            stay.confirmation_number,
            stay.guest.name,
            stay.vip_level.code if stay.vip_level else "",
            _("yes") if stay.is_returning else "",
            stay.get_status_display(),
            stay.arrival_date.isoformat(),
            stay.eta.strftime("%H:%M") if stay.eta else "",
            stay.departure_date.isoformat(),
            stay.nights,
            stay.room,
            stay.adults,
            stay.children,
            stay.guest.nationality.code,
            stay.guest.language,
            stay.company,
            stay.transport_number,
            _("yes") if stay.pickup_needed else "",
            stay.special_attention,
        ]
        if reach["contacts"]:
            row += [stay.guest.email, str(stay.guest.phone or "")]
        yield row


@role_required(*roles.READERS)
def export(request, day):
    return _export(request, "arrivals", day)


@role_required(*roles.READERS)
def in_house_export(request, day):
    return _export(request, "in_house", day)


@role_required(*roles.READERS)
def departures_export(request, day):
    return _export(request, "departures", day)


# -- the manager's VIP list -------------------------------------------------------------


@role_required(*roles.DESK)
def vip_today(request):
    return vip_list(request, timezone.localdate())


@role_required(*roles.DESK)
def vip_list(request, day):
    picked = _picked_day(request, "arrivals:vip_list")
    if picked:
        return picked
    stays = list(Stay.objects.arriving_on(day).vip().active().for_lists().by_vip_rank())
    levels = list(VipLevel.objects.all())
    context = {
        **_day_links("arrivals:vip_list", day),
        "stays": stays,
        "levels": levels,
        "unreviewed": sum(1 for stay in stays if not stay.is_reviewed),
        "can_review": roles.is_manager(request.user),
        "panels": panels_for(request, "vip_list", day),
    }
    return render(request, "arrivals/vip_list.html", context)


@role_required(*roles.MANAGERS)
@require_POST
def vip_review(request, pk):
    stay = get_object_or_404(Stay.objects.select_related("guest", "vip_level"), pk=pk)
    form = VipReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The VIP level was not understood; nothing was changed."))
        return redirect("arrivals:vip_list", day=stay.arrival_date)
    services.remember(stay)
    stay.vip_level = form.cleaned_data["vip_level"]
    stay.special_attention = form.cleaned_data["special_attention"]
    services.update_stay(stay, ["vip_level", "special_attention"], request.user)
    if form.cleaned_data["reviewed"] and not stay.is_reviewed:
        services.review(stay, request.user)
    messages.success(request, _("%(guest)s: saved.") % {"guest": stay.guest.name})
    return redirect(f"{reverse('arrivals:vip_list', kwargs={'day': stay.arrival_date})}#stay-{pk}")


@role_required(*roles.MANAGERS)
@require_POST
def vip_review_all(request, day):
    """The manager has read the whole day's VIP list: every VIP not yet reviewed is now."""
    count = services.review_all(Stay.objects.arriving_on(day).vip().active(), request.user)
    messages.success(
        request,
        ngettext("%(count)d VIP marked reviewed.", "%(count)d VIPs marked reviewed.", count)
        % {"count": count},
    )
    return redirect("arrivals:vip_list", day=day)


@role_required(*roles.MANAGERS)
def vip_levels(request):
    levels = list(VipLevel.objects.prefetch_related("departments"))
    return render(request, "arrivals/vip_levels.html", {"levels": levels})


@role_required(*roles.MANAGERS)
def vip_level_edit(request, pk=None):
    level = get_object_or_404(VipLevel, pk=pk) if pk else None
    form = VipLevelForm(request.POST or None, instance=level)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("VIP level saved."))
        return redirect("arrivals:vip_levels")
    return render(request, "arrivals/vip_level_form.html", {"form": form, "level": level})


# -- one stay ---------------------------------------------------------------------------


@role_required(*roles.READERS)
def stay_detail(request, pk):
    stay = get_object_or_404(Stay.objects.for_lists(), pk=pk)
    context = {
        "stay": stay,
        "changes": list(stay.changes.select_related("changed_by", "batch")[:100]),
        "reach": _reach(request.user),
        "panels": panels_for(request, "stay", stay),
        "history": audit.for_managers(request.user, stay),
    }
    return render(request, "arrivals/stay_detail.html", context)


@role_required(*roles.DESK)
def stay_edit(request, pk):
    stay = get_object_or_404(Stay.objects.select_related("guest", "vip_level"), pk=pk)
    services.remember(stay)
    manager = roles.is_manager(request.user)
    form = StayForm(request.POST or None, instance=stay, manager=manager)
    if request.method == "POST" and form.is_valid():
        services.update_stay(form.save(commit=False), form.changed_data, request.user)
        messages.success(request, _("Stay saved."))
        return redirect("arrivals:stay", pk=pk)
    return render(request, "arrivals/stay_form.html", {"stay": stay, "form": form})


def _back(request, fallback):
    return redirect(safe_next(request, fallback))


@role_required(*roles.DESK)
@require_POST
def stay_status(request, pk):
    stay = get_object_or_404(Stay.objects.select_related("guest"), pk=pk)
    to_status = request.POST.get("status", "")
    if to_status not in Stay.Status.values:
        raise Http404
    try:
        services.transition(stay, to_status, request.user, request.POST.get("from") or None)
    except TransitionError as exc:
        messages.error(request, f"{stay.guest.name}: {exc}")
    else:
        messages.success(
            request,
            _("%(guest)s: %(status)s.")
            % {"guest": stay.guest.name, "status": stay.get_status_display()},
        )
    return _back(request, reverse("arrivals:stay", kwargs={"pk": pk}))


@role_required(*roles.DESK)
@require_POST
def stay_missing(request, pk):
    stay = get_object_or_404(Stay, pk=pk, missing_from_batch__isnull=False)
    cancel = request.POST.get("decision") == "cancel"
    try:
        services.confirm_missing(stay, request.user, cancel=cancel)
    except TransitionError as exc:
        messages.error(request, str(exc))
    return _back(request, reverse("arrivals:stay", kwargs={"pk": pk}))


# -- guests -----------------------------------------------------------------------------


@role_required(*roles.DESK)
def guests(request):
    text = request.GET.get("q", "").strip()
    listed = Guest.objects.with_returning().select_related("default_vip_level")
    found = list(listed.search(text)[:100]) if text else list(listed.order_by("-updated_at")[:50])
    return render(request, "arrivals/guests.html", {"guests": found, "q": text})


@role_required(*roles.DESK)
def guest_detail(request, pk):
    guest = get_object_or_404(Guest.objects.select_related("default_vip_level"), pk=pk)
    stays = list(guest.stays.for_lists().order_by("-arrival_date", "-pk"))
    today = timezone.localdate()
    earlier = [s for s in stays if s.arrival_date < today and s.status not in Stay.NOT_STAYED]
    context = {
        "guest": guest,
        "stays": stays,
        "last_stay": earlier[0] if earlier else None,
        "is_returning": bool(earlier),
        "panels": panels_for(request, "guest", guest),
        "history": audit.for_managers(request.user, guest),
    }
    return render(request, "arrivals/guest_detail.html", context)


@role_required(*roles.DESK)
def guest_edit(request, pk):
    guest = get_object_or_404(Guest, pk=pk)
    form = GuestForm(request.POST or None, instance=guest, manager=roles.is_manager(request.user))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Guest saved."))
        return redirect("arrivals:guest", pk=pk)
    return render(request, "arrivals/guest_form.html", {"guest": guest, "form": form})


# -- a guest's personal data (docs/PRIVACY.md) -----------------------------------------


@role_required(*roles.MANAGERS)
def guest_data(request, pk):
    guest = get_object_or_404(Guest, pk=pk)
    context = {"guest": guest, "sections": erasure.labelled(guest), "now": timezone.now()}
    return render(request, "arrivals/guest_data.html", context)


@role_required(*roles.MANAGERS)
def guest_data_json(request, pk):
    guest = get_object_or_404(Guest, pk=pk)
    response = JsonResponse(
        {"guest": guest.pk, "exported_at": timezone.now(), "records": erasure.export(guest)},
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
    return attach(response, f"guest-{guest.pk}.json")


@role_required(*roles.MANAGERS)
def guest_anonymise(request, pk):
    guest = get_object_or_404(Guest, pk=pk)
    form = AnonymiseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reason = _("erasure: %(reason)s") % {"reason": form.cleaned_data["reason"]}
        erasure.anonymise_guest(guest, reason=reason[:100])
        messages.success(request, _("The guest's personal data was anonymised."))
        return redirect("arrivals:guest", pk=pk)
    context = {
        "guest": guest,
        "form": form,
        "keeps_review_text": settings.ERASURE_KEEPS_REVIEW_TEXT,
    }
    return render(request, "arrivals/guest_anonymise.html", context)


# -- imports ----------------------------------------------------------------------------


@role_required(*roles.DESK)
def imports(request):
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        profile, settings = form.profile_settings()
        batch = pages.accept_upload(
            importer.StayImporter.kind,
            ImportBatch,
            form.cleaned_data["file"],
            request,
            profile=profile,
            profile_settings=settings,
            full_day=form.cleaned_data["full_day"],
        )
        return redirect("arrivals:import_batch", pk=batch.pk)
    context = {
        "form": form,
        # Counts only: a batch's report rows live in their own table, never loaded here.
        "batches": list(
            ImportBatch.objects.select_related("uploaded_by", "profile").defer(
                "profile_settings", "error"
            )[:20]
        ),
        "profiles": list(ImportProfile.objects.filter(kind=ImportProfile.Kind.STAYS)),
    }
    return render(request, "arrivals/imports.html", context)


@role_required(*roles.DESK)
def import_batch(request, pk):
    batch = get_object_or_404(ImportBatch.objects.select_related("uploaded_by", "profile"), pk=pk)
    context = pages.report_context(request, batch)
    context["summary"] = importer.summary(batch.counts) if batch.counts else ""
    context["can_apply_vip"] = roles.is_manager(request.user)
    return render(request, "arrivals/import_batch.html", context)


@role_required(*roles.DESK)
@require_POST
def import_commit(request, pk):
    batch = get_object_or_404(ImportBatch, pk=pk)
    if not batches.commit(importer.StayImporter.kind, batch):
        messages.error(request, _("This file was already imported or is not checked yet."))
    return redirect("arrivals:import_batch", pk=pk)


@role_required(*roles.MANAGERS)
@require_POST
def import_apply_vip(request, pk):
    batch = get_object_or_404(ImportBatch, pk=pk)
    applied = importer.apply_waiting_vip(batch, request.user)
    messages.success(request, _("VIP levels applied: %(count)s.") % {"count": applied})
    return redirect("arrivals:import_batch", pk=pk)


@role_required(*roles.DESK)
def profile_json(request, pk):
    profile = get_object_or_404(ImportProfile, pk=pk)
    response = HttpResponse(profile.as_json(), content_type="application/json; charset=utf-8")
    return attach(response, f"{profile.name}.json")


# -- guest flow -------------------------------------------------------------------------


@role_required(*roles.READERS)
def guest_flow(request):
    today = timezone.localdate()
    try:
        before = max(0, min(90, int(request.GET.get("before", 14))))
        after = max(0, min(90, int(request.GET.get("after", 14))))
    except ValueError:
        before, after = 14, 14
    days = flow.figures(today - timedelta(days=before), today + timedelta(days=after))
    context = {
        "days": days,
        "today": today,
        "before": before,
        "after": after,
        "chart": flow.chart_data(days),
    }
    return render(request, "arrivals/flow.html", context)
