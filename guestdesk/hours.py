"""Opening hours: one rule for every app that keeps them (the board's services, the guide's places).

The rule
    A period belongs to the day it opens on. When it closes at or before it opens
    (`closes <= opens`) it runs past midnight and closes on the next day: Friday 22:00–02:00
    is open until 02:00 on Saturday, Sunday 22:00–02:00 until 02:00 on Monday. So
    `opens == closes` is 24 hours from `opens`, and 00:00–00:00 is the whole day
    ("round the clock"). A weekday without periods is closed all day.

Exceptions
    Rows on a date (a holiday, maintenance) replace that date's weekly periods: "closed all
    day", or the periods of that date (same rule). A period that opened the day before still
    runs into the exception's date, because it belongs to the day it opened on.

Times are the hotel's wall clock (`TIME_ZONE`, Asia/Almaty by default, which has no daylight
saving time); a moment is judged by `timezone.localtime(moment)`.

An app uses it in three steps: its hours model subclasses `AbstractWeeklyHours` (and its
exceptions `AbstractHoursException`), the owner model mixes in `HoursOwner`, and the owner's
queryset mixes in `OpenAtQuerySet` for the SQL form of "open now" (`open_at(moment)`). Both
answers come from the same rule, and tests/guestdesk/test_hours.py checks they agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any, ClassVar, NamedTuple, Self, TypeVar

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import models
from django.db.models import Exists, F, ForeignObjectRel, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

MIDNIGHT = time(0)
# Days looked ahead for the next opening (a week, plus the day itself).
HORIZON_DAYS = 8


class Weekday(models.IntegerChoices):
    """Days as Python numbers them (`date.weekday()`): Monday is 0."""

    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


# The days Monday first, as plain numbers (Weekday.values builds a new list each time).
DAYS = tuple(Weekday.values)

# As printed on a door. A context keeps them apart from other "Mon"/"Sat" strings.
WEEKDAY_ABBR = (
    pgettext_lazy("weekday", "Mon"),
    pgettext_lazy("weekday", "Tue"),
    pgettext_lazy("weekday", "Wed"),
    pgettext_lazy("weekday", "Thu"),
    pgettext_lazy("weekday", "Fri"),
    pgettext_lazy("weekday", "Sat"),
    pgettext_lazy("weekday", "Sun"),
)


def is_overnight(opens: time, closes: time) -> bool:
    """The rule: closing at or before the opening time means the next day."""
    return closes <= opens


def period_text(opens: time, closes: time) -> str:
    """'07:00–22:00', '22:00–02:00', or 'round the clock' for 00:00–00:00."""
    if opens == closes == MIDNIGHT:
        return gettext("round the clock")
    return f"{opens:%H:%M}–{closes:%H:%M}"


class PeriodMixin:
    """What a weekly period and an exception's period can say about themselves."""

    opens: Any
    closes: Any

    @property
    def overnight(self) -> bool:
        return self.opens is not None and self.closes is not None and self.closes <= self.opens

    @property
    def round_the_clock(self) -> bool:
        return self.opens is not None and self.opens == self.closes

    @property
    def ends_next_day(self) -> bool:
        """Closes after midnight on the next day (printed with a "+1"); 22:00–00:00 does not."""
        return self.overnight and not self.round_the_clock and self.closes != MIDNIGHT

    @property
    def text(self) -> str:
        return period_text(self.opens, self.closes)


class AbstractWeeklyHours(PeriodMixin, models.Model):
    """One opening period on a weekday; a weekday may have several (lunch and dinner).

    The concrete model adds the foreign key to its owner, with related_name="hours".
    """

    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(
        _("closes"), help_text=_("At or before the opening time: the next day.")
    )

    class Meta:
        abstract = True
        ordering = ["weekday", "opens"]
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def __str__(self) -> str:
        return f"{Weekday(self.weekday).label} {self.opens:%H:%M}–{self.closes:%H:%M}"


class AbstractHoursException(PeriodMixin, models.Model):
    """Other hours, or closed all day, on one date. Several rows on a date are several periods.

    The concrete model adds the foreign key to its owner, with related_name="exceptions".
    """

    date = models.DateField(_("date"))
    closed = models.BooleanField(_("closed all day"), default=False)
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(
        _("closes"),
        null=True,
        blank=True,
        help_text=_("At or before the opening time: the next day."),
    )
    note = models.CharField(_("note"), max_length=150, blank=True)

    class Meta:
        abstract = True
        ordering = ["date", "opens"]
        verbose_name = _("exception to the hours")
        verbose_name_plural = _("exceptions to the hours")

    def __str__(self) -> str:
        return f"{self.date} {self.note}".strip()

    def clean(self) -> None:
        if not self.closed and (self.opens is None or self.closes is None):
            raise ValidationError(
                _("Give the hours of that day, or tick “closed all day”."), code="no_hours"
            )


