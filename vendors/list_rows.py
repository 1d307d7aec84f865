"""The rows of the supplier directory, the local guide and the commission report, as plain values.

Building a Supplier or a Place model for each row, with its prefetched categories, tags,
contacts and hours, and asking each for its labels, its URL and its opening status cost more
than the queries themselves. These pages read the columns they show with `values_list()`
into small slotted rows, and work out what rows share (a category's, kind's or tag's label,
an opening status for the same hours, a badge's words) once per page. The rows are drawn by
the Jinja2 `rows` engine (templates/rows/vendors/) with every word translated here.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from urllib.parse import quote

from django.db.models import BooleanField, ExpressionWrapper, QuerySet
from django.utils import dateformat, timezone
from django.utils.formats import get_format
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from guestdesk.formatting import money
from guestdesk.hours import open_at_q
from guestdesk.phones import shown_phone, stored_phone
from guestdesk.rows import url_around_pk
from guestdesk.translated import fallback_order, written_in
from vendors import services
from vendors.choices import PlaceKind, PlaceTag, PriceLevel
from vendors.models import (
    GUIDE_LANGUAGES,
    Category,
    Contact,
    ContractState,
    Place,
    PlaceTagRow,
    SupplierCategory,
    SupplierLanguage,
    contract_state,
)

# What reverse() leaves unquoted in a path argument.
URL_SAFE = RFC3986_SUBDELIMS + "/~:@"


def request_url_around_number() -> tuple[str, str]:
    """(before, after) the number in a guest request's URL, from the request model's own
    get_absolute_url() (this app does not name the requests app's URLs) once a page."""
    model: Any = services.request_model()
    marker = "NUMBER"
    before, after = model(number=marker).get_absolute_url().rsplit(marker, 1)
    return before, after


class _Dates:
    """Dates as the `date` filter prints them with `format_name`, each date formatted once."""

    def __init__(self, format_name: str) -> None:
        self.format = get_format(format_name)
        self.seen: dict[Any, str] = {}

    def __call__(self, value: datetime.date | datetime.datetime | None) -> str:
        if value is None:
            return ""
        if value not in self.seen:
            self.seen[value] = dateformat.format(value, self.format)
        return self.seen[value]


class _Money:
    """Amounts as guestdesk.formatting.money prints them, each amount and currency once.

    A page repeats few figures (a fixed fee, a usual fare, a supplier's subtotal equal to
    its one request's), and number formatting looks up the language's separators each time.
    """

    def __init__(self) -> None:
        self.seen: dict[tuple[Decimal | None, str], str] = {}

    def __call__(self, amount: Decimal | None, currency: str) -> str:
        key = (amount, currency)
        if key not in self.seen:
            self.seen[key] = money(amount, currency)
        return self.seen[key]


# ---------------------------------------------------------------------------------------
# Supplier directory

SUPPLIER_COLUMNS = (
    "pk",
    "name",
    "offer",
    stored_phone("phone"),
    "preferred",
    "active",
    "contract_start",
    "contract_end",
)


@dataclass(slots=True)
class SupplierRow:
    """What one row of the directory shows."""

    pk: int
    name: str
    offer: str
    phone: str
    preferred: bool
    active: bool
    contract_start: datetime.date | None
    contract_end: datetime.date | None
    # Worked out per row, or per page and shared by the rows that have the same value.
    url: str = ""
    state: str = ""
    contract: str = ""  # "Contract ends 12.03.2026" when it expires soon
    ends: str = ""  # the end date of a contract in force
    categories: list[str] = field(default_factory=list)
    languages: str = ""
    contact_name: str | None = None  # None: no contact person, the main phone instead
    contact_phone: str = ""


def supplier_values(suppliers: QuerySet[Any]) -> QuerySet[Any]:
    """`suppliers` (filtered and sorted) as the tuples supplier_rows() reads."""
    return suppliers.values_list(*SUPPLIER_COLUMNS)


def supplier_rows(page: Sequence[tuple], today: datetime.date) -> list[SupplierRow]:
    """The rows of a page of supplier_values(), with categories, languages and first contact.

    Three queries, whatever the number of rows, as the prefetches they replace.
    """
    rows = [SupplierRow(*values) for values in page]
    ids = [row.pk for row in rows]
    if not ids:
        return rows
    categories: dict[int, list[str]] = {}
    for supplier, code in SupplierCategory.objects.filter(supplier__in=ids).values_list(
        "supplier", "category"
    ):
        categories.setdefault(supplier, []).append(code)
    languages: dict[int, list[str]] = {}
    for supplier, code in SupplierLanguage.objects.filter(supplier__in=ids).values_list(
        "supplier", "language"
    ):
        languages.setdefault(supplier, []).append(code)
    contacts: dict[int, tuple[str, str]] = {}
    for supplier, name, phone in Contact.objects.filter(supplier__in=ids).values_list(
        "supplier", "name", stored_phone("phone")
    ):
        contacts.setdefault(supplier, (name, phone))  # the first one, in the model's order
    labels = {value: str(label) for value, label in Category.choices}
    ends_soon = _("Contract ends %(date)s")
    short_date = _Dates("SHORT_DATE_FORMAT")
    before, after = url_around_pk("vendors:supplier")
    for row in rows:
        row.url = f"{before}{row.pk}{after}"
        row.state = contract_state(row.contract_start, row.contract_end, today)
        if row.state == ContractState.EXPIRING:
            row.contract = ends_soon % {"date": short_date(row.contract_end)}
        elif row.state == ContractState.VALID:
            row.ends = short_date(row.contract_end)
        # The same order as Supplier.categories: by code.
        row.categories = [labels.get(code, code) for code in sorted(categories.get(row.pk, ()))]
        row.languages = " ".join(languages.get(row.pk, ()))
        if row.pk in contacts:
            name, phone = contacts[row.pk]
            row.contact_name, row.contact_phone = name, shown_phone(phone)
        else:
            row.phone = shown_phone(row.phone)
    return rows


def supplier_labels() -> dict[str, str]:
    """The directory rows' fixed words, translated once per page."""
    return {
        "preferred": _("Preferred"),
        "inactive": _("Inactive"),
        "expired": _("Contract expired"),
        "not_started": _("Contract not started"),
        "none": _("No supplier matches these filters."),
    }


# ---------------------------------------------------------------------------------------
# Local guide

PLACE_COLUMNS = (
    "pk",
    "kind",
    "address",
    "price_level",
    "walking_minutes",
    "last_verified",
    "active",
    *(f"name_{code}" for code in GUIDE_LANGUAGES),
    *(f"description_{code}" for code in GUIDE_LANGUAGES),
)


@dataclass(slots=True)
class PlaceRow:
    """What one card of the guide shows."""

    pk: int
    kind: str
    address: str
    price_level: int
    walking_minutes: int | None
    last_verified: datetime.date | None
    active: bool
    name_kk: str
    name_ru: str
    name_en: str
    description_kk: str
    description_ru: str
    description_en: str
    open_now: bool
    # Worked out per row, or per page and shared by the rows that have the same value.
    url: str = ""
    shown_name: str = ""
    shown_name_language: str = ""
    shown_description: str = ""
    shown_description_language: str = ""
    fell_back: bool = False
    description_fell_back: bool = False
    kind_text: str = ""
    price_signs: str = ""
    price_title: str = ""
    walk: str = ""
    tags: list[str] = field(default_factory=list)
    stale: bool = False
    verified: str = ""


def place_values(ids: Sequence[int], moment: datetime.datetime) -> list[tuple]:
    """Places `ids` as the tuples place_rows() reads, in that order, with whether each is
    open at `moment`: the SQL form of the rule (guestdesk.hours), asked of these places
    only, so their hours need not be read."""
    open_now = ExpressionWrapper(open_at_q(Place, moment), output_field=BooleanField())
    values = (
        Place.objects.filter(pk__in=ids)
        .order_by()
        .annotate(open_now_=open_now)
        .values_list(*PLACE_COLUMNS, "open_now_")
    )
    by_pk = {row[0]: row for row in values}
    return [by_pk[pk] for pk in ids if pk in by_pk]


def _price_signs(level: int) -> str:
    """The vendors_tags price_signs filter: '$'..'$$$$', or the label of free."""
    return "$" * level if level else str(PriceLevel(level).label)


def place_rows(page: Sequence[tuple], language: str, stale_before: datetime.date) -> list[PlaceRow]:
    """The cards of a page of place_values(), texts in `language` (falling back visibly),
    their tags and whether each is due a check. One query."""
    rows = [PlaceRow(*values) for values in page]
    ids = [row.pk for row in rows]
    if not ids:
        return rows
    tags: dict[int, list[str]] = {}
    for place, tag in PlaceTagRow.objects.filter(place__in=ids).values_list("place", "tag"):
        tags.setdefault(place, []).append(tag)
    order = fallback_order(language)
    kinds = {value: str(label) for value, label in PlaceKind.choices}
    tag_labels = {value: str(label) for value, label in PlaceTag.choices}
    prices = {value: (_price_signs(value), str(label)) for value, label in PriceLevel.choices}
    minutes, last_verified = _("%(minutes)s min"), _("Last verified %(date)s")
    stale_verified = _("Last verified %(date)s — check me")
    short_date = _Dates("SHORT_DATE_FORMAT")
    before, after = url_around_pk("vendors:place")
    for row in rows:
        row.url = f"{before}{row.pk}{after}"
        row.shown_name, row.shown_name_language = written_in(row, "name", language, order)
        row.shown_description, row.shown_description_language = written_in(
            row, "description", language, order
        )
        row.fell_back = row.shown_name_language != language
        row.description_fell_back = bool(row.shown_description) and (
            row.shown_description_language != language
        )
        row.kind_text = kinds.get(row.kind, row.kind)
        row.price_signs, row.price_title = prices.get(row.price_level, ("", ""))
        if row.walking_minutes is not None:
            row.walk = minutes % {"minutes": row.walking_minutes}
        # The same order as Place.tags: by code.
        row.tags = [tag_labels.get(code, code) for code in sorted(tags.get(row.pk, ()))]
        if row.last_verified is not None:
            row.stale = row.last_verified < stale_before
            template = stale_verified if row.stale else last_verified
            row.verified = template % {"date": short_date(row.last_verified)}
        else:
            row.stale = True
    return rows


def place_labels() -> dict[str, str]:
    """The guide cards' fixed words, translated once per page."""
    return {
        "fallback": _("Not yet written in this language"),
        "open_now": _("Open now"),
        "inactive": _("Inactive"),
        "never_verified": _("Never verified — check me"),
        "none": _("No place matches these filters."),
    }


# ---------------------------------------------------------------------------------------
# Commission report


@dataclass(slots=True)
class CommissionCard:
    """One supplier of the report as its card shows it."""

    url: str
    name: str
    totals: list[tuple[str, str, str]]  # (number of requests, price, commission) a currency
    rows: list[tuple[str, str, str, str, str, str]]  # url, number, done, price, due, basis


def commission_cards(groups: list[services.SupplierCommission]) -> list[CommissionCard]:
    """The report's suppliers with every figure as printed, formatted here once."""
    if not groups:
        return []
    request_before, request_after = request_url_around_number()
    supplier_before, supplier_after = url_around_pk("vendors:supplier")
    done = _Dates("SHORT_DATETIME_FORMAT")
    zone = timezone.get_current_timezone()
    amount = _Money()
    counts: dict[int, str] = {}
    bases: dict[tuple[bool, str, Decimal], str] = {}
    cards = []
    for group in groups:
        totals = []
        for total in group.totals:
            count = total["count"]
            if count not in counts:
                counts[count] = ngettext("%(counter)s request", "%(counter)s requests", count) % {
                    "counter": count
                }
            currency = total["currency"]
            totals.append(
                (
                    counts[count],
                    amount(total["price"] or Decimal("0"), currency),
                    amount(total["commission"], currency),
                )
            )
        supplier = group.supplier
        rows = []
        for row in group.rows:
            # The basis depends only on whether the request sets its own commission and on
            # the supplier's terms, which most suppliers share: worded once for each.
            terms = (row.commission is None, supplier.commission_type, supplier.commission_value)
            if terms not in bases:
                bases[terms] = services.commission_basis(row)
            rows.append(
                (
                    f"{request_before}{quote(row.number, safe=URL_SAFE)}{request_after}",
                    row.number,
                    done(row.done_at.astimezone(zone)),
                    amount(row.price, row.currency),
                    amount(row.commission_due, row.currency),
                    bases[terms],
                )
            )
        cards.append(
            CommissionCard(
                f"{supplier_before}{supplier.pk}{supplier_after}", supplier.name, totals, rows
            )
        )
    return cards


def commission_labels() -> dict[str, str]:
    """The report cards' fixed words, translated once per page."""
    return {
        "request": _("Request"),
        "done": _("Done"),
        "price": _("Price"),
        "commission": _("Commission"),
        "basis": _("Basis"),
        "none": _("No done requests with a supplier this month."),
    }
