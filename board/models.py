"""Hotel information (service entries and their hours) and events on the premises.

Titles, descriptions and other guest-facing texts are translated with
django-modeltranslation (see translation.py): `title` reads the current language and
falls back to en -> ru -> kk, `title_kk`/`title_ru`/`title_en` are the stored columns.
"""

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, ClassVar, Self

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from guestdesk import hours
from guestdesk.fields import Timestamped, staff_user
from guestdesk.hours import OpenStatus

TITLE_LANGUAGES = ("kk", "ru", "en")


def hotel_midnight(day: date) -> datetime:
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


class VenueQuerySet(models.QuerySet["Venue"]):
    def active(self) -> Self:
        return self.filter(active=True)


# Managers typed by hand: modeltranslation swaps their class at run time, which the mypy
# plugin cannot follow.
VenueManager = models.Manager.from_queryset(VenueQuerySet)


class Venue(models.Model):
    """A hall or space of the hotel where events take place (a managed list)."""

    name = models.CharField(_("name"), max_length=120, blank=True)
    location = models.CharField(_("where in the hotel"), max_length=200, blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive venues cannot be chosen for new events.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects: ClassVar[VenueManager["Venue"]] = VenueQuerySet.as_manager()

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


def category_icon(category: str) -> str:
    return CATEGORY_ICONS.get(category, "info-circle")


class ServiceEntryQuerySet(hours.OpenAtQuerySet["ServiceEntry"]):
    def public(self) -> Self:
        return self.filter(is_public=True)

    def with_hours(self, day: date) -> Self:
        """Prefetch the weekly hours and the exceptions around `day` (see exceptions_around)."""
        return self.prefetch_related(
            "hours", models.Prefetch("exceptions", queryset=exceptions_around(day))
        )


ServiceEntryManager = models.Manager.from_queryset(ServiceEntryQuerySet)


class ServiceEntry(hours.HoursOwner, models.Model):
    """A fact about the hotel staff and guests ask for: a service, its place and its hours.

    Its hours (status_at, hours_on, weekly_summary) read the prefetched `hours` and
    `exceptions` (see with_hours), so a list costs the same queries whatever its length.
    """

    exceptions_relation = "exceptions"
    always_open_field = "always_open"

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

    objects: ClassVar[ServiceEntryManager["ServiceEntry"]] = ServiceEntryQuerySet.as_manager()

    # Attached by board.views.with_status for the page.
    status: OpenStatus
    today_hours: list[Any]

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
        return category_icon(self.category)


class OpeningHours(hours.AbstractWeeklyHours):
    """One opening period of a service on a weekday (the one rule: see guestdesk.hours)."""

    entry = models.ForeignKey(ServiceEntry, on_delete=models.CASCADE, related_name="hours")

    class Meta(hours.AbstractWeeklyHours.Meta):
        pass


class HoursException(hours.AbstractHoursException):
    """Other hours, or closed all day, on one date (a holiday, maintenance)."""

    entry = models.ForeignKey(ServiceEntry, on_delete=models.CASCADE, related_name="exceptions")

    class Meta(hours.AbstractHoursException.Meta):
        pass


def exceptions_around(day: date) -> models.QuerySet["HoursException"]:
    """The exceptions that can change the hours shown on `day`: yesterday to a week on.

    Yesterday is needed for hours that run past midnight into `day`, the week for the next
    opening.
    """
    return HoursException.objects.filter(
        date__gte=day - timedelta(days=1), date__lte=day + timedelta(days=7)
    )


class EventQuerySet(models.QuerySet["Event"]):
    def public(self) -> Self:
        return self.filter(is_public=True)

    def between(self, start: datetime, end: datetime) -> Self:
        """Events that overlap the half-open interval [start, end)."""
        return self.filter(starts_at__lt=end, ends_at__gt=start)

    def on_day(self, day: date) -> Self:
        """Events touching hotel-local date `day` (the department digest uses this)."""
        return self.between(hotel_midnight(day), hotel_midnight(day + timedelta(days=1)))

    def overlapping(
        self, venue: "Venue", start: datetime, end: datetime, exclude: int | None = None
    ) -> Self:
        qs = self.filter(venue=venue).between(start, end)
        return qs.exclude(pk=exclude) if exclude else qs

    def for_listing(self) -> Self:
        return self.select_related("venue").prefetch_related("departments").order_by("starts_at")


EventManager = models.Manager.from_queryset(EventQuerySet)


class Event(Timestamped):
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
    overlap_confirmed_by = staff_user(_("overlap confirmed by"))
    created_by = staff_user(_("created by"))

    objects: ClassVar[EventManager["Event"]] = EventQuerySet.as_manager()
    if TYPE_CHECKING:  # for the plugin's reverse managers (Venue.events)
        _default_manager: ClassVar[EventManager["Event"]]

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
