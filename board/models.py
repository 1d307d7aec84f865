"""Hotel information (service entries and their hours) and events on the premises.

Titles, descriptions and other guest-facing texts are translated with
django-modeltranslation (see translation.py): `title` reads the current language and
falls back to en -> ru -> kk, `title_kk`/`title_ru`/`title_en` are the stored columns.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TITLE_LANGUAGES = ("kk", "ru", "en")


def hotel_midnight(day):
    """The aware datetime at which `day` begins in the hotel's time zone."""
    return timezone.make_aware(datetime.combine(day, time.min))


def require_a_title(obj, field="title"):
    """Refuse an object whose `field` is empty in every language."""
    if not any((getattr(obj, f"{field}_{code}", "") or "").strip() for code in TITLE_LANGUAGES):
        raise ValidationError(
            {
                f"{field}_en": _(
                    "Give a title in at least one language (Kazakh, Russian or English)."
                )
            }
        )


class VenueQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class Venue(models.Model):
    """A hall or space of the hotel where events take place (a managed list)."""

    name = models.CharField(_("name"), max_length=120, blank=True)
    location = models.CharField(_("where in the hotel"), max_length=200, blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive venues cannot be chosen for new events.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = VenueQuerySet.as_manager()

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("venue")
        verbose_name_plural = _("venues")

    def __str__(self):
        return self.name or f"#{self.pk}"

    def clean(self):
        require_a_title(self, "name")


class Category(models.TextChoices):
    RESTAURANT = "restaurant", _("Restaurant and bar")
    BREAKFAST = "breakfast", _("Breakfast")
    SPA = "spa", _("Spa")
    POOL = "pool", _("Pool")
    GYM = "gym", _("Gym")
    LAUNDRY = "laundry", _("Laundry")
    BUSINESS = "business", _("Business centre")
    TRANSPORT = "transport", _("Transport")
    PARKING = "parking", _("Parking")
    WIFI = "wifi", _("Wi-Fi")
    RULES = "rules", _("Check-in and check-out")
    MEDICAL = "medical", _("Medical help")
    OTHER = "other", _("Other")


CATEGORY_ICONS = {
    "restaurant": "cup-hot",
    "breakfast": "egg-fried",
    "spa": "flower1",
    "pool": "water",
    "gym": "bicycle",
    "laundry": "basket",
    "business": "briefcase",
    "transport": "bus-front",
    "parking": "p-square",
    "wifi": "wifi",
    "rules": "key",
    "medical": "heart-pulse",
    "other": "info-circle",
}


class ServiceEntryQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)

    def with_hours(self, day):
        """Prefetch the weekly hours and the exceptions around `day` (yesterday to a week on).

        Yesterday is needed for hours that run past midnight into `day`.
        """
        return self.prefetch_related(
            "hours",
            models.Prefetch(
                "exceptions",
                queryset=HoursException.objects.filter(
                    date__gte=day - timedelta(days=1), date__lte=day + timedelta(days=7)
                ),
            ),
        )


