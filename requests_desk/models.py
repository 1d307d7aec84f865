from datetime import date, datetime, timedelta
from typing import Any, Self

from django.core.exceptions import EmptyResultSet
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connections, models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_stubs_ext import StrOrPromise
from simple_history.models import HistoricalRecords

from guestdesk import personal, roles
from guestdesk.fields import optional_link, staff_user
from guestdesk.querysets import words_match
from guestdesk.transitions import HasTransitions
from requests_desk import details as type_details
from requests_desk.types import (
    DEFAULT_LEAD_MINUTES,
    LEADS,
    ROUTING,
    RequestType,
)


class Counter(models.Model):
    """Last number given per series and year; the row is locked while a number is taken,
    so two agents creating at once get consecutive numbers and a rollback leaves no gap."""

    series = models.CharField(max_length=20)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["series", "year"], name="requests_counter_unique")
        ]

    def __str__(self):
        return f"{self.series} {self.year}: {self.last}"


class Status(models.TextChoices):
    # A context keeps these apart from the same English words in other apps' catalogues
    # (Russian and Kazakh agree them with "request").
    NEW = "new", pgettext_lazy("request status", "New")
    IN_PROGRESS = "in_progress", pgettext_lazy("request status", "In progress")
    BOOKED = "booked", pgettext_lazy("request status", "Booked")
    DONE = "done", pgettext_lazy("request status", "Done")
    CANCELLED = "cancelled", pgettext_lazy("request status", "Cancelled")
    FAILED = "failed", pgettext_lazy("request status", "Failed")


OPEN_STATUSES = (Status.NEW, Status.IN_PROGRESS, Status.BOOKED)
# Where the desk still owes an action; only these can be overdue or due soon. A booked
# request waits for its service, a closed one for nothing.
OWING_STATUSES = (Status.NEW, Status.IN_PROGRESS)
CLOSED_STATUSES = (Status.DONE, Status.CANCELLED, Status.FAILED)
# What the itinerary and the guest confirmation list: confirmed services.
CONFIRMED_STATUSES = (Status.BOOKED, Status.DONE)


class Priority(models.TextChoices):
    NORMAL = "normal", _("Normal")
    HIGH = "high", _("High")
    URGENT = "urgent", _("Urgent")


def departments_types(user):
    """Request types a department member may read, by the routing table."""
    codes = user.departments.filter(active=True).values_list("code", flat=True)
    types: set[str] = set()
    for code in codes:
        types |= ROUTING.get(code, frozenset())
    return types


class ServiceRequestQuerySet(models.QuerySet["ServiceRequest"]):
    def search(self, text: str) -> Self:
        """Every word matches the number, the guest's (or walk-in's) name or the room."""
        lookups = (
            "number__icontains",
            "walk_in_name__icontains",
            "guest__first_name__icontains",
            "guest__last_name__icontains",
            "stay__room__iexact",
        )
        return words_match(self, text, lookups)

    def open(self) -> Self:
        return self.filter(status__in=OPEN_STATUSES)

    def owing(self) -> Self:
        """Requests the desk still has to act on (not yet booked, not closed)."""
        return self.filter(status__in=OWING_STATUSES)

    def overdue(self, now: datetime | None = None) -> "ServiceRequestQuerySet":
        """Past their deadline while the desk still owes an action (booked is not overdue)."""
        return self.owing().filter(due_at__lt=now or timezone.now())

    def due_soon(self, now=None, within=timedelta(hours=1)) -> Self:
        now = now or timezone.now()
        return self.owing().filter(due_at__gte=now, due_at__lt=now + within)

    def visible_to(self, user) -> Self:
        """Requests `user` may read: the desk all, a department member its routed types."""
        if roles.is_desk(user):
            return self
        if roles.has_role(user, roles.DEPARTMENT_MEMBER):
            return self.filter(type__in=departments_types(user))
        return self.none()

    def status_counts(self, up_to: int) -> dict[str, int]:
        """{status: count}, each count stopping at `up_to`, in one query.

        Each status is counted by a subquery that reads at most `up_to` of its rows (by the
        status and due time index), so a status with 100,000 requests costs no more than
        one with `up_to`: counting every row was most of the board's time.
        """
        parts: list[str] = []
        params: list[Any] = []
        for value in Status.values:
            bounded = self.filter(status=value).order_by().values("pk")[:up_to]
            try:
                sql, values = bounded.query.sql_with_params()
            except EmptyResultSet:  # a filter nothing can match (no routed types)
                return dict.fromkeys(Status.values, 0)
            parts.append(f"(SELECT COUNT(*) FROM ({sql}) AS counted)")
            params.extend(values)
        with connections[self.db].cursor() as cursor:
            cursor.execute("SELECT " + ", ".join(parts), params)
            row = cursor.fetchone()
        return dict(zip(Status.values, row, strict=True))

    def deadline_counts(self, user, now=None) -> dict[str, int]:
        """Overdue, due within the hour, and open ones assigned to `user`, in one query."""
        now = now or timezone.now()
        open_ = Q(status__in=OPEN_STATUSES)
        owing = Q(status__in=OWING_STATUSES)
        return self.aggregate(
            overdue=Count("pk", filter=owing & Q(due_at__lt=now)),
            due_soon=Count(
                "pk", filter=owing & Q(due_at__gte=now, due_at__lt=now + timedelta(hours=1))
            ),
            mine=Count("pk", filter=open_ & Q(assigned_to=user)),
        )


