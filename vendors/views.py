import datetime
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from arrivals.models import Guest
from guestdesk import audit, roles
from guestdesk.csv import csv_response
from guestdesk.paging import paginate
from guestdesk.roles import role_required
from guestdesk.rows import render_rows
from vendors import list_rows, services
from vendors.filters import DirectoryFilter, GuideFilter
from vendors.forms import (
    ContactFormSet,
    OpeningHoursFormSet,
    PlaceForm,
    SheetForm,
    SupplierForm,
)
from vendors.models import (
    GUIDE_LANGUAGES,
    VERIFY_EVERY_DAYS,
    Place,
    RecommendationSheet,
    Supplier,
)
from vendors.presets import DEFAULT_PICKS, PRESETS, codes_of, places_of

# ---------------------------------------------------------------------------------------
# Supplier directory


@role_required(*roles.READERS)
def directory(request):
    filters = DirectoryFilter(request.GET, Supplier.objects.all())
    today = timezone.localdate()
    values, page, total = paginate(request, list_rows.supplier_values(filters.qs))
    suppliers = list_rows.supplier_rows(values, today)
    rows = {"suppliers": suppliers, "label": list_rows.supplier_labels()}
    context = {
        "filters": filters.form,
        "suppliers": suppliers,
        "rows": render_rows("vendors/supplier_rows.html", rows),
        "page": page,
        "total": total,
        "printing": page is None,
        "today": today,
    }
    return render(request, "vendors/directory.html", context)


@role_required(*roles.READERS)
def supplier_detail(request, pk):
    supplier = get_object_or_404(
        Supplier.objects.prefetch_related("category_rows", "language_rows", "contacts"), pk=pk
    )
    supplier.state = supplier.contract_state()
    context = {
        "supplier": supplier,
        "performance": services.performance(supplier),
        "show_commission": roles.is_manager(request.user),
        "today": timezone.localdate(),
        "history": audit.for_managers(request.user, supplier),
    }
    return render(request, "vendors/supplier_detail.html", context)


def _supplier_form(request, supplier):
    show_commission = roles.is_manager(request.user)
    data = request.POST if request.method == "POST" else None
    form = SupplierForm(data, instance=supplier, show_commission=show_commission)
    formset = ContactFormSet(data, instance=supplier, prefix="contacts")
    if data is not None and form.is_valid() and formset.is_valid():
        supplier = services.save_with_formset(form, formset)
        messages.success(request, _("Supplier “%(name)s” saved.") % {"name": supplier.name})
        return redirect("vendors:supplier", pk=supplier.pk)
    context = {"form": form, "formset": formset, "supplier": supplier}
    return render(request, "vendors/supplier_form.html", context)


@role_required(*roles.DESK)
def supplier_create(request):
    return _supplier_form(request, Supplier())


@role_required(*roles.DESK)
def supplier_edit(request, pk):
    return _supplier_form(request, get_object_or_404(Supplier, pk=pk))


# ---------------------------------------------------------------------------------------
# Commission


@role_required(*roles.MANAGERS)
def commission_current(request):
    return redirect("vendors:commission", month=timezone.localdate())


def _month(month: datetime.date) -> tuple[int, int]:
    if not 2000 <= month.year <= 2100:
        raise Http404
    return month.year, month.month


@role_required(*roles.MANAGERS)
def commission(request, month):
    # 50 suppliers a page, only theirs read; the month's totals stay whole, and print and
    # CSV show everyone.
    paged: dict[str, Any] = {}

    def one_page(supplier_ids: list[int]) -> list[int]:
        shown, paged["page"], paged["total"] = paginate(request, supplier_ids)
        return shown

    report = services.commission_report(*_month(month), choose=one_page)
    cards = {
        "cards": list_rows.commission_cards(report.suppliers),
        "label": list_rows.commission_labels(),
    }
    context = {
        "report": report,
        "cards": render_rows("vendors/commission_cards.html", cards),
        "page": paged.get("page"),
        "printing": "page" in paged and paged["page"] is None,
    }
    return render(request, "vendors/commission.html", context)


@role_required(*roles.MANAGERS)
def commission_csv(request, month):
    report = services.commission_report(*_month(month))
    header = [
        _("Supplier"),
        _("Request"),
        _("Done"),
        _("Price"),
        _("Currency"),
        _("Commission"),
        _("Basis"),
    ]
    return csv_response(f"commission-{month:%Y-%m}.csv", header, _commission_rows(report))


