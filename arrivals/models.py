"""Guests, their stays and the hotel's VIP levels; PMS import profiles and batches."""

import calendar
import json
from datetime import date
from typing import ClassVar, Self

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from phonenumber_field.modelfields import PhoneNumberField
from simple_history.models import HistoricalRecords

from arrivals.languages import language_choices
from guestdesk import personal
from guestdesk.emails import message_language
from guestdesk.fields import Timestamped, optional_link, staff_user
from guestdesk.imports.models import ImportBatchBase, ImportRowBase
from guestdesk.querysets import words_match
from guestdesk.transitions import HasTransitions


def birthday_in(birthday: date, year: int) -> date:
    """The day `birthday` is kept in `year`: 29 February falls on 28 February in a common year."""
    if (birthday.month, birthday.day) == (2, 29) and not calendar.isleap(year):
        return date(year, 2, 28)
    return birthday.replace(year=year)


def birthday_within(birthday: date | None, first: date, last: date) -> bool:
    """A birthday (kept as birthday_in says) falls between `first` and `last`, both included."""
    if not birthday:
        return False
    return any(first <= birthday_in(birthday, year) <= last for year in {first.year, last.year})


def birthday_q(day: date, field: str = "birthday") -> Q:
    """Rows whose `field` is kept as a birthday on `day` (see birthday_in)."""
    q = Q(**{f"{field}__month": day.month, f"{field}__day": day.day})
    if (day.month, day.day) == (2, 28) and not calendar.isleap(day.year):
        q |= Q(**{f"{field}__month": 2, f"{field}__day": 29})
    return q


# Longest note a person types (a page of text); 200,000 characters made an unreadable list.
NOTES_MAX_LENGTH = 2000


class VipLevel(models.Model):
    """A VIP category: what to prepare and which departments must know."""

    class Colour(models.TextChoices):
        RED = "red", _("red")
        ORANGE = "orange", _("orange")
        GOLD = "gold", _("gold")
        GREEN = "green", _("green")
        BLUE = "blue", _("blue")
        PURPLE = "purple", _("purple")
        GREY = "grey", _("grey")
        BLACK = "black", _("black")

    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=100)
    rank = models.PositiveSmallIntegerField(
        _("rank"), default=1, help_text=_("1 is the highest level.")
    )
    colour = models.CharField(_("colour"), max_length=10, choices=Colour, default=Colour.GOLD)
    amenity = models.TextField(_("amenity to prepare"), blank=True)
    departments = models.ManyToManyField(
        "guestdesk.Department",
        blank=True,
        related_name="vip_levels",
        verbose_name=_("departments to inform"),
    )
    # Typed by hand: modeltranslation swaps the manager's class at run time, which the mypy
    # plugin cannot follow.
    objects: ClassVar[models.Manager["VipLevel"]]

    # Its audit trail is registered in arrivals/translation.py, once the name and amenity
    # have their kk, ru and en columns, so that the history keeps every language.

    class Meta:
        ordering = ["rank", "code"]
        verbose_name = _("VIP level")
        verbose_name_plural = _("VIP levels")

    def __str__(self):
        return f"{self.code} · {self.name}"

    @property
    def css_class(self):
        return f"vip-{self.colour}"

    def outranks(self, other: "VipLevel | None") -> bool:
        """True when this level is higher than `other` (None counts as no VIP)."""
        return other is None or self.rank < other.rank


class GuestQuerySet(models.QuerySet["Guest"]):
    def with_returning(self) -> Self:
        """Annotate `has_stayed`: the guest has a stay that has already begun."""
        today = timezone.localdate()
        earlier = Stay.objects.filter(guest=OuterRef("pk"), arrival_date__lt=today).exclude(
            status__in=Stay.NOT_STAYED
        )
        return self.annotate(has_stayed=Exists(earlier))

    def past_retention(self, cutoff: date) -> Self:
        """Guests not yet anonymised whose last stay departed before `cutoff` (or who have no
        stay and were created before it)."""
        later = Stay.objects.filter(guest=OuterRef("pk"), departure_date__gte=cutoff)
        return self.filter(anonymised_at__isnull=True, created_at__date__lt=cutoff).exclude(
            Exists(later)
        )

    def search(self, text) -> Self:
        lookups = (
            "first_name__icontains",
            "last_name__icontains",
            "email__icontains",
            "phone__icontains",
            "stays__confirmation_number__iexact",
        )
        return words_match(self, text, lookups).distinct()


