"""The rows of the request board, read as plain values.

The board shows a page of requests out of many thousands. Building a ServiceRequest, a
Guest, a Stay, a VIP level, a user and a supplier model for each row, and asking each for
its labels and its URL, cost more than the query itself. The board reads the columns it
shows with `values_list()` into a small slotted row, and works out what many rows share (a
type's, a status's or a priority's label, whether a type's service has a time) once per page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import quote

from django.contrib.auth import get_user_model
from django.db.models import CharField, F, Func, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Concat, NullIf, Trim
from django.urls import reverse
from django.utils import timezone
from django.utils.http import RFC3986_SUBDELIMS

from arrivals.models import Guest
from requests_desk.details import FORMS
from requests_desk.models import OWING_STATUSES, Priority, ServiceRequest, Status
from requests_desk.types import RequestType
from vendors.models import Supplier

# What reverse() leaves unquoted in a path argument.
URL_SAFE = RFC3986_SUBDELIMS + "/~:@"

# The columns a row reads from the request itself, in the order of BoardRow's first fields.
COLUMNS = (
    "pk",
    "number",
    "type",
    "status",
    "priority",
    "due_at",
    "service_at",
    "from_guest",
    "walk_in_name",
    "details",
    "stay",
)


class _ConcatWords(Func):
    """The non-empty ones of a few texts, joined by spaces ("" when there are none)."""

    function = "CONCAT_WS"
    output_field = CharField()

    def __init__(self, *fields: str):
        super().__init__(Value(" "), *(NullIf(F(field), Value("")) for field in fields))


def _related() -> dict[str, Any]:
    """What a row shows of its guest, stay, VIP level, agent and supplier.

    The stay, its guest and its VIP level are joined (three joins plan quickly); the guest,
    the agent and the supplier are each a subquery on one primary key rather than more
    joins: six joins cost PostgreSQL more to plan than the whole page costs to read. Every
    subquery is built and compiled by the ORM for each page, so there are as few as the row
    needs: the agent's name or login comes whole from one.
    """
    guest = Guest.objects.filter(pk=OuterRef("guest_id")).order_by()
    agent = get_user_model().objects.filter(pk=OuterRef("assigned_to_id")).order_by()
    supplier = Supplier.objects.filter(pk=OuterRef("supplier_id")).order_by()
    return {
        # Guest.name, or NULL when there is no guest.
        "guest_name_": Subquery(
            guest.annotate(v=_ConcatWords("first_name", "last_name")).values("v")
        ),
        "stay_guest_name_": _ConcatWords("stay__guest__first_name", "stay__guest__last_name"),
        "room_": F("stay__room"),
        "vip_code_": F("stay__vip_level__code"),
        "vip_colour_": F("stay__vip_level__colour"),
        # The person filter: the full name, or the login name without one.
        "agent_": Subquery(
            agent.annotate(
                v=Coalesce(
                    NullIf(Trim(Concat("first_name", Value(" "), "last_name")), Value("")),
                    "username",
                )
            ).values("v")
        ),
        "supplier_": Subquery(supplier.values("name")),
    }


@dataclass(slots=True)
class BoardRow:
    """What one row of the board shows."""

    pk: int
    number: str
    type: str
    status: str
    priority: str
    due_at: datetime
    service_at: datetime | None
    from_guest: bool
    walk_in_name: str
    details: Any
    stay_id: int | None
    guest_name: str | None
    stay_guest_name: str | None
    room: str | None
    vip_code: str | None
    vip_colour: str | None
    agent: str | None
    supplier: str | None
    # Worked out per row, or per page and shared by the rows that have the same value.
    url: str = ""
    due: str = ""
    when: str = ""
    route: str = ""
    type_text: str = ""
    status_text: str = ""
    priority_text: str = ""
    overdue: bool = False
    soon: bool = False


def board_rows(requests: QuerySet[ServiceRequest], now: datetime) -> list[BoardRow]:
    """The rows of `requests` (a filtered, sorted and sliced page), in one query and one pass."""
    types = {value: str(label) for value, label in RequestType.choices}
    statuses = {value: str(label) for value, label in Status.choices}
    priorities = {value: str(label) for value, label in Priority.choices}
    # Only the services of some types (a permit's first day) have no time of day.
    formats = {str(value): "%d.%m %H:%M" for value in FORMS}
    formats.update({str(value): "%d.%m" for value, form in FORMS.items() if form.service_is_date()})
    prefix = reverse("requests_desk:detail", kwargs={"number": "0"}).removesuffix("0/")
    soon_until = now + timedelta(hours=1)
    local = timezone.get_current_timezone()
    related = _related()
    query = requests.annotate(**related).values_list(*COLUMNS, *related)
    rows = [BoardRow(*values) for values in query]
    for row in rows:
        # The same rules as ServiceRequest.get_absolute_url, guest_name, route, is_overdue and
        # is_due_soon, and the person and service_when filters, for a row read as values.
        row.url = f"{prefix}{quote(row.number, safe=URL_SAFE)}/"
        if row.guest_name is None:
            has_stay = row.stay_id is not None
            row.guest_name = row.stay_guest_name if has_stay else row.walk_in_name
        row.due = row.due_at.astimezone(local).strftime("%d.%m %H:%M")
        if row.service_at is not None:
            service_format = formats.get(row.type, "%d.%m %H:%M")
            row.when = row.service_at.astimezone(local).strftime(service_format)
        row.route = _route(row.details)
        row.type_text = types.get(row.type, row.type)
        row.status_text = statuses.get(row.status, row.status)
        row.priority_text = priorities.get(row.priority, row.priority)
        owing = row.status in OWING_STATUSES
        row.overdue = owing and row.due_at < now
        row.soon = owing and now <= row.due_at < soon_until
    return rows


def _route(details: Any) -> str:
    """ServiceRequest.route for a row's details."""
    d = details or {}
    start = d.get("pickup_place") or d.get("origin") or ""
    end = d.get("destination") or d.get("return_place") or ""
    return f"{start} → {end}" if start and end else start or end