# ---------------------------------------------------------------------------------------
# The rule in Python, on rows already in memory (prefetched), so a list costs no queries.


def _at(day: date, clock: time, zone: tzinfo | None = None) -> datetime:
    """`day` at `clock` on the hotel's clock (`zone`: the current time zone, looked up once)."""
    return datetime.combine(day, clock, tzinfo=zone or timezone.get_current_timezone())


def periods_on(day: date, weekly: Iterable[Any], exceptions: Iterable[Any] = ()) -> list[Any]:
    """The periods that open on `day`: its exceptions' if it has any, else its weekday's."""
    on_date = [e for e in exceptions if e.date == day]
    if on_date:
        rows = [e for e in on_date if not e.closed and e.opens is not None and e.closes is not None]
    else:
        rows = [p for p in weekly if p.weekday == day.weekday()]
    return sorted(rows, key=lambda p: p.opens)


def intervals_on(
    day: date, weekly: Iterable[Any], exceptions: Iterable[Any] = (), zone: tzinfo | None = None
) -> list[tuple[datetime, datetime]]:
    """(aware start, aware end) of each period opening on hotel-local `day`."""
    zone = zone or timezone.get_current_timezone()
    intervals = []
    for period in periods_on(day, weekly, exceptions):
        end_day = day + timedelta(days=1) if is_overnight(period.opens, period.closes) else day
        intervals.append((_at(day, period.opens, zone), _at(end_day, period.closes, zone)))
    return intervals


@dataclass(frozen=True)
class OpenStatus:
    """Open or closed at `at`, with when it closes (None: not within a week) or next opens."""

    is_open: bool
    at: datetime
    closes_at: datetime | None = None
    opens_at: datetime | None = None
    always: bool = False

    @property
    def opens_today(self) -> bool:
        return self.opens_at is not None and (
            timezone.localtime(self.opens_at).date() == timezone.localtime(self.at).date()
        )


def status_at(
    weekly: Sequence[Any],
    exceptions: Sequence[Any] = (),
    moment: datetime | None = None,
    always_open: bool = False,
) -> OpenStatus:
    """Open/closed at `moment` (now by default), judged on the hotel's clock."""
    moment = timezone.localtime(moment)
    if always_open:
        return OpenStatus(is_open=True, at=moment, always=True)
    today, zone = moment.date(), moment.tzinfo
    intervals = sorted(
        interval
        for offset in range(-1, HORIZON_DAYS)
        for interval in intervals_on(today + timedelta(days=offset), weekly, exceptions, zone)
    )
    closes_at = None
    for start, end in intervals:
        if closes_at is None:
            if start <= moment < end:
                closes_at = end
        elif start <= closes_at:
            closes_at = max(closes_at, end)  # back-to-back periods: open until the last ends
        else:
            break
    if closes_at is not None:
        if closes_at >= _at(today + timedelta(days=HORIZON_DAYS - 1), MIDNIGHT, zone):
            closes_at = None  # open all week long (24 hours every day): no closing time to give
        return OpenStatus(is_open=True, at=moment, closes_at=closes_at)
    opens_at = min((start for start, _end in intervals if start > moment), default=None)
    return OpenStatus(is_open=False, at=moment, opens_at=opens_at)


# ---------------------------------------------------------------------------------------
# The week as printed on a door.


class SummaryLine(NamedTuple):
    days: str  # "Mon–Fri" in the active language
    hours: str | None  # "07:00–22:00, 23:00–02:00"; None: closed


def day_range(first: int, last: int) -> str:
    if first == last:
        return str(WEEKDAY_ABBR[first])
    return f"{WEEKDAY_ABBR[first]}–{WEEKDAY_ABBR[last]}"


def weekly_summary(weekly: Iterable[Any]) -> list[SummaryLine]:
    """[SummaryLine("Mon–Fri", "07:00–22:00"), SummaryLine("Sun", None)]: equal days joined.

    Empty when there are no hours at all (the owner did not give any).
    """
    by_day: dict[int, list[str]] = {day: [] for day in DAYS}
    for period in sorted(weekly, key=lambda p: (p.weekday, p.opens)):
        by_day[period.weekday].append(period_text(period.opens, period.closes))
    if not any(by_day.values()):
        return []
    runs: list[list[Any]] = []
    for day in DAYS:
        text = ", ".join(by_day[day]) or None
        if runs and runs[-1][2] == text:
            runs[-1][1] = day
        else:
            runs.append([day, day, text])
    return [SummaryLine(day_range(first, last), text) for first, last, text in runs]