class Guest(Timestamped):
    """A person who stays at the hotel; returning is derived from their stays."""

    first_name = models.CharField(_("first name"), max_length=100, blank=True)
    last_name = models.CharField(_("last name"), max_length=100)
    nationality = CountryField(_("nationality"), blank=True)
    language = models.CharField(
        _("preferred language"), max_length=8, choices=language_choices, default="en"
    )
    email = models.EmailField(_("email"), blank=True, db_index=True)
    phone = PhoneNumberField(_("phone"), blank=True)
    birthday = models.DateField(_("birthday"), null=True, blank=True)
    room_preference = models.CharField(_("room preference"), max_length=200, blank=True)
    pillow_preference = models.CharField(_("pillow preference"), max_length=100, blank=True)
    dietary_needs = models.CharField(_("dietary needs"), max_length=200, blank=True)
    allergies = models.CharField(_("allergies"), max_length=200, blank=True)
    occasions = models.CharField(_("special occasions"), max_length=200, blank=True)
    # Notes are limited in forms (a TextField's max_length changes no column), so texts
    # written before the limit are kept whole; the lists clamp them on display.
    preferences_notes = models.TextField(
        _("other preferences"), max_length=NOTES_MAX_LENGTH, blank=True
    )
    notes = models.TextField(_("notes"), max_length=NOTES_MAX_LENGTH, blank=True)
    default_vip_level = optional_link(
        VipLevel, _("default VIP level"), related_name="guests", on_delete=models.SET_NULL
    )
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True, editable=False)

    objects = GuestQuerySet.as_manager()

    history = HistoricalRecords()
    # What the guest likes, as the desk and the departments' digests show it.
    PREFERENCES = (
        "room_preference",
        "pillow_preference",
        "dietary_needs",
        "allergies",
        "occasions",
        "preferences_notes",
    )
    PERSONAL_OWNER = "pk"
    PERSONAL_FIELDS = {
        "first_name": personal.NAME,
        "last_name": personal.NAME,
        "email": personal.CONTACT,
        "phone": personal.CONTACT,
        "birthday": personal.DATE,
        "room_preference": personal.TEXT,
        "pillow_preference": personal.TEXT,
        "dietary_needs": personal.TEXT,
        "allergies": personal.TEXT,
        "occasions": personal.TEXT,
        "preferences_notes": personal.TEXT,
        "notes": personal.TEXT,
    }

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("guest")
        verbose_name_plural = _("guests")
        indexes = [models.Index(fields=["last_name", "first_name"])]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return " ".join(part for part in (self.first_name, self.last_name) if part)

    @property
    def message_language(self):
        """The language of what GuestDesk sends or prints for this guest (kk, ru or en)."""
        return message_language(self.language)

    def past_stays(self, before=None):
        """Stays that began before `before` (hotel today by default) and took place."""
        before = before or timezone.localdate()
        return self.stays.filter(arrival_date__lt=before).exclude(status__in=Stay.NOT_STAYED)

    @property
    def is_returning(self):
        """A guest with an earlier stay (uses the `has_stayed` annotation when present)."""
        if hasattr(self, "has_stayed"):
            return self.has_stayed
        return self.past_stays().exists()


