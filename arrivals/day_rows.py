"""The rows of the arrivals, in-house and departures lists, read as plain values.

A busy day lists hundreds of stays. Building a Stay, a Guest and a VipLevel model for
each row (with the phone number and country descriptors) cost more than the query
itself, so the lists read the columns they show with `values_list()` and fill a small
slotted row. Everything that is the same for many rows (a status's label and buttons, a
country's name, a party's wording, a VIP level) is worked out once per page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from django.core.cache import caches
from django.db.models import ExpressionWrapper, QuerySet
from django.template.loader import render_to_string
from django.utils.translation import get_language

from arrivals.models import Stay, VipLevel, birthday_within
from arrivals.templatetags.arrivals_tags import party
from guestdesk.countries import country_name
from guestdesk.phones import shown_phone, stored_phone

# How long a drawn piece of a list is kept (as the list's {% cache %} fragments).
FRAGMENT_SECONDS = 3600

# The columns a row shows, in the order of StayRow's first fields.
COLUMNS: tuple[str | ExpressionWrapper, ...] = (
    "pk",
    "confirmation_number",
    "room",
    "arrival_date",
    "departure_date",
    "eta",
    "adults",
    "children",
    "status",
    "vip_level_id",
    "special_attention",
    "security_note",
    "transport_number",
    "pickup_needed",
    "company",
    "missing_from_batch_id",
    "reviewed_at",
    "is_returning",
    "guest__first_name",
    "guest__last_name",
    "guest__email",
    stored_phone("guest__phone"),
    "guest__birthday",
    "guest__nationality",
    "guest__language",
    "guest__dietary_needs",
    "guest__allergies",
)


@dataclass(slots=True)
class StayRow:
    """What one row of a day list shows."""

    pk: int
    confirmation_number: str
    room: str
    arrival_date: date
    departure_date: date
    eta: time | None
    adults: int
    children: int
    status: str
    vip_level_id: int | None
    special_attention: str
    security_note: str
    transport_number: str
    pickup_needed: bool
    company: str
    missing_from_batch_id: int | None
    reviewed_at: datetime | None
    is_returning: bool
    first_name: str
    last_name: str
    email: str
    phone: str
    birthday: date | None
    country_code: str
    language: str
    dietary_needs: str
    allergies: str
    # Worked out per page, shared by the rows that have the same value.
    name: str = ""
    level: VipLevel | None = None
    nights: int = 0
    birthday_in_stay: bool = False
    country_name: str = ""
    pax: int = 0
    pax_title: str = ""
    status_text: str = ""
    action_buttons: str = ""


def day_rows(stays: QuerySet[Stay], levels: list[VipLevel]) -> list[StayRow]:
    """The rows of `stays` (already filtered and sorted), in one query and one pass."""
    by_id = {level.pk: level for level in levels}
    labels = dict(Stay.Status.choices)
    buttons: dict[str, str] = {}
    texts: dict[str, str] = {}
    names: dict[str, str] = {}
    parties: dict[tuple[int, int], str] = {}
    query = stays.select_related(None).values_list(*COLUMNS)
    rows = [StayRow(*values) for values in query]
    for row in rows:
        status = row.status
        if status not in buttons:
            buttons[status] = _buttons(status)
            texts[status] = str(labels.get(status, status))  # translated once per status
        code = row.country_code
        if code not in names:
            names[code] = country_name(code)
        sizes = (row.adults, row.children)
        if sizes not in parties:
            parties[sizes] = party(*sizes)  # "1 adult, 2 children", plurals right
        row.name = " ".join(part for part in (row.first_name, row.last_name) if part)
        row.level = by_id.get(row.vip_level_id) if row.vip_level_id else None
        row.nights = (row.departure_date - row.arrival_date).days
        row.birthday_in_stay = birthday_within(row.birthday, row.arrival_date, row.departure_date)
        row.country_name = names[code]
        row.pax = row.adults + row.children
        row.pax_title = parties[sizes]
        row.phone = shown_phone(row.phone)
        row.status_text = texts[status]
        row.action_buttons = buttons[status]
    return rows


def day_totals(rows: list[StayRow]) -> dict[str, int]:
    """The day's totals (as views._totals counts them) from its unfiltered rows."""
    vips = [row for row in rows if row.vip_level_id]
    return {
        "stays": len(rows),
        "vips": len(vips),
        "returning": sum(row.is_returning for row in rows),
        "adults": sum(row.adults for row in rows),
        "children": sum(row.children for row in rows),
        "arrived": sum(row.status == Stay.Status.IN_HOUSE for row in rows),
        "unreviewed": sum(row.reviewed_at is None for row in vips),
        "missing": sum(row.missing_from_batch_id is not None for row in rows),
    }


def _buttons(status: str) -> str:
    """The status buttons of a row in `status` (the same for every row in it), drawn once
    per status and language and kept with the page fragments (each process's memory)."""
    moves = Stay.TRANSITIONS.get(status, ())
    if not moves:
        return ""
    buttons = caches["template_fragments"].get_or_set(
        f"arrivals:status-buttons:{status}:{get_language()}",
        lambda: render_to_string("arrivals/_status_buttons.html", {"moves": moves}),
        timeout=FRAGMENT_SECONDS,
    )
    return str(buttons)