# ---------------------------------------------------------------------------------------
# The owner of hours (a service entry, a place) and its queryset.


class HoursOwner:
    """Mixed into a model that has hours: reads its prefetched rows, never queries per row.

    `hours_relation` names the related weekly hours, `exceptions_relation` the exceptions
    (None: the owner has none), `always_open_field` a boolean "open around the clock" field.
    """

    hours_relation: ClassVar[str] = "hours"
    exceptions_relation: ClassVar[str | None] = None
    always_open_field: ClassVar[str | None] = None

    def _weekly(self) -> list[Any]:
        return list(getattr(self, self.hours_relation).all())

    def _exceptions(self) -> list[Any]:
        if self.exceptions_relation is None:
            return []
        return list(getattr(self, self.exceptions_relation).all())

    def _always_open(self) -> bool:
        return bool(self.always_open_field and getattr(self, self.always_open_field))

    def status_at(self, moment: datetime | None = None) -> OpenStatus:
        """Open/closed at `moment` (default now), with when it closes or next opens."""
        return status_at(self._weekly(), self._exceptions(), moment, self._always_open())

    def is_open_at(self, moment: datetime | None = None) -> bool:
        """Same answer as the queryset's open_at(moment), on the prefetched rows."""
        return self.status_at(moment).is_open

    def hours_on(self, day: date) -> list[Any]:
        """The periods opening on `day` (exceptions applied), for "Today: 07:00–22:00"."""
        return periods_on(day, self._weekly(), self._exceptions())

    def hours_by_day(self) -> list[tuple[str, list[Any]]]:
        """[(weekday name, [periods])] Monday first; an empty list is a closed day."""
        weekly = sorted(self._weekly(), key=lambda p: p.opens)
        return [(str(day.label), [p for p in weekly if p.weekday == day]) for day in Weekday]

    def weekly_summary(self) -> list[SummaryLine]:
        return weekly_summary(self._weekly())


def _running(clock: time) -> Q:
    """A period open at `clock` on the day it opened."""
    return Q(opens__lte=clock) & (Q(closes__gt=clock) | Q(closes__lte=F("opens")))


def _spilling(clock: time) -> Q:
    """A period of the day before, still open at `clock` after midnight."""
    return Q(closes__lte=F("opens"), closes__gt=clock)


def _reverse(model: type[models.Model], name: str) -> tuple[type[models.Model], str]:
    """The model on the other side of reverse relation `name`, and the name of its key."""
    rel = model._meta.get_field(name)
    if not isinstance(rel, ForeignObjectRel) or not isinstance(rel.related_model, type):
        raise ImproperlyConfigured(f"{model.__name__}.{name} is not a reverse relation.")
    return rel.related_model, rel.field.name


def open_at_q(model: type[models.Model], moment: datetime | None = None) -> Q:
    """A filter on `model` (an HoursOwner) for owners open at `moment` (now by default)."""
    local = timezone.localtime(moment)
    today, clock = local.date(), local.time()
    yesterday = today - timedelta(days=1)
    hours, owner = _reverse(model, model.hours_relation)  # type: ignore[attr-defined]

    def weekly(day: date, condition: Q) -> Q:
        rows = hours._default_manager.filter(**{owner: OuterRef("pk")}, weekday=day.weekday())
        return Q(Exists(rows.filter(condition)))

    exceptions_name = model.exceptions_relation  # type: ignore[attr-defined]
    if exceptions_name is None:
        query = weekly(today, _running(clock)) | weekly(yesterday, _spilling(clock))
    else:
        exceptions, exc_owner = _reverse(model, exceptions_name)

        def on(day: date, condition: Q) -> Q:
            rows = exceptions._default_manager.filter(**{exc_owner: OuterRef("pk")}, date=day)
            return (~Q(Exists(rows)) & weekly(day, condition)) | Q(
                Exists(rows.filter(condition, closed=False))
            )

        query = on(today, _running(clock)) | on(yesterday, _spilling(clock))
    always = model.always_open_field  # type: ignore[attr-defined]
    if always:
        query = Q(**{always: True}) | query
    return query


_Owner = TypeVar("_Owner", bound=models.Model)


class OpenAtQuerySet(models.QuerySet[_Owner]):
    """Mixed into an HoursOwner's queryset: the SQL form of "open now"."""

    def open_at(self, moment: datetime | None = None) -> Self:
        """Owners open at `moment` (now by default), judged on the hotel's clock."""
        return self.filter(open_at_q(self.model, moment))