def _commission_rows(report):
    for group in report.suppliers:
        for row in group.rows:
            done = timezone.localtime(row.done_at).strftime("%Y-%m-%d %H:%M")
            yield [
                group.supplier.name,
                row.number,
                done,
                row.price or "",
                row.currency,
                row.commission_due,
                services.commission_basis(row),
            ]
    for total in report.totals:
        yield [
            _("Total"),
            total["count"],
            "",
            total["price"] or "",
            total["currency"],
            total["commission"],
            "",
        ]


# ---------------------------------------------------------------------------------------
# Local guide


def _dates():
    today = timezone.localdate()
    return {"today": today, "stale_before": today - datetime.timedelta(days=VERIFY_EVERY_DAYS)}


@role_required(*roles.READERS)
def guide(request):
    filters = GuideFilter(request.GET, Place.objects.all())
    # A guide holds hundreds of places, not thousands: the filters (tags, open now, search)
    # run once, for the ids of every match in order, rather than once to count and again
    # for the page; then only the shown places are read.
    ids, page, total = paginate(request, list(filters.qs.values_list("pk", flat=True)))
    dates = _dates()
    places = list_rows.place_rows(
        list_rows.place_values(ids, timezone.now()), request.LANGUAGE_CODE, dates["stale_before"]
    )
    cards = {"places": places, "label": list_rows.place_labels()}
    context = {
        "filters": filters.form,
        "places": places,
        "cards": render_rows("vendors/place_cards.html", cards),
        "page": page,
        "total": total,
        "printing": page is None,
        **dates,
    }
    return render(request, "vendors/guide.html", context)


@role_required(*roles.READERS)
def place_detail(request, pk):
    place = get_object_or_404(Place.objects.for_listing(), pk=pk)
    language = request.LANGUAGE_CODE
    context = {
        "place": place,
        "name": place.text("name", language),
        "description": place.text("description", language),
        "open_now": place.is_open_at(),
        "place_languages": [(c, getattr(place, f"name_{c}")) for c in GUIDE_LANGUAGES],
        **_dates(),
    }
    return render(request, "vendors/place_detail.html", context)


def _place_form(request, place):
    data = request.POST if request.method == "POST" else None
    form = PlaceForm(data, instance=place)
    formset = OpeningHoursFormSet(data, instance=place, prefix="hours")
    if data is not None and form.is_valid() and formset.is_valid():
        place = services.save_with_formset(form, formset)
        messages.success(request, _("Place “%(name)s” saved.") % {"name": place.name})
        return redirect("vendors:place", pk=place.pk)
    return render(
        request, "vendors/place_form.html", {"form": form, "formset": formset, "place": place}
    )


@role_required(*roles.DESK)
def place_create(request):
    return _place_form(request, Place(last_verified=timezone.localdate()))


@role_required(*roles.DESK)
def place_edit(request, pk):
    return _place_form(request, get_object_or_404(Place, pk=pk))


@role_required(*roles.DESK)
@require_POST
def place_verify(request, pk):
    place = get_object_or_404(Place, pk=pk)
    Place.objects.filter(pk=place.pk).update(last_verified=timezone.localdate())
    messages.success(request, _("Marked as checked today."))
    return redirect("vendors:place", pk=place.pk)


# ---------------------------------------------------------------------------------------
# Recommendation sheets


def _sheet_builder(request, guest, sheet=None):
    candidates = Place.objects.active().for_listing()
    filters = GuideFilter(request.GET, candidates)
    # Several ready selections at once: lunch and shopping are one sheet, not five steps.
    codes = codes_of(request.GET.getlist("preset") or (sheet.preset if sheet else ""))
    listed = places_of(filters.qs, codes)
    if request.method == "POST":
        form = SheetForm(request.POST, places=candidates)
        if form.is_valid():
            chosen = _in_given_order(form.cleaned_data["places"], request.POST.getlist("places"))
            sheet = services.save_sheet(
                guest, request.user, chosen, form.cleaned_data["language"],
                title=form.cleaned_data["title"], note=form.cleaned_data["note"],
                preset=form.cleaned_data["preset"], sheet=sheet,
            )  # fmt: skip
            return redirect("vendors:sheet", pk=sheet.pk)
    else:
        initial = {"language": services.sheet_language(guest), "preset": ",".join(codes)}
        if sheet:
            chosen = [item.place_id for item in sheet.items.all()]
            initial |= {"language": sheet.language, "title": sheet.title, "note": sheet.note}
        elif request.GET.getlist("places"):
            chosen = [pk for pk in request.GET.getlist("places") if pk.isdigit()]
        else:
            chosen = _default_picks(filters.qs, codes)
        form = SheetForm(initial={**initial, "places": chosen}, places=candidates)
    places = services.localise(list(listed), request.LANGUAGE_CODE)
    chosen_ids = {int(pk) for pk in (form["places"].value() or []) if str(pk).isdigit()}
    # Chosen places stay on the page even when the current filter would hide them.
    hidden = services.localise(
        [p for p in candidates.filter(pk__in=chosen_ids) if p not in places], request.LANGUAGE_CODE
    )
    context = {
        "guest": guest,
        "guest_url": _guest_url(guest),
        "sheet": sheet,
        "form": form,
        "filters": filters.form,
        "places": hidden + places,
        "chosen": chosen_ids,
        "presets": _preset_chips(guest, codes),
        "preset": ",".join(codes),
        **_dates(),
    }
    return render(request, "vendors/sheet_builder.html", context)