class StayQuerySet(models.QuerySet["Stay"]):
    def search(self, text: str) -> Self:
        """Every word matches the guest's name, the confirmation number, room or company."""
        lookups = (
            "guest__first_name__icontains",
            "guest__last_name__icontains",
            "confirmation_number__icontains",
            "room__iexact",
            "company__icontains",
        )
        return words_match(self, text, lookups)

    def arriving_on(self, day) -> Self:
        return self.filter(arrival_date=day)

    def departing_on(self, day) -> Self:
        return self.filter(departure_date=day)

    def in_house_on(self, day) -> Self:
        """Stays whose guests sleep at the hotel the night of `day` (no cancellations)."""
        return self.filter(arrival_date__lte=day, departure_date__gt=day).exclude(
            status__in=Stay.NOT_STAYED
        )

    def vip(self) -> Self:
        return self.filter(vip_level__isnull=False)

    def birthday_on(self, day) -> Self:
        """Stays whose guest keeps a birthday on `day` (29 February on the 28th in common years)."""
        return self.filter(birthday_q(day, "guest__birthday"))

    def active(self) -> Self:
        """Not cancelled and not a no-show."""
        return self.exclude(status__in=Stay.NOT_STAYED)

    def with_returning(self) -> Self:
        """Annotate `is_returning`: the guest had an earlier stay that took place."""
        # An earlier arrival is never the stay itself: no need to exclude its own row.
        earlier = Stay.objects.filter(
            guest=OuterRef("guest"), arrival_date__lt=OuterRef("arrival_date")
        ).exclude(status__in=Stay.NOT_STAYED)
        return self.annotate(is_returning=Exists(earlier))

    def for_lists(self) -> Self:
        """What every list, digest and export needs, in one query."""
        return self.select_related("guest", "vip_level", "reviewed_by").with_returning()

    def unreviewed(self) -> Self:
        return self.filter(reviewed_at__isnull=True)

    def by_vip_rank(self) -> Self:
        return self.order_by(
            models.F("vip_level__rank").asc(nulls_last=True), "eta", "guest__last_name"
        )


