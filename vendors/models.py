"""Suppliers of the services the desk books, and the local places it recommends.

Requests point at suppliers (requests_desk -> vendors), never the other way: the figures
about a supplier's requests are aggregates over the reverse relation `requests`.
"""

import datetime
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, ClassVar, Self

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField
from simple_history.models import HistoricalRecords

from guestdesk import hours, personal
from guestdesk.fields import Timestamped, optional_link, staff_user
from guestdesk.translated import written_in
from vendors.choices import PlaceKind, PlaceTag, PriceLevel
from vendors.presets import PRESETS, codes_of

CENT = Decimal("0.01")
EXPIRY_WARNING_DAYS = 30
VERIFY_EVERY_DAYS = 90


def _labels(codes: Iterable[str], choices: Iterable[tuple[Any, Any]]) -> list:
    """The labels of `codes` in code order (an unknown code stands for itself)."""
    labels = dict(choices)
    return [labels.get(code, code) for code in sorted(codes)]


def _set_codes(rows: Any, field: str, codes: Iterable[str]) -> None:
    """Make the code rows behind `rows` (a reverse relation's manager) exactly `codes`.

    `rows` is Any: the stubs' RelatedManager leaves out the `field` and `instance` it has.
    """
    codes = set(codes)
    rows.exclude(**{f"{field}__in": codes}).delete()
    existing = set(rows.values_list(field, flat=True))
    Row, owner = rows.model, {rows.field.name: rows.instance}
    Row.objects.bulk_create(Row(**owner, **{field: code}) for code in codes - existing)


class WebsiteField(models.URLField):
    """A website typed without a scheme ("hotel.kz") is taken as https, Django 6's default."""

    def formfield(self, **kwargs: Any) -> Any:  # type: ignore[override]
        # Not the stubs' form_class=None parameters: URLField.formfield() sets its own
        # form_class unless one is passed, so an explicit None would undo that.
        return super().formfield(**{"assume_scheme": "https", **kwargs})


class Category(models.TextChoices):
    """What a supplier delivers; the same codes name the kinds of guest requests."""

    AIR = "air", _("Air tickets")
    RAIL = "rail", _("Rail tickets")
    BUS = "bus", _("Bus tickets")
    CRUISE = "cruise", _("Cruises")
    TRANSFER = "transfer", _("Transfers")
    CAR_HIRE = "car_hire", _("Car hire")
    TAXI = "taxi", _("Taxi")
    EVENTS = "events", _("Theatre and events")
    RESTAURANT = "restaurant", _("Restaurants")
    EXCURSION = "excursion", _("Excursions")
    PERMIT = "permit", _("Permits")
    OTHER = "other", _("Other")


# Languages a supplier's staff may speak (ISO 639-1), the ones guests of a hotel in
# Kazakhstan ask for most.
SPOKEN_LANGUAGES = [
    ("kk", _("Kazakh")),
    ("ru", _("Russian")),
    ("en", _("English")),
    ("zh", _("Chinese")),
    ("tr", _("Turkish")),
    ("de", _("German")),
    ("fr", _("French")),
    ("ar", _("Arabic")),
    ("ko", _("Korean")),
    ("ja", _("Japanese")),
    ("es", _("Spanish")),
    ("it", _("Italian")),
    ("uz", _("Uzbek")),
]


class CommissionType(models.TextChoices):
    PERCENT = "percent", _("Percent of the price")
    FIXED = "fixed", _("Fixed amount per booking")


class ContractState(models.TextChoices):
    NONE = "none", _("No contract")
    NOT_STARTED = "not_started", _("Not started yet")
    VALID = "valid", _("Valid")
    EXPIRING = "expiring", _("Expires soon")
    EXPIRED = "expired", _("Expired")


def contract_state(
    start: datetime.date | None, end: datetime.date | None, today: datetime.date | None = None
) -> ContractState:
    """The state of a contract from `start` to `end` on `today` (hotel date by default)."""
    today = today or timezone.localdate()
    if not end and not start:
        return ContractState.NONE
    if start and start > today:
        return ContractState.NOT_STARTED
    if end and end < today:
        return ContractState.EXPIRED
    if end and end <= today + datetime.timedelta(days=EXPIRY_WARNING_DAYS):
        return ContractState.EXPIRING
    return ContractState.VALID


