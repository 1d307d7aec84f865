"""Rows of the staff board's lists read as plain values, drawn by the Jinja2 rows engine.

The board's entry cards and the day's events are read with `values_list()` into small
slotted rows, and what rows share (an opening status for the same hours, a label) is
worked out once a page. The rows are drawn by `templates/rows/board/` with every word
translated here, once a page, as the other long lists are (vendors/list_rows.py).

Translated fields are read as their columns in every language, and the row takes the first
one modeltranslation would show (`guestdesk.translated.Translated`): its own fallback for
values() built a stand-in model object for every row and asked the active language for
every field of it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from django.db.models import DateField, F, Value
from django.template.loader import render_to_string
from django.utils import dateformat, timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from board.models import (
    Event,
    EventQuerySet,
    OpeningHours,
    ServiceEntry,
    category_icon,
    exceptions_around,
)
from guestdesk import hours
from guestdesk.rows import render_rows, url_around_pk
from guestdesk.translated import Translated, untranslated

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


# ---------------------------------------------------------------------------------------
# The day's events


@dataclass(slots=True)
class EventRow:
    """What one item of the day's events shows."""

    pk: str  # printed as it is, not localized as a number
    url: str
    title: str
    is_public: bool
    times: str  # 09:00–11:00
    ends_on: str  # the date it ends on ("3 Mar", in the page's language) when not the same day
    venue: str
    expected_attendance: int | None


def event_rows(events: EventQuerySet) -> list[EventRow]:
    """Events as rows/board/event_items.html prints them, in one query of plain values.

    The title comes in the active language with the model's fallback; the venue's name as
    the page always printed it (its own column).
    """
    before, after = url_around_pk("board:event_detail")
    zone = timezone.get_current_timezone()  # looked up once, not twice a row
    title = Translated(Event, "title")
    rows = []
    for number, is_public, starts_at, ends_at, venue, attendance, *titles in untranslated(
        events
    ).values_list(
        "pk",
        "is_public",
        "starts_at",
        "ends_at",
        "venue__name",
        "expected_attendance",
        *title.columns,
    ):
        starts, ends = starts_at.astimezone(zone), ends_at.astimezone(zone)
        pk = str(number)
        rows.append(
            EventRow(
                pk,
                f"{before}{pk}{after}",
                title.of(titles),
                is_public,
                f"{starts:%H:%M}–{ends:%H:%M}",
                # As the `date` filter prints it ("j M"), in the page's language.
                dateformat.format(ends, "j M") if starts.date() != ends.date() else "",
                venue,
                attendance,
            )
        )
    return rows


def event_items(events: Sequence[EventRow]) -> SafeString:
    """The list items of `events` (the board's side card and the dashboard's card)."""
    labels = {
        "public": _("Public"),
        "private": _("Private"),
        "none": _("No events today."),
    }
    return render_rows("board/event_items.html", {"events": events, "label": labels})


# ---------------------------------------------------------------------------------------
# Entry cards


@dataclass(slots=True)
class EntryCard:
    """What one card of the staff board shows."""

    pk: Any  # read as a number, printed as text (not localized as a number)
    category: str
    title: str
    is_public: bool
    always_open: bool
    location: str
    price_note: str
    phone_extension: str
    description: str
    # Worked out once for each different set of hours and shared by the cards that have it.
    status: str = ""
    today_hours: str = ""
    week: str = ""
    edit_url: str = ""


class CardReader:
    """The columns the staff board reads of an entry, and the card of a row of them, in the
    active language (a page makes one)."""

    def __init__(self) -> None:
        self.title, self.location, self.price_note, self.description = texts = [
            Translated(ServiceEntry, field)
            for field in ("title", "location", "price_note", "description")
        ]
        self.columns = (
            "pk",
            "category",
            "is_public",
            "always_open",
            "phone_extension",
            *(column for text in texts for column in text.columns),
        )
        # Where each text's columns are in a row (what follows them is the page's sort).
        self.spans = []
        start = 5
        for text in texts:
            self.spans.append((start, start + len(text.columns)))
            start += len(text.columns)

    def __call__(self, row: Sequence[Any]) -> EntryCard:
        (title, location, price_note, description) = (
            text.of(row[start:end])
            for text, (start, end) in zip(
                (self.title, self.location, self.price_note, self.description),
                self.spans,
                strict=True,
            )
        )
        pk, category, is_public, always_open, phone_extension = row[:5]
        return EntryCard(
            pk,
            category,
            title,
            is_public,
            always_open,
            location,
            price_note,
            phone_extension,
            description,
        )


class WeeklyPeriod(hours.PeriodMixin):
    """An opening period of a weekday read as plain values (guestdesk.hours reads any such row)."""

    __slots__ = ("weekday", "opens", "closes")

    def __init__(self, weekday: int, opens: time, closes: time) -> None:
        self.weekday, self.opens, self.closes = weekday, opens, closes