class ServiceEntry(models.Model):
    """A fact about the hotel staff and guests ask for: a service, its place and its hours."""

    Category = Category

    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    title = models.CharField(_("title"), max_length=150, blank=True)
    description = models.TextField(_("description"), blank=True)
    location = models.CharField(_("where in the hotel"), max_length=200, blank=True)
    price_note = models.CharField(_("price"), max_length=200, blank=True)
    phone_extension = models.CharField(_("internal phone"), max_length=20, blank=True)
    always_open = models.BooleanField(
        _("open around the clock"),
        default=False,
        help_text=_("Tick for services without hours (Wi-Fi, medical help on call)."),
    )
    is_public = models.BooleanField(
        _("show to guests"),
        default=True,
        help_text=_("Untick to keep the entry for staff only."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ServiceEntryQuerySet.as_manager()

    class Meta:
        ordering = ["category", "order", "id"]
        verbose_name = _("service entry")
        verbose_name_plural = _("service entries")

    def __str__(self):
        return self.title or f"#{self.pk}"

    def clean(self):
        require_a_title(self)

    @property
    def icon(self):
        return CATEGORY_ICONS.get(self.category, "info-circle")

    # Hours. These read the prefetched `hours` and `exceptions` (see with_hours), so a
    # list of entries costs the same number of queries whatever its length.
    def _rules_on(self, day):
        exceptions = [e for e in self.exceptions.all() if e.date == day]
        if exceptions:
            return [e for e in exceptions if not e.closed]
        return [h for h in self.hours.all() if h.weekday == day.weekday()]

    def intervals_on(self, day):
        """Opening intervals (aware start, end) that begin on hotel-local `day`."""
        intervals = []
        for rule in sorted(self._rules_on(day), key=lambda r: r.opens):
            start = timezone.make_aware(datetime.combine(day, rule.opens))
            end_day = day + timedelta(days=1) if rule.past_midnight else day
            intervals.append((start, timezone.make_aware(datetime.combine(end_day, rule.closes))))
        return intervals

    def closed_on(self, day):
        """The exception that closes the service all day on `day`, if any (a holiday)."""
        for exception in self.exceptions.all():
            if exception.date == day and exception.closed:
                return exception
        return None

    def status_at(self, moment=None):
        """Open/closed at `moment` (default now) with when it closes or next opens."""
        moment = timezone.localtime(moment)
        if self.always_open:
            return OpenStatus(is_open=True, always=True)
        today = moment.date()
        current = [
            interval
            for day in (today - timedelta(days=1), today)
            for interval in self.intervals_on(day)
            if interval[0] <= moment < interval[1]
        ]
        if current:
            return OpenStatus(is_open=True, closes_at=max(end for _, end in current))
        for offset in range(8):
            for start, _end in self.intervals_on(today + timedelta(days=offset)):
                if start > moment:
                    return OpenStatus(is_open=False, opens_at=start)
        return OpenStatus(is_open=False)

    def hours_on(self, day):
        """The intervals of `day` for display: [(opens, closes, past_midnight)]."""
        return [
            (r.opens, r.closes, r.past_midnight)
            for r in sorted(self._rules_on(day), key=lambda r: r.opens)
        ]

    def weekly_hours(self):
        """The week as printed on a door: [("Mon–Fri", "07:00–22:00"), ("Sun", None)].

        Consecutive days with the same hours share a line; None means closed. Built here
        rather than in the template, which made a long board slow to render.
        """
        by_day = {d: [] for d in range(7)}
        for rule in sorted(self.hours.all(), key=lambda r: (r.weekday, r.opens)):
            by_day[rule.weekday].append(rule)

        def hours(rules):
            return (
                ", ".join(
                    f"{r.opens:%H:%M}–{r.closes:%H:%M}" + (" (+1)" if r.past_midnight else "")
                    for r in rules
                )
                or None
            )

        lines = []
        for day in range(7):
            text = hours(by_day[day])
            if lines and lines[-1][2] == text and lines[-1][1] == day - 1:
                lines[-1][1] = day
            else:
                lines.append([day, day, text])
        return [
            (
                str(WEEKDAY_SHORT[first])
                if first == last
                else f"{WEEKDAY_SHORT[first]}–{WEEKDAY_SHORT[last]}",
                text,
            )
            for first, last, text in lines
        ]


class OpenStatus:
    def __init__(self, is_open, closes_at=None, opens_at=None, always=False):
        self.is_open = is_open
        self.closes_at = closes_at
        self.opens_at = opens_at
        self.always = always

    @property
    def opens_today(self):
        return bool(self.opens_at) and (
            timezone.localtime(self.opens_at).date() == timezone.localdate()
        )


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


WEEKDAY_SHORT = [_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")]


def check_hours(opens, closes, past_midnight):
    """Refuse hours that close before they open unless they run past midnight."""
    if opens is None or closes is None:
        return
    if past_midnight and closes >= opens:
        raise ValidationError(
            {
                "past_midnight": _(
                    "Past midnight is for hours that close the next day; "
                    "these close after they open on the same day."
                )
            }
        )
    if not past_midnight and closes <= opens:
        raise ValidationError(
            {"closes": _("Closes before it opens. Tick “past midnight” if it closes the next day.")}
        )


class OpeningHours(models.Model):
    """One opening interval on a weekday; a weekday may have several (lunch and dinner)."""

    entry = models.ForeignKey(ServiceEntry, on_delete=models.CASCADE, related_name="hours")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))
    past_midnight = models.BooleanField(
        _("past midnight"), default=False, help_text=_("Closes the next day.")
    )

    class Meta:
        ordering = ["weekday", "opens"]
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    def clean(self):
        check_hours(self.opens, self.closes, self.past_midnight)


class HoursException(models.Model):
    """Different hours, or closed all day, on one date (a holiday, maintenance)."""

    entry = models.ForeignKey(ServiceEntry, on_delete=models.CASCADE, related_name="exceptions")
    date = models.DateField(_("date"))
    closed = models.BooleanField(_("closed all day"), default=False)
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    past_midnight = models.BooleanField(_("past midnight"), default=False)
    note = models.CharField(_("note"), max_length=150, blank=True)

    class Meta:
        ordering = ["date", "opens"]
        verbose_name = _("exception to the hours")
        verbose_name_plural = _("exceptions to the hours")

    def __str__(self):
        return f"{self.date} {self.note}".strip()

    def clean(self):
        if not self.closed and (self.opens is None or self.closes is None):
            raise ValidationError(
                _("Give the hours of that day, or tick “closed all day”."), code="no_hours"
            )
        if not self.closed:
            check_hours(self.opens, self.closes, self.past_midnight)


class EventQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)

    def between(self, start, end):
        """Events that overlap the half-open interval [start, end)."""
        return self.filter(starts_at__lt=end, ends_at__gt=start)

    def on_day(self, day):
        """Events touching hotel-local date `day` (the department digest uses this)."""
        return self.between(hotel_midnight(day), hotel_midnight(day + timedelta(days=1)))

    def overlapping(self, venue, start, end, exclude=None):
        qs = self.filter(venue=venue).between(start, end)
        return qs.exclude(pk=exclude) if exclude else qs

    def for_listing(self):
        return self.select_related("venue").prefetch_related("departments").order_by("starts_at")