def _amount(verbose_name: StrOrPromise, help_text: StrOrPromise = "") -> models.DecimalField:
    """An amount of money a request may leave empty, never below zero."""
    return models.DecimalField(
        verbose_name,
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=help_text,
    )


class ServiceRequest(HasTransitions, models.Model):
    """A guest's order for something the hotel does not sell itself."""

    Status = Status
    Priority = Priority
    Type = RequestType

    # Allowed moves (see guestdesk.transitions). Cancelled and failed are reachable from
    # every open state.
    TRANSITIONS = {
        Status.NEW: (Status.IN_PROGRESS, Status.BOOKED, Status.CANCELLED, Status.FAILED),
        Status.IN_PROGRESS: (Status.BOOKED, Status.CANCELLED, Status.FAILED),
        Status.BOOKED: (Status.DONE, Status.IN_PROGRESS, Status.CANCELLED, Status.FAILED),
        Status.DONE: (),
        Status.CANCELLED: (),
        Status.FAILED: (),
    }

    number = models.CharField(_("number"), max_length=20, unique=True, editable=False)
    guest = optional_link("arrivals.Guest", _("guest"), related_name="requests")
    stay = optional_link("arrivals.Stay", _("stay"), related_name="requests")
    walk_in_name = models.CharField(_("walk-in guest's name"), max_length=200, blank=True)
    walk_in_contact = models.CharField(
        _("walk-in guest's phone or email"), max_length=200, blank=True
    )
    type = models.CharField(_("type"), max_length=20, choices=RequestType.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    priority = models.CharField(
        _("priority"), max_length=10, choices=Priority.choices, default=Priority.NORMAL
    )
    due_at = models.DateTimeField(_("due by"), db_index=True)
    service_at = models.DateTimeField(
        _("service time"),
        null=True,
        blank=True,
        help_text=_("When the service happens (departure, pickup, performance)."),
    )
    assigned_to = staff_user(_("assigned agent"), related_name="assigned_requests")
    supplier = optional_link("vendors.Supplier", _("supplier"), related_name="requests")
    cost = _amount(_("cost"), help_text=_("What the supplier charges the hotel."))
    price = _amount(_("price to guest"))
    currency = models.CharField(_("currency"), max_length=3, default="KZT")
    commission = _amount(_("commission"), help_text=_("Leave empty to apply the supplier's terms."))
    confirmation_reference = models.CharField(
        _("supplier confirmation reference"), max_length=100, blank=True
    )
    cancellation_terms = models.TextField(_("cancellation terms"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)
    rating = models.PositiveSmallIntegerField(
        _("rating"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("How well the supplier delivered, 1 to 5."),
    )
    reason = models.TextField(_("reason for cancelling or failure"), blank=True)
    # Asked by the guest on their own page, not taken by an agent.
    from_guest = models.BooleanField(_("from the guest"), default=False, db_index=True)
    guest_message = models.TextField(
        _("message to the guest"),
        blank=True,
        help_text=_("Shown to the guest on their page, with the request's status."),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    created_by = staff_user(_("created by"), blank=False)
    booked_at = models.DateTimeField(_("booked"), null=True, blank=True)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    overdue_notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Bumped on every change: an edit made from a stale page is refused, not merged.
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ServiceRequestQuerySet.as_manager()

    history = HistoricalRecords()
    PERSONAL_OWNER = "guest"
    PERSONAL_UNOWNED_AFTER = "created_at"
    PERSONAL_FIELDS = {
        "walk_in_name": personal.NAME,
        "walk_in_contact": personal.CONTACT,
        "notes": personal.TEXT,
        "details": personal.DATA,
        "guest_message": personal.TEXT,
    }

    class Meta:
        ordering = ["due_at", "pk"]
        verbose_name = _("guest request")
        verbose_name_plural = _("guest requests")
        indexes = [models.Index(fields=["status", "due_at"], name="requests_status_due")]
        constraints = [
            models.CheckConstraint(
                condition=Q(price__gte=0) | Q(price__isnull=True), name="requests_price_gte_0"
            ),
            models.CheckConstraint(
                condition=Q(cost__gte=0) | Q(cost__isnull=True), name="requests_cost_gte_0"
            ),
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=5) | Q(rating__isnull=True),
                name="requests_rating_1_5",
            ),
        ]

    def __str__(self):
        return f"{self.number} {self.get_type_display()}"

    def get_absolute_url(self):
        return reverse("requests_desk:detail", kwargs={"number": self.number})

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    def is_overdue(self, now=None):
        # The same rule as ServiceRequestQuerySet.overdue, for a row already loaded.
        return self.status in OWING_STATUSES and self.due_at < (now or timezone.now())

    def is_due_soon(self, now=None):
        now = now or timezone.now()
        return self.status in OWING_STATUSES and now <= self.due_at < now + timedelta(hours=1)

    @property
    def guest_name(self):
        guest = self.guest or (self.stay.guest if self.stay is not None else None)
        return guest.name if guest else self.walk_in_name

    @property
    def the_guest(self):
        return self.guest or (self.stay.guest if self.stay is not None else None)

    @property
    def guest_language(self):
        guest = self.the_guest
        return getattr(guest, "language", "") or "en"

    def detail_rows(self, for_guest=False):
        """(label, text) pairs of the type's details, dates in hotel time."""
        result = []
        for _name, label, value in type_details.rows(self.type, self.details or {}, for_guest):
            if isinstance(value, datetime):
                value = formats.date_format(timezone.localtime(value), "d.m.Y H:i")
            elif isinstance(value, date):
                value = formats.date_format(value, "d.m.Y")
            result.append((label, value))
        return result

    def guest_rows(self):
        """The details a guest's itinerary or confirmation shows."""
        return self.detail_rows(for_guest=True)

    def detail(self, name):
        return type_details.from_json(self.type, self.details or {}).get(name)

    @property
    def has_waybill(self):
        return type_details.needs_waybill(self.type, self.details)

    @property
    def is_permit(self):
        return self.type == RequestType.PERMIT

    def transition_not_allowed(self, to_status):
        return _("A request that is “%(old)s” cannot become “%(new)s”.") % {
            "old": self.get_status_display(),
            "new": Status(to_status).label,
        }

    def transition_changed_meanwhile(self):
        return _("This request was changed by someone else meanwhile: it is now “%(status)s”.") % {
            "status": self.get_status_display()
        }

    def record_transition(self, from_status, to_status, by, at, note):
        # A closed request's history shows why, unless the agent wrote something else.
        comment = note or (self.reason if to_status in CLOSED_STATUSES else "")
        RequestEvent.objects.create(
            request=self,
            kind=RequestEvent.Kind.STATUS,
            by=by,
            at=at,
            from_status=from_status,
            to_status=to_status,
            comment=comment.strip(),
        )

    def route(self):
        """Where a transfer, taxi or car hire goes from and to (for lists and waybills)."""
        d = self.details or {}
        start = d.get("pickup_place") or d.get("origin") or ""
        end = d.get("destination") or d.get("return_place") or ""
        return f"{start} → {end}" if start and end else start or end


class RequestEvent(models.Model):
    """One line of a request's history: a status change, an edit, a document, an email."""

    class Kind(models.TextChoices):
        CREATED = "created", pgettext_lazy("request history", "Created")
        STATUS = "status", _("Status changed")
        EDITED = "edited", pgettext_lazy("request history", "Edited")
        ATTACHMENT = "attachment", _("Attachment added")
        EMAIL = "email", _("Confirmation emailed")
        WAYBILL = "waybill", _("Waybill issued")
        OVERDUE = "overdue", _("Overdue, manager told")

    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    at = models.DateTimeField(default=timezone.now)
    by = staff_user()
    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    comment = models.TextField(blank=True)
    # For edits: {field: [old, new]} as text, so a later schema change cannot break history.
    changes = models.JSONField(default=dict, blank=True)

    PERSONAL_OWNER = "request__guest"
    PERSONAL_FIELDS = {"comment": personal.TEXT, "changes": personal.DATA}

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("request history entry")
        verbose_name_plural = _("request history")

    def __str__(self):
        return f"{self.request.number} {self.kind} {self.at:%Y-%m-%d %H:%M}"


def attachment_path(instance, filename):
    # A random name: the original is kept in the row, the disk never sees guest input.
    import uuid

    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"requests/{timezone.localdate():%Y/%m}/{uuid.uuid4().hex}.{extension}"


class Attachment(models.Model):
    """An e-ticket, voucher or scan; served only through the request's attachment view."""

    request = models.ForeignKey(
        ServiceRequest, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(upload_to=attachment_path)
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(default=timezone.now)
    uploaded_by = staff_user(blank=False)

    PERSONAL_OWNER = "request__guest"
    PERSONAL_FIELDS = {"file": personal.DOCUMENT, "name": personal.TEXT}

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse(
            "requests_desk:attachment", kwargs={"number": self.request.number, "pk": self.pk}
        )


class Waybill(models.Model):
    """A driver's waybill; its number is taken once, when it is first printed."""

    request = models.OneToOneField(ServiceRequest, on_delete=models.PROTECT, related_name="waybill")
    number = models.CharField(_("waybill number"), max_length=20, unique=True)
    issued_at = models.DateTimeField(default=timezone.now)
    issued_by = staff_user(blank=False)

    class Meta:
        verbose_name = _("waybill")
        verbose_name_plural = _("waybills")

    def __str__(self):
        return self.number


class LeadTime(models.Model):
    """How long the desk has, by default, to fulfil a request of one type."""

    type = models.CharField(_("type"), max_length=20, choices=RequestType.choices, unique=True)
    minutes = models.PositiveIntegerField(_("minutes to fulfil"), validators=[MinValueValidator(5)])

    class Meta:
        ordering = ["type"]
        verbose_name = _("lead time")
        verbose_name_plural = _("lead times")

    def __str__(self):
        return f"{self.get_type_display()}: {self.minutes}"

    @classmethod
    def minutes_for(cls, type_):
        row = cls.objects.filter(type=type_).values_list("minutes", flat=True).first()
        return row if row is not None else DEFAULT_LEAD_MINUTES.get(type_, 8 * 60)

    @classmethod
    def default_due(
        cls, type_: str, service_at: datetime | None = None, now: datetime | None = None
    ) -> datetime:
        """The deadline of a new request, counted back from its service time (types.LEADS).

        The usual lead (a ticket the day before departure) when there is still time for
        it; otherwise as soon as the desk can work it, but never later than the type's
        latest moment before the service. That moment may already be past: the form
        then warns before the request is created.
        """
        now = now or timezone.now()
        asap = now + timedelta(minutes=cls.minutes_for(type_))
        lead = LEADS.get(type_)
        if service_at is None or lead is None:
            due = asap
        elif service_at - lead.before >= now:
            due = service_at - lead.before
        elif lead.latest is None:
            due = asap
        else:
            due = min(asap, service_at - lead.latest)
        return due.replace(second=0, microsecond=0)
