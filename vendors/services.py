"""Supplier figures, the month's commission, saving with formsets, and recommendation sheets.

Figures about requests are aggregate queries over the reverse relation `Supplier.requests`
(the requests app points at suppliers; this app never imports it).
"""

import datetime
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import groupby
from typing import Any
from urllib.parse import quote_plus

import segno
from django.core.exceptions import FieldDoesNotExist
from django.db import connection, transaction
from django.db.models import (
    Aggregate,
    Avg,
    Case,
    Count,
    DecimalField,
    DurationField,
    ExpressionWrapper,
    F,
    Q,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Round
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from guestdesk.emails import message_language, queue_email
from vendors.models import CommissionType, Place, RecommendationSheet, SheetItem, Supplier
from vendors.presets import codes_of, covering

DONE, BOOKED, CANCELLED, FAILED = "done", "booked", "cancelled", "failed"
STATUSES = ("new", "in_progress", BOOKED, DONE, CANCELLED, FAILED)
MONEY: DecimalField = DecimalField(max_digits=14, decimal_places=2)
CENT = Decimal("0.01")


def request_model():
    """The model behind `Supplier.requests`, or None while no app links requests to suppliers."""
    try:
        return Supplier._meta.get_field("requests").related_model
    except FieldDoesNotExist:
        return None


class Median(Aggregate):
    """PostgreSQL's exact median (percentile_cont); nulls are left out as in any aggregate."""

    function = "PERCENTILE_CONT"
    name = "Median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DurationField()


@dataclass
class Performance:
    total: int = 0
    by_status: dict = field(default_factory=dict)
    booked: int = 0  # requests that reached "booked" (booked_at set)
    on_time: int = 0
    with_deadline: int = 0
    median_to_booked: datetime.timedelta | None = None
    cancelled: int = 0
    failed: int = 0
    average_rating: float | None = None
    rated: int = 0

    @property
    def on_time_share(self):
        return round(100 * self.on_time / self.with_deadline) if self.with_deadline else None


def performance(supplier):
    """How a supplier did on the desk's requests: three aggregate queries, whatever the count."""
    if request_model() is None:
        return None
    requests = supplier.requests.all()
    by_status = dict(requests.order_by().values_list("status").annotate(n=Count("pk")))
    booked = Q(booked_at__isnull=False)
    with_deadline = booked & Q(due_at__isnull=False)
    figures = requests.aggregate(
        booked=Count("pk", filter=booked),
        with_deadline=Count("pk", filter=with_deadline),
        on_time=Count("pk", filter=with_deadline & Q(booked_at__lte=F("due_at"))),
        average_rating=Avg("rating", filter=Q(status=DONE)),
        rated=Count("rating", filter=Q(status=DONE)),
    )
    return Performance(
        total=sum(by_status.values()),
        by_status={status: by_status.get(status, 0) for status in STATUSES},
        cancelled=by_status.get(CANCELLED, 0),
        failed=by_status.get(FAILED, 0),
        median_to_booked=median_to_booked(requests),
        **figures,
    )


def median_to_booked(requests):
    time_to_book = ExpressionWrapper(F("booked_at") - F("created_at"), output_field=DurationField())
    booked = requests.filter(booked_at__isnull=False)
    if connection.vendor == "postgresql":
        return booked.aggregate(median=Median(time_to_book))["median"]
    # SQLite has no ordered-set aggregates: one query for the durations, median here.
    durations = list(booked.annotate(d=time_to_book).values_list("d", flat=True))
    return statistics.median(durations) if durations else None


# ---------------------------------------------------------------------------------------
# Commission


def commission_due():
    """The commission of a request: its own figure when set, else its supplier's terms."""
    return Case(
        When(commission__isnull=False, then=F("commission")),
        When(
            supplier__commission_type=CommissionType.FIXED,
            then=F("supplier__commission_value"),
        ),
        default=Round(
            Coalesce(F("price"), Value(Decimal("0")), output_field=MONEY)
            * F("supplier__commission_value")
            / Value(Decimal("100")),
            2,
        ),
        output_field=MONEY,
    )


def month_bounds(year, month):
    """Start and end of a calendar month in the hotel's time zone, as aware datetimes."""
    tz = timezone.get_current_timezone()
    start = datetime.datetime(year, month, 1, tzinfo=tz)
    following = datetime.datetime(year + month // 12, month % 12 + 1, 1, tzinfo=tz)
    return start, following


# What the report reads of a done request, and of its supplier for the commission basis.
REQUEST_COLUMNS = (
    "pk",
    "number",
    "done_at",
    "price",
    "currency",
    "commission",
    "commission_due",
    "supplier_id",
)
SUPPLIER_COLUMNS = ("supplier__name", "supplier__commission_type", "supplier__commission_value")
SUPPLIER_FIELDS = ("id", "name", "commission_type", "commission_value")


@dataclass(slots=True)
class CommissionRow:
    """A done request in the report, read as plain values."""

    pk: int
    number: str
    done_at: datetime.datetime
    price: Decimal | None
    currency: str
    commission: Decimal | None  # set on the request, overriding the supplier's terms
    commission_due: Decimal
    supplier_id: int
    supplier: Supplier | None = None


@dataclass
class SupplierCommission:
    supplier: Supplier
    rows: list[CommissionRow]
    totals: list  # [{"currency", "count", "price", "commission"}]


@dataclass
class CommissionReport:
    year: int
    month: int
    suppliers: list
    totals: list

    @property
    def first_day(self):
        return datetime.date(self.year, self.month, 1)

    @property
    def previous(self):
        return (self.first_day - datetime.timedelta(days=1)).replace(day=1)

    @property
    def next(self):
        return (self.first_day + datetime.timedelta(days=32)).replace(day=1)

    @property
    def count(self):
        return sum(len(group.rows) for group in self.suppliers)


def done_in_month(year, month):
    """Requests done in the month (by done_at, hotel time) that have a supplier."""
    model = request_model()
    if model is None:
        return None
    start, end = month_bounds(year, month)
    return model.objects.filter(
        supplier__isnull=False, status=DONE, done_at__gte=start, done_at__lt=end
    ).annotate(commission_due=commission_due())


def commission_report(
    year: int, month: int, choose: Callable[[list[int]], Sequence[int]] | None = None
) -> CommissionReport:
    """The month's done requests per supplier with their commission; two queries.

    `choose(supplier_ids)` (in the report's order, by name) picks the suppliers whose
    requests are read, such as one page of them; every supplier by default. The month's
    totals always count every supplier.
    """
    requests = done_in_month(year, month)
    if requests is None:
        return CommissionReport(year, month, [], [])
    # (supplier, currency, count, price, commission) for every supplier, in the report's
    # order: as plain tuples, and only the shown suppliers' become the cards' dicts.
    subtotal_rows = (
        requests.order_by("supplier__name", "supplier_id", "currency")
        .values_list("supplier_id", "currency")
        .annotate(count=Count("pk"), price=Sum("price"), commission=Sum("commission_due"))
    )
    per_supplier: dict[int, list[tuple[Any, ...]]] = {}
    # The month's totals are the sums of the suppliers' subtotals: no second pass over them.
    by_currency: dict[str, list[Any]] = {}
    for row in subtotal_rows:
        supplier_id, currency, count, price, commission = row
        per_supplier.setdefault(supplier_id, []).append(row)
        total = by_currency.get(currency)
        if total is None:
            by_currency[currency] = [count, price, commission]
            continue
        total[0] += count
        # A sum of nothing but NULLs is NULL, as in SQL.
        if price is not None:
            total[1] = price if total[1] is None else total[1] + price
        if commission is not None:
            total[2] = commission if total[2] is None else total[2] + commission
    totals = [_sums(currency, *by_currency[currency]) for currency in sorted(by_currency)]
    shown = list(per_supplier) if choose is None else list(choose(list(per_supplier)))
    if choose is not None:
        # The shown suppliers' requests only, by the supplier key.
        requests = requests.filter(supplier_id__in=shown)
    # Plain values rather than a request and a supplier model a row: the report shows a few
    # columns, and a supplier is built once for all its rows. In the subtotals' order of
    # suppliers, which is the report's: the database need not sort by name again.
    values = requests.order_by("supplier_id", "done_at").values_list(
        *REQUEST_COLUMNS, *SUPPLIER_COLUMNS
    )
    width = len(REQUEST_COLUMNS)
    read: dict[int, SupplierCommission] = {}
    for pk, group in groupby(values, key=lambda v: v[width - 1]):
        if pk not in per_supplier:  # done after the subtotals were read: not in this report
            continue
        group_values = list(group)
        # The supplier's other fields are deferred: read from the database if ever asked for.
        supplier = Supplier.from_db(values.db, SUPPLIER_FIELDS, (pk, *group_values[0][width:]))
        rows = [CommissionRow(*v[:width]) for v in group_values]
        for row in rows:
            row.supplier = supplier
        subtotals = [_sums(*subtotal[1:]) for subtotal in per_supplier[pk]]
        read[pk] = SupplierCommission(supplier=supplier, rows=rows, totals=subtotals)
    # A supplier whose requests all changed between the two queries is left out.
    groups = [read[pk] for pk in shown if pk in read]
    return CommissionReport(year, month, groups, totals)


def _sums(currency: str, count: int, price: Any, commission: Any) -> dict[str, Any]:
    """A currency's figures, money to the cent (SQLite, the development database, drops
    trailing zeros)."""
    return {
        "currency": currency,
        "count": count,
        "price": None if price is None else Decimal(price).quantize(CENT),
        "commission": None if commission is None else Decimal(commission).quantize(CENT),
    }


def commission_basis(request):
    """How a row's commission was reached, for the report and its CSV."""
    if request.commission is not None:
        return _("set on the request")
    supplier = request.supplier
    if supplier.commission_type == CommissionType.FIXED:
        return _("fixed per booking")
    # As the supplier's page prints it: "10", not the "1E+1" str() gives a normalised 10.
    percent = number_format(supplier.commission_value.normalize())
    return _("%(percent)s %% of the price") % {"percent": percent}


# ---------------------------------------------------------------------------------------
# Saving with formsets


def save_with_formset(form, formset):
    """Save an object and its inline rows together, or nothing at all."""
    with transaction.atomic():
        obj = form.save()
        formset.instance = obj
        formset.save()
    return obj


# ---------------------------------------------------------------------------------------
# Recommendation sheets


def sheet_language(guest):
    return message_language(guest.language)


@transaction.atomic
def save_sheet(guest, user, places, language, title="", note="", preset="", sheet=None):
    """Create (or rewrite) the recommendation sheet of `guest` with `places` in that order."""
    if sheet is None:
        sheet = RecommendationSheet(guest=guest, created_by=user)
    sheet.language = language
    sheet.title = title
    sheet.note = note
    # Only the selections the chosen places belong to name the sheet (see presets.covering).
    sheet.preset = ",".join(covering(codes_of(preset), places))
    sheet.save()
    sheet.items.all().delete()
    SheetItem.objects.bulk_create(
        SheetItem(sheet=sheet, place=place, position=position)
        for position, place in enumerate(places)
    )
    return sheet


@dataclass
class SheetEntry:
    """One place as the guest reads it: texts in the sheet's language or a fallback."""

    place: Place
    name: str
    name_language: str
    description: str
    description_language: str
    language: str

    qr: str = ""

    @property
    def map_url(self) -> str:
        return map_url(self.place)

    @property
    def fell_back(self):
        return self.name_language != self.language or (
            self.description and self.description_language != self.language
        )


def map_url(place: Place) -> str:
    """The place on a map: its coordinates, or else a map search for its address."""
    if place.map_url:
        return place.map_url
    if place.address:
        return f"https://www.openstreetmap.org/search?query={quote_plus(place.address)}"
    return ""


def qr_data_uri(url: str) -> str:
    """A QR code of `url` as an SVG data URI (the CSP allows data: images, not inline SVG)."""
    return segno.make(url, error="m").svg_data_uri(scale=3, border=2)


def with_qr_codes(entries: list[SheetEntry]) -> list[SheetEntry]:
    """On paper a link cannot be clicked: a QR code per place opens its map on a phone."""
    for entry in entries:
        url = entry.map_url
        entry.qr = qr_data_uri(url) if url else ""
    return entries


def sheet_entries(sheet):
    """The sheet's places in order, with texts resolved for its language (two queries)."""
    items = sheet.items.select_related("place").prefetch_related("place__tag_rows", "place__hours")
    entries = []
    for item in items:
        name, name_language = item.place.text("name", sheet.language)
        description, description_language = item.place.text("description", sheet.language)
        entries.append(
            SheetEntry(
                item.place, name, name_language, description, description_language, sheet.language
            )
        )
    return entries


def localise(places, language):
    """Set `shown_*` texts on each place for `language`, noting any fallback language."""
    for place in places:
        place.shown_name, place.shown_name_language = place.text("name", language)
        place.shown_description, place.shown_description_language = place.text(
            "description", language
        )
        place.fell_back = place.shown_name_language != language
        place.description_fell_back = bool(place.shown_description) and (
            place.shown_description_language != language
        )
    return places


class NoEmailAddress(Exception):
    pass


def email_sheet(sheet, hotel_name):
    """Queue the sheet to the guest's email in the sheet's language; records when and where."""
    guest = sheet.guest
    if not guest.email:
        raise NoEmailAddress
    with transaction.atomic():
        context = {
            "sheet": sheet,
            "guest": guest,
            "entries": sheet_entries(sheet),
            "hotel_name": hotel_name,
        }
        message = queue_email("vendors-recommendations", context, [guest.email], sheet.language)
        RecommendationSheet.objects.filter(pk=sheet.pk).update(
            emailed_at=timezone.now(), emailed_to=guest.email, email=message
        )
    return message


def mark_printed(sheet):
    RecommendationSheet.objects.filter(pk=sheet.pk).update(printed_at=timezone.now())