class Event(models.Model):
    """Something held on the hotel's premises: a concert for guests or a private wedding."""

    title = models.CharField(_("title"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    venue = models.ForeignKey(
        Venue, on_delete=models.PROTECT, related_name="events", verbose_name=_("venue")
    )
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    ends_at = models.DateTimeField(_("ends"), db_index=True)
    is_public = models.BooleanField(
        _("public to guests"),
        default=False,
        help_text=_(
            "Shown on the guest page and the calendar feed. Leave unticked for "
            "private events (a wedding, a company meeting)."
        ),
    )
    organiser = models.CharField(_("organiser"), max_length=200, blank=True)
    contact = models.CharField(_("organiser's contact"), max_length=200, blank=True)
    expected_attendance = models.PositiveIntegerField(
        _("expected attendance"), null=True, blank=True
    )
    departments = models.ManyToManyField(
        "guestdesk.Department",
        related_name="events",
        blank=True,
        verbose_name=_("departments involved"),
    )
    staff_notes = models.TextField(_("notes for staff"), blank=True)
    overlap_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("overlap confirmed by"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="board_event_ends_after_start",
                violation_error_message=_("The event ends before it starts."),
            )
        ]

    def __str__(self):
        return self.title or f"#{self.pk}"

    def clean(self):
        # The end after the start is a database constraint (checked by full_clean too);
        # EventForm puts the same message on the "ends" field.
        require_a_title(self)

    @property
    def texts(self):
        """(language, title, description) in each language, as stored (no fallback)."""
        return [
            (code, getattr(self, f"title_{code}"), getattr(self, f"description_{code}"))
            for code in TITLE_LANGUAGES
        ]

    @property
    def local_start(self):
        return timezone.localtime(self.starts_at)

    @property
    def local_end(self):
        return timezone.localtime(self.ends_at)

    @property
    def spans_days(self):
        return self.local_start.date() != self.local_end.date()

    def is_happening(self, moment=None):
        moment = moment or timezone.now()
        return self.starts_at <= moment < self.ends_at