def _default_picks(places, codes):
    """The first few places of each chosen selection, ticked for the agent to review."""
    picks: list[int] = []
    for code in codes:
        for place in PRESETS[code].apply(places)[:DEFAULT_PICKS]:
            if place.pk not in picks and len(picks) < SheetForm.MAX_PLACES:
                picks.append(place.pk)
    return picks


def _preset_chips(guest, codes):
    """Each selection as a chip that adds it to, or takes it from, the chosen ones."""
    chips = []
    for code, preset in PRESETS.items():
        toggled = [c for c in codes if c != code] if code in codes else [*codes, code]
        query = urlencode([("guest", guest.pk), *(("preset", c) for c in toggled)])
        chips.append({"code": code, "label": preset.label, "on": code in codes, "url": f"?{query}"})
    return chips


def _in_given_order(places, ids):
    by_pk = {str(place.pk): place for place in places}
    return [by_pk[pk] for pk in dict.fromkeys(ids) if pk in by_pk]


@role_required(*roles.DESK)
def sheet_new(request):
    guest_id = request.GET.get("guest") or request.POST.get("guest")
    if not (guest_id and str(guest_id).isdigit()):
        return _guest_search(request)
    return _sheet_builder(request, get_object_or_404(Guest, pk=guest_id))


def _guest_search(request):
    text = request.GET.get("q", "").strip()
    guests = list(Guest.objects.search(text)[:20]) if text else []
    return render(request, "vendors/sheet_guest.html", {"q": text, "guests": guests})


@role_required(*roles.DESK)
def sheet_edit(request, pk):
    sheet = get_object_or_404(RecommendationSheet.objects.select_related("guest"), pk=pk)
    return _sheet_builder(request, sheet.guest, sheet)


def _sheet_page(request, pk, template):
    sheet = get_object_or_404(
        RecommendationSheet.objects.select_related("guest", "created_by"), pk=pk
    )
    # The preview shows the codes too: it is what the guest reads, and agents print it.
    entries = services.with_qr_codes(services.sheet_entries(sheet))
    context = {
        "sheet": sheet,
        "guest_url": _guest_url(sheet.guest),
        "entries": entries,
        "hotel_name": settings.HOTEL_NAME,
        "hotel_address": settings.HOTEL_ADDRESS,
    }
    return render(request, template, context)


@role_required(*roles.DESK)
def sheet_detail(request, pk):
    return _sheet_page(request, pk, "vendors/sheet_detail.html")


@role_required(*roles.DESK)
def sheet_print(request, pk):
    return _sheet_page(request, pk, "vendors/sheet_print.html")


@role_required(*roles.DESK)
@require_POST
def sheet_printed(request, pk):
    sheet = get_object_or_404(RecommendationSheet, pk=pk)
    services.mark_printed(sheet)
    return redirect("vendors:sheet_print", pk=sheet.pk)


@role_required(*roles.DESK)
@require_POST
def sheet_email(request, pk):
    sheet = get_object_or_404(RecommendationSheet.objects.select_related("guest"), pk=pk)
    try:
        services.email_sheet(sheet, settings.HOTEL_NAME)
    except services.NoEmailAddress:
        messages.error(
            request, _("This guest has no email address. Add one on the guest's profile first.")
        )
    else:
        messages.success(
            request, _("The sheet is on its way to %(email)s.") % {"email": sheet.guest.email}
        )
    return redirect("vendors:sheet", pk=sheet.pk)


@role_required(*roles.DESK)
@require_POST
def sheet_delete(request, pk):
    sheet = get_object_or_404(RecommendationSheet, pk=pk)
    guest = sheet.guest
    sheet.delete()
    messages.success(request, _("Recommendation sheet deleted."))
    return redirect(_guest_url(guest))


def _guest_url(guest):
    # The guest profile belongs to arrivals; fall back to the guide if it is not routed.
    try:
        return reverse("arrivals:guest", args=[guest.pk])
    except NoReverseMatch:
        return reverse("vendors:guide")