class Stay(HasTransitions, Timestamped):
    """One reservation: a guest's stay from arrival to departure."""

    class Status(models.TextChoices):
        EXPECTED = "expected", _("expected")
        IN_HOUSE = "in_house", _("in house")
        DEPARTED = "departed", _("departed")
        NO_SHOW = "no_show", _("no-show")
        CANCELLED = "cancelled", _("cancelled")

    NOT_STAYED = (Status.NO_SHOW, Status.CANCELLED)

    # Allowed moves; corrections are allowed, a departed stay is final.
    TRANSITIONS = {
        Status.EXPECTED: (Status.IN_HOUSE, Status.NO_SHOW, Status.CANCELLED),
        Status.IN_HOUSE: (Status.DEPARTED, Status.EXPECTED),
        Status.NO_SHOW: (Status.IN_HOUSE, Status.EXPECTED),
        Status.CANCELLED: (Status.EXPECTED,),
        Status.DEPARTED: (),
    }

    guest = models.ForeignKey(
        Guest, on_delete=models.PROTECT, related_name="stays", verbose_name=_("guest")
    )
    source = models.CharField(_("source"), max_length=30, default="PMS")
    confirmation_number = models.CharField(_("confirmation number"), max_length=50)
    room = models.CharField(_("room"), max_length=20, blank=True)
    arrival_date = models.DateField(_("arrival date"), db_index=True)
    eta = models.TimeField(_("expected arrival time"), null=True, blank=True)
    departure_date = models.DateField(_("departure date"), db_index=True)
    adults = models.PositiveSmallIntegerField(_("adults"), default=1)
    children = models.PositiveSmallIntegerField(_("children"), default=0)
    status = models.CharField(
        _("status"), max_length=12, choices=Status, default=Status.EXPECTED, db_index=True
    )
    vip_level = optional_link(VipLevel, _("VIP level"), related_name="stays")
    special_attention = models.TextField(
        _("special attention"), max_length=NOTES_MAX_LENGTH, blank=True
    )
    security_note = models.TextField(
        _("security note"),
        max_length=NOTES_MAX_LENGTH,
        blank=True,
        help_text=_("Shown to the Security department only."),
    )
    transport_number = models.CharField(_("flight or train"), max_length=30, blank=True)
    pickup_needed = models.BooleanField(_("pickup needed"), default=False)
    company = models.CharField(_("company or group"), max_length=150, blank=True)
    reviewed_by = staff_user(_("reviewed by"))
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    missing_from_batch = models.ForeignKey(
        "ImportBatch",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="missing_stays",
        verbose_name=_("missing from import"),
        help_text=_("A later full-day file no longer lists this stay; an agent must confirm."),
    )

    objects = StayQuerySet.as_manager()

    history = HistoricalRecords()

    # Annotated by StayQuerySet.with_returning().
    is_returning: bool
    PERSONAL_OWNER = "guest"
    PERSONAL_FIELDS = {
        "special_attention": personal.TEXT,
        "security_note": personal.TEXT,
        "transport_number": personal.TEXT,
        "company": personal.TEXT,
    }

    class Meta:
        ordering = ["arrival_date", "eta", "guest__last_name"]
        verbose_name = _("stay")
        verbose_name_plural = _("stays")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "confirmation_number"], name="stay_unique_confirmation"
            ),
            models.CheckConstraint(
                condition=Q(departure_date__gte=models.F("arrival_date")),
                name="stay_departure_after_arrival",
            ),
        ]

    def __str__(self):
        return f"{self.confirmation_number} · {self.guest}"

    def clean(self):
        if self.arrival_date and self.departure_date and self.departure_date < self.arrival_date:
            raise ValidationError({"departure_date": _("Departure is before arrival.")})

    @property
    def nights(self):
        return (self.departure_date - self.arrival_date).days

    @property
    def pax(self):
        return self.adults + self.children

    @property
    def birthday_in_stay(self):
        """The guest has a birthday between arrival and departure (a cake on the list)."""
        return birthday_within(self.guest.birthday, self.arrival_date, self.departure_date)

    @property
    def is_reviewed(self):
        return self.reviewed_at is not None

    # Status moves (see guestdesk.transitions); the history is a StayChange.

    def transition_not_allowed(self, to_status):
        return gettext("A stay that is %(old)s cannot become %(new)s.") % {
            "old": self.status_label(self.status),
            "new": self.status_label(to_status),
        }

    def transition_changed_meanwhile(self):
        last = (
            StayChange.objects.filter(stay_id=self.pk, kind=StayChange.Kind.STATUS)
            .select_related("changed_by")
            .first()
        )
        if last and last.changed_by:
            return gettext(
                "Already changed: %(name)s marked this stay %(status)s at %(time)s. "
                "Nothing else was changed."
            ) % {
                "name": last.changed_by.get_full_name() or last.changed_by.get_username(),
                "status": self.get_status_display(),
                "time": date_format(timezone.localtime(last.changed_at), "TIME_FORMAT"),
            }
        return gettext(
            "Already changed: this stay is now %(status)s. Nothing else was changed."
        ) % {"status": self.get_status_display()}

    def record_transition(self, from_status, to_status, by, at, note):
        StayChange.objects.create(
            stay=self,
            kind=StayChange.Kind.STATUS,
            changes={"status": [from_status, to_status]},
            changed_by=by,
            changed_at=at,
        )