class SupplierQuerySet(models.QuerySet["Supplier"]):
    def active(self) -> Self:
        return self.filter(active=True)

    def in_category(self, code) -> Self:
        return self.filter(
            Exists(SupplierCategory.objects.filter(supplier=OuterRef("pk"), category=code))
        )

    def speaking(self, language) -> Self:
        return self.filter(
            Exists(SupplierLanguage.objects.filter(supplier=OuterRef("pk"), language=language))
        )

    def for_category(self, code) -> Self:
        """Active suppliers of category `code`, preferred first, then by name."""
        return self.active().in_category(code).order_by("-preferred", "name")

    def bookable(
        self, category: str | None = None, on: datetime.date | None = None
    ) -> "SupplierQuerySet":
        """Suppliers the desk may book on day `on` (hotel date, default today): active, of
        `category` when given, without a contract or with one in force that day;
        preferred first. Offered on a new request and when marking one booked."""
        on = on or timezone.localdate()
        suppliers = self.active()
        if category:
            suppliers = suppliers.in_category(category)
        return (
            suppliers.exclude(contract_end__lt=on)
            .exclude(contract_start__gt=on)
            .order_by("-preferred", "name")
        )

    def search(self, text) -> Self:
        text = (text or "").strip()
        if not text:
            return self
        return self.filter(Q(name__icontains=text) | Q(offer__icontains=text))

    def contract_expiring(self, today=None, days=EXPIRY_WARNING_DAYS) -> Self:
        """Contracts that end within `days` days from `today` (hotel date), not yet ended."""
        today = today or timezone.localdate()
        return self.filter(
            contract_end__gte=today, contract_end__lte=today + datetime.timedelta(days=days)
        )

    def contract_expired(self, today=None) -> Self:
        today = today or timezone.localdate()
        return self.filter(contract_end__lt=today)

    def needing_attention(self, today=None) -> Self:
        """Active suppliers whose contract has ended or ends within the warning period."""
        today = today or timezone.localdate()
        return self.active().filter(
            contract_end__lte=today + datetime.timedelta(days=EXPIRY_WARNING_DAYS)
        )