class ExceptionRow(hours.PeriodMixin):
    """An exception to an entry's hours read as plain values (what guestdesk.hours and
    board/_week_hours.html read of one)."""

    __slots__ = ("date", "closed", "opens", "closes", "note")

    def __init__(
        self, day: date, closed: bool, opens: time | None, closes: time | None, note: str
    ) -> None:
        self.date, self.closed, self.opens, self.closes, self.note = (
            day,
            closed,
            opens,
            closes,
            note,
        )


# Weekly periods and exceptions share one query: a weekly period's row has the weekday and no
# date; an exception's has the date and weekday -1, so the exceptions come first.
EXCEPTION = -1


def _hours(ids: list[int], today: date) -> tuple[dict, dict]:
    """({entry: [WeeklyPeriod]}, {entry: [ExceptionRow]}) of entries `ids`: the weekly
    periods and the exceptions around `today`, each in its model's order (one query)."""
    columns = ("entry", "weekday", "day", "opens", "closes", "closed", "note")
    weekly = (
        OpeningHours.objects.filter(entry__in=ids)
        .annotate(
            day=Value(None, output_field=DateField()),
            closed=Value(False),
            note=Value(""),
        )
        .values_list(*columns)
        .order_by()  # the union's order below (SQLite refuses one in a part)
    )
    exceptions = (
        exceptions_around(today)
        .filter(entry__in=ids)
        .annotate(weekday=Value(EXCEPTION), day=F("date"))
        .values_list(*columns)
        .order_by()
    )
    weekly_of: dict[int, list[WeeklyPeriod]] = {}
    exceptions_of: dict[int, list[ExceptionRow]] = {}
    rows = weekly.union(exceptions, all=True).order_by("weekday", "day", "opens")
    for entry, weekday, day, opens, closes, closed, note in rows:
        if weekday == EXCEPTION:
            exceptions_of.setdefault(entry, []).append(
                ExceptionRow(day, closed, opens, closes, note)
            )
        else:
            weekly_of.setdefault(entry, []).append(WeeklyPeriod(weekday, opens, closes))
    return weekly_of, exceptions_of


Group = tuple[str, "StrOrPromise", str, list[EntryCard]]


def entry_cards(
    groups: Iterable[tuple[str, StrOrPromise, list[EntryCard]]], now: datetime
) -> list[Group]:
    """[(category, label, icon, [card])]: what the staff board prints of each entry.

    A card adds, as their partial templates print them, the open status, today's hours and
    the week (with the exceptions). The hours of the shown entries are read in one query
    and judged by guestdesk.hours, as the entries' own methods do, once for each different
    set of hours.
    """
    groups = list(groups)
    today = timezone.localtime(now).date()
    ids = [card.pk for _c, _l, cards in groups for card in cards]
    weekly_of, exceptions_of = _hours(ids, today)
    before, after = url_around_pk("board:entry_edit")
    fragments: dict[tuple, str] = {}
    judged: dict[tuple, tuple[str, str, str]] = {}

    def once(template: str, key: tuple, context: dict) -> str:
        """`template` rendered with `context`, once for each different `key`."""
        if (template, key) not in fragments:
            fragments[template, key] = render_to_string(template, context)
        return fragments[template, key]

    def judge(always_open: bool, weekly: list, exceptions: list) -> tuple[str, str, str]:
        """The open status, today's hours and the week as printed, worked out once for each
        different set of hours (entries often share them) and rendered once for each
        different value (a page has few)."""
        shown_exceptions = tuple((e.date, e.closed, e.opens, e.closes, e.note) for e in exceptions)
        key = (always_open, tuple((p.weekday, p.opens, p.closes) for p in weekly), shown_exceptions)
        if key in judged:
            return judged[key]
        status = hours.status_at(weekly, exceptions, now, always_open)
        today_hours = hours.periods_on(today, weekly, exceptions)
        week = [] if always_open else hours.weekly_summary(weekly)
        judged[key] = (
            once("board/_open_status.html", (status,), {"status": status}),
            once(
                "board/_hours_today.html",
                (always_open, tuple((p.text, p.ends_next_day) for p in today_hours)),
                {"entry": {"always_open": always_open, "today_hours": today_hours}},
            ),
            once(
                "board/_week_hours.html",
                (tuple(week), shown_exceptions),
                {"week": week, "exceptions": exceptions},
            )
            if week
            else "",
        )
        return judged[key]

    shown = []
    for category, label, cards in groups:
        for card in cards:
            card.status, card.today_hours, card.week = judge(
                card.always_open, weekly_of.get(card.pk, []), exceptions_of.get(card.pk, [])
            )
            # Printed three times: as text, not localized as a number each time.
            card.pk = pk = str(card.pk)
            card.edit_url = f"{before}{pk}{after}"
        shown.append((category, label, category_icon(category), cards))
    return shown


def card_sections(groups: list[Group], can_edit: bool) -> SafeString:
    """The board's sections of cards, with the cards' words translated once a page."""
    labels = {
        "staff_only": _("Staff only"),
        "today": _("Today"),
        "where": _("Where"),
        "price": _("Price"),
        "phone": _("Phone"),
        "edit": _("Edit"),
    }
    return render_rows(
        "board/entry_cards.html", {"groups": groups, "can_edit": can_edit, "label": labels}
    )