class StayChange(models.Model):
    """The history of a stay: status moves, imports, edits and reviews (who, when, what)."""

    class Kind(models.TextChoices):
        CREATED = "created", _("created")
        STATUS = "status", _("status")
        IMPORT = "import", _("import")
        EDIT = "edit", _("edit")
        REVIEW = "review", _("review")
        MISSING = "missing", _("missing from import")

    stay = models.ForeignKey(Stay, on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    changes = models.JSONField(_("changes"), default=dict, blank=True)  # field -> [old, new]
    changed_by = staff_user(_("by"))
    batch = models.ForeignKey(
        "ImportBatch", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    PERSONAL_OWNER = "stay__guest"
    PERSONAL_FIELDS = {"changes": personal.DATA}

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = _("stay change")
        verbose_name_plural = _("stay changes")

    def __str__(self):
        return f"{self.stay_id} {self.kind} {self.changed_at:%Y-%m-%d %H:%M}"


# Fields an import profile can map (also the JSON profile format; see the README).
IMPORT_FIELDS = (
    "confirmation_number",
    "first_name",
    "last_name",
    "full_name",
    "arrival_date",
    "arrival_time",
    "departure_date",
    "room",
    "adults",
    "children",
    "vip_code",
    "nationality",
    "language",
    "email",
    "phone",
    "notes",
    "status",
    "company",
)


def validate_columns(value):
    if not isinstance(value, dict):
        raise ValidationError(_("Columns must be an object of field: column name."))
    unknown = sorted(set(value) - set(IMPORT_FIELDS))
    if unknown:
        raise ValidationError(
            _("Unknown fields: %(fields)s."), params={"fields": ", ".join(unknown)}
        )
    required = {"confirmation_number", "arrival_date", "departure_date"}
    missing = sorted(required - {k for k, v in value.items() if v})
    if missing:
        raise ValidationError(
            _("These fields need a column: %(fields)s."), params={"fields": ", ".join(missing)}
        )
    if not (value.get("last_name") or value.get("full_name")):
        raise ValidationError(_("Map either the last name or the full name."))


class ImportProfile(models.Model):
    """How one system writes its export: encoding, separator, date format, column names."""

    class Kind(models.TextChoices):
        STAYS = "stays", _("PMS stays")
        REVIEWS = "reviews", _("reviews")

    name = models.CharField(_("name"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.STAYS)
    source = models.CharField(
        _("source"), max_length=30, default="PMS", help_text=_("For example OPERA or FIDELIO.")
    )
    encoding = models.CharField(_("encoding"), max_length=20, default="utf-8")
    delimiter = models.CharField(_("separator"), max_length=2, default=",", blank=True)
    date_format = models.CharField(_("date format"), max_length=30, default="%Y-%m-%d")
    columns = models.JSONField(_("columns"), default=dict)
    # Top-level settings other than the columns (a sheet name, a fixed review scale...).
    extra = models.JSONField(_("other settings"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("import profile")
        verbose_name_plural = _("import profiles")

    def __str__(self):
        return self.name

    def clean(self):
        if self.kind == self.Kind.STAYS:
            try:
                validate_columns(self.columns)
            except ValidationError as exc:
                raise ValidationError({"columns": exc.messages}) from None

    def as_dict(self):
        return {
            **(self.extra or {}),
            "name": self.name,
            "encoding": self.encoding,
            "delimiter": self.delimiter,
            "date_format": self.date_format,
            "source": self.source,
            "columns": self.columns,
        }

    def as_json(self):
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=2)


class ImportBatch(ImportBatchBase):
    """One uploaded PMS file, kept with its dry run and final report (rows: ImportRow)."""

    IMPORT_OPTIONS = ("full_day",)

    profile = optional_link(
        ImportProfile, _("profile"), related_name="batches", on_delete=models.SET_NULL
    )
    file = models.FileField(_("file"), upload_to="imports/%Y/%m/")
    full_day = models.BooleanField(
        _("full-day file"),
        default=False,
        help_text=_(
            "The file lists every arrival of its dates: stays it no longer lists are "
            "flagged for an agent to confirm."
        ),
    )

    RETAINED = {"after": "created_at", "fields": {"file": personal.DOCUMENT}}

    class Meta(ImportBatchBase.Meta):
        verbose_name = _("import batch")
        verbose_name_plural = _("import batches")


class ImportRow(ImportRowBase):
    """One row of a PMS batch's report: rejected, updated, flagged or a VIP change waiting."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="rows")

    class Meta(ImportRowBase.Meta):
        verbose_name = _("import report row")
        verbose_name_plural = _("import report rows")