class Supplier(Timestamped):
    """A company the desk books services with: tickets, transfers, restaurants, ..."""

    name = models.CharField(_("name"), max_length=200)
    offer = models.TextField(_("what they offer"), blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    website = WebsiteField(_("website"), blank=True)
    phone = PhoneNumberField(_("main phone"), blank=True)
    email = models.EmailField(_("main email"), blank=True)
    working_hours = models.CharField(
        _("working hours"),
        max_length=200,
        blank=True,
        help_text=_("For example: daily 08:00-22:00"),
    )
    payment_terms = models.TextField(_("payment terms"), blank=True)
    commission_type = models.CharField(
        _("commission type"),
        max_length=10,
        choices=CommissionType.choices,
        default=CommissionType.PERCENT,
    )
    commission_value = models.DecimalField(
        _("commission"),
        max_digits=10,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("Percent of the price, or the amount per booking."),
    )
    contract_start = models.DateField(_("contract start"), null=True, blank=True)
    contract_end = models.DateField(_("contract end"), null=True, blank=True)
    preferred = models.BooleanField(_("preferred"), default=False)
    active = models.BooleanField(_("active"), default=True)
    notes = models.TextField(_("internal notes"), blank=True)

    objects = SupplierQuerySet.as_manager()

    # Set by list and detail views from contract_state(), for the templates.
    state: str

    history = HistoricalRecords()

    class Meta:
        ordering = ["-preferred", "name"]
        verbose_name = _("supplier")
        verbose_name_plural = _("suppliers")
        constraints = [
            models.CheckConstraint(
                condition=Q(contract_end__isnull=True)
                | Q(contract_start__isnull=True)
                | Q(contract_end__gte=models.F("contract_start")),
                name="supplier_contract_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(commission_value__gte=0)
                & (Q(commission_type="fixed") | Q(commission_value__lte=100)),
                name="supplier_commission_in_range",
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        errors = {}
        if self.contract_start and self.contract_end and self.contract_end < self.contract_start:
            errors["contract_end"] = _("The contract cannot end before it starts.")
        if self.commission_value is not None:
            if self.commission_value < 0:
                errors["commission_value"] = _("The commission cannot be negative.")
            elif self.commission_type == CommissionType.PERCENT and self.commission_value > 100:
                errors["commission_value"] = _("A commission in percent cannot exceed 100 %.")
        if errors:
            raise ValidationError(errors)

    def commission_for(self, price):
        """The commission due on a booking at `price` under this supplier's terms."""
        if self.commission_type == CommissionType.FIXED:
            return self.commission_value
        if price is None:
            return Decimal("0.00")
        return (Decimal(price) * self.commission_value / 100).quantize(CENT, ROUND_HALF_UP)

    def contract_state(self, today=None):
        return contract_state(self.contract_start, self.contract_end, today)

    @property
    def category_codes(self):
        # Reads the prefetched rows when the list view prefetched them.
        return [row.category for row in self.category_rows.all()]

    @property
    def categories(self):
        return _labels(self.category_codes, Category.choices)

    @property
    def language_codes(self):
        return [row.language for row in self.language_rows.all()]

    def set_categories(self, codes):
        _set_codes(self.category_rows, "category", codes)

    def set_languages(self, codes):
        _set_codes(self.language_rows, "language", codes)


class SupplierCategory(models.Model):
    """One category of a supplier: a row a category, so filters work on any database."""

    supplier = models.ForeignKey(Supplier, on_delete=models.CASCADE, related_name="category_rows")
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)

    class Meta:
        verbose_name = _("supplier category")
        verbose_name_plural = _("supplier categories")
        constraints = [
            models.UniqueConstraint(fields=["supplier", "category"], name="supplier_category_once")
        ]
        indexes = [models.Index(fields=["category", "supplier"])]

    def __str__(self):
        return self.get_category_display()


class SupplierLanguage(models.Model):
    supplier = models.ForeignKey(Supplier, on_delete=models.CASCADE, related_name="language_rows")
    language = models.CharField(_("language"), max_length=5, choices=SPOKEN_LANGUAGES)

    class Meta:
        verbose_name = _("language spoken")
        verbose_name_plural = _("languages spoken")
        constraints = [
            models.UniqueConstraint(fields=["supplier", "language"], name="supplier_language_once")
        ]

    def __str__(self):
        return self.get_language_display()


class Contact(models.Model):
    """A person at a supplier the desk calls or writes to."""

    supplier = models.ForeignKey(Supplier, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("role"), max_length=150, blank=True)
    phone = PhoneNumberField(_("phone"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    messenger = models.CharField(
        _("messenger"),
        max_length=150,
        blank=True,
        help_text=_("For example: WhatsApp +7 701 000 00 00, Telegram @name"),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")

    def __str__(self):
        return self.name


# ---------------------------------------------------------------------------------------
# Local guide


GUIDE_LANGUAGES = ("kk", "ru", "en")


class PlaceQuerySet(hours.OpenAtQuerySet["Place"]):
    def active(self) -> Self:
        return self.filter(active=True)

    def with_tags(self, tags: Iterable[str]) -> Self:
        """Places that carry every one of `tags`."""
        queryset = self
        for tag in tags:
            queryset = queryset.filter(
                Exists(PlaceTagRow.objects.filter(place=OuterRef("pk"), tag=tag))
            )
        return queryset

    def needing_check(self, today=None):
        """Active places not verified within the last 90 days (or never)."""
        today = today or timezone.localdate()
        limit = today - datetime.timedelta(days=VERIFY_EVERY_DAYS)
        return self.active().filter(Q(last_verified__isnull=True) | Q(last_verified__lt=limit))

    def for_listing(self):
        return self.prefetch_related("tag_rows", "hours")


# Typed by hand: modeltranslation swaps the manager's class at run time, which the mypy
# plugin cannot follow.
PlaceManager = models.Manager.from_queryset(PlaceQuerySet)


class Place(hours.HoursOwner, Timestamped):
    """A place the desk recommends to guests: where to eat, shop, walk or go out.

    Its hours (is_open_at, weekly_summary, hours_by_day) read the prefetched `hours`
    (see PlaceQuerySet.for_listing); the rule is guestdesk.hours'.
    """

    kind = models.CharField(_("kind"), max_length=20, choices=PlaceKind.choices)
    # Translated into kk, ru and en by modeltranslation (vendors/translation.py).
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[
            MinValueValidator(Decimal("-90"), _("Latitude must be between -90 and 90.")),
            MaxValueValidator(Decimal("90"), _("Latitude must be between -90 and 90.")),
        ],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[
            MinValueValidator(Decimal("-180"), _("Longitude must be between -180 and 180.")),
            MaxValueValidator(Decimal("180"), _("Longitude must be between -180 and 180.")),
        ],
    )
    phone = PhoneNumberField(_("phone"), blank=True)
    website = WebsiteField(_("website"), blank=True)
    hours_note = models.CharField(
        _("note on opening hours"),
        max_length=200,
        blank=True,
        help_text=_("For example: kitchen closes an hour earlier"),
    )
    price_level = models.PositiveSmallIntegerField(
        _("price level"), choices=PriceLevel.choices, default=PriceLevel.MODERATE
    )
    walking_minutes = models.PositiveSmallIntegerField(
        _("walking time from the hotel (minutes)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(600)],
    )
    last_verified = models.DateField(_("last verified"), null=True, blank=True)
    active = models.BooleanField(_("active"), default=True)

    objects: ClassVar[PlaceManager["Place"]] = PlaceQuerySet.as_manager()

    class Meta:
        ordering = ["walking_minutes", "name"]
        verbose_name = _("place")
        verbose_name_plural = _("places")
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="place_latitude_in_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="place_longitude_in_range",
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(
                _("Give both latitude and longitude, or neither."), code="coordinates"
            )

    def text(self, field, language):
        """(value, language it is in) of a translated field, falling back visibly."""
        return written_in(self, field, language)

    @property
    def map_url(self):
        if self.latitude is None or self.longitude is None:
            return ""
        return (
            f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}"
            f"#map=17/{self.latitude}/{self.longitude}"
        )

    @property
    def tag_codes(self):
        return [row.tag for row in self.tag_rows.all()]

    @property
    def tags(self):
        return _labels(self.tag_codes, PlaceTag.choices)

    def set_tags(self, codes):
        _set_codes(self.tag_rows, "tag", codes)


class PlaceTagRow(models.Model):
    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="tag_rows")
    tag = models.CharField(_("tag"), max_length=20, choices=PlaceTag.choices)

    class Meta:
        verbose_name = _("place tag")
        verbose_name_plural = _("place tags")
        constraints = [models.UniqueConstraint(fields=["place", "tag"], name="place_tag_once")]
        indexes = [models.Index(fields=["tag", "place"])]

    def __str__(self):
        return self.get_tag_display()


class OpeningHours(hours.AbstractWeeklyHours):
    """One opening period of a place on a weekday (the one rule: see guestdesk.hours)."""

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="hours")

    class Meta(hours.AbstractWeeklyHours.Meta):
        indexes = [models.Index(fields=["weekday", "place"])]


# ---------------------------------------------------------------------------------------
# Recommendation sheets


class SheetQuerySet(models.QuerySet["RecommendationSheet"]):
    def for_guest(self, guest) -> Self:
        return self.filter(guest=guest).annotate(place_count=models.Count("items"))


class RecommendationSheet(models.Model):
    """Places the desk recommends to one guest, printed or emailed in the guest's language."""

    guest = models.ForeignKey(
        "arrivals.Guest",
        on_delete=models.CASCADE,
        related_name="recommendation_sheets",
        verbose_name=_("guest"),
    )
    language = models.CharField(
        _("language"), max_length=5, choices=[(c, c) for c in GUIDE_LANGUAGES], default="en"
    )
    # Codes of the ready selections the sheet is about, comma-separated ("lunch_nearby,shopping").
    preset = models.CharField(_("ready selections"), max_length=200, blank=True)
    title = models.CharField(
        _("title"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty for a title in the guest's language."),
    )
    note = models.TextField(
        _("personal note"), blank=True, help_text=_("Printed and sent as you write it.")
    )
    created_by = staff_user(_("prepared by"))
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    printed_at = models.DateTimeField(_("printed"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("emailed"), null=True, blank=True)
    emailed_to = models.EmailField(_("emailed to"), blank=True)
    email = optional_link("guestdesk.OutboxMessage", _("email"), on_delete=models.SET_NULL)

    objects = SheetQuerySet.as_manager()

    PERSONAL_OWNER = "guest"
    PERSONAL_FIELDS = {"note": personal.TEXT, "emailed_to": personal.CONTACT}

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("recommendation sheet")
        verbose_name_plural = _("recommendation sheets")

    def __str__(self):
        return f"{self.guest} {self.created_at:%Y-%m-%d}"

    @property
    def heading(self):
        """The title the guest reads, in the active language unless the agent wrote one."""
        if self.title:
            return self.title
        labels = [str(PRESETS[code].label) for code in codes_of(self.preset)]
        # Two or three selections read as one title ("Lunch nearby · Shopping"); more, or a
        # sheet no selection describes, gets the general title.
        if 0 < len(labels) <= 3:
            return " · ".join(labels)
        return _("Our recommendations for you")


class SheetItem(models.Model):
    sheet = models.ForeignKey(RecommendationSheet, on_delete=models.CASCADE, related_name="items")
    # Places are retired with their active flag, never deleted while a sheet shows them.
    place = models.ForeignKey(Place, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("recommended place")
        verbose_name_plural = _("recommended places")
        constraints = [models.UniqueConstraint(fields=["sheet", "place"], name="sheet_place_once")]

    def __str__(self):
        return str(self.place)
