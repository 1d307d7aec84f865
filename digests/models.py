import datetime
from typing import Self

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from arrivals.models import Stay, VipLevel
from guestdesk import roles
from guestdesk.fields import staff_user
from guestdesk.models import Department, OutboxMessage


class Section(models.TextChoices):
    """Parts of a digest a department may subscribe to."""

    VIP = "vip", _("VIP arrivals")
    ARRIVALS = "arrivals", _("All arrivals")
    RETURNING = "returning", _("Returning guests")
    DIETARY = "dietary", _("Dietary needs and allergies")
    OCCASIONS = "occasions", _("Birthdays and occasions")
    TRANSPORT = "transport", _("Arrival transport and pickups")
    SECURITY = "security", _("Security notes")
    DEPARTURES = "departures", _("Departures")
    EVENTS = "events", _("Events on the premises")


def validate_sections(value):
    unknown = set(value or []) - set(Section.values)
    if unknown:
        raise ValidationError(
            _("Unknown sections: %(names)s"), params={"names": ", ".join(unknown)}
        )


class DigestSubscription(models.Model):
    """What one department receives each morning, and when."""

    department = models.OneToOneField(
        Department,
        on_delete=models.CASCADE,
        related_name="digest_subscription",
        verbose_name=_("department"),
    )
    enabled = models.BooleanField(_("send the daily digest"), default=True)
    send_time = models.TimeField(
        _("send time"),
        default=datetime.time(7, 0),
        help_text=_("Hotel local time. A digest missed at this time goes out later the same day."),
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    sections = models.JSONField(
        _("sections"), default=list, blank=True, validators=[validate_sections]
    )
    min_vip_level = models.ForeignKey(
        VipLevel,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("lowest VIP level to include"),
        help_text=_("Empty: every VIP level."),
    )
    show_phone_numbers = models.BooleanField(
        _("show guests' phone numbers"),
        default=False,
        help_text=_("Only for departments that call guests, such as Transport."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["department__name"]
        verbose_name = _("digest subscription")
        verbose_name_plural = _("digest subscriptions")

    def __str__(self):
        return str(self.department)

    def wants(self, section):
        return section in self.sections

    def section_labels(self):
        """The subscribed sections as people read them, in the page's language."""
        return [str(label) for value, label in Section.choices if value in self.sections]

    def includes_vip(self, vip_level):
        """True when a stay at `vip_level` belongs in this department's VIP section."""
        if vip_level is None:
            return False
        if self.min_vip_level is not None and vip_level.rank > self.min_vip_level.rank:
            return False
        told = [d.pk for d in vip_level.departments.all()]
        return not told or self.department_id in told


class DigestQuerySet(models.QuerySet["Digest"]):
    def on(self, day) -> Self:
        return self.filter(date=day)

    def daily(self) -> Self:
        return self.filter(kind=Digest.Kind.DAILY)

    def for_history(self) -> Self:
        return self.select_related("department", "outbox", "created_by").order_by(
            "-date", "department__name", "-created_at"
        )

    def failed(self) -> Self:
        return self.filter(outbox__status=OutboxMessage.Status.FAILED)

    def visible_to(self, user) -> Self:
        if roles.is_desk(user):
            return self
        return self.filter(department__members=user)


class Digest(models.Model):
    """One digest email to one department for one hotel date.

    The unique constraint on (department, date) for daily digests is the claim that makes
    sending exactly-once: the row and its outbox message commit together, or not at all.
    """

    class Kind(models.TextChoices):
        DAILY = "daily", _("daily")
        RESEND = "resend", _("resent by a manager")

    department = models.ForeignKey(
        Department, on_delete=models.CASCADE, related_name="digests", verbose_name=_("department")
    )
    date = models.DateField(_("hotel date"), db_index=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.DAILY)
    # Empty only inside the transaction that claims the send and renders the email.
    outbox = models.OneToOneField(
        OutboxMessage,
        on_delete=models.PROTECT,
        null=True,
        related_name="digest",
        verbose_name=_("email"),
    )
    sections = models.JSONField(_("sections"), default=list)
    # The VIP stays this digest told the department about: later ones get a late alert.
    vip_stay_ids = models.JSONField(default=list)
    vip_count = models.PositiveIntegerField(_("VIP arrivals"), default=0)
    arrival_count = models.PositiveIntegerField(_("arrivals"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = staff_user(_("sent by"))
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    # Who pressed "Mark as read": an address the email went to (from the signed link) and
    # the name they typed, or a department member inside GuestDesk.
    acknowledged_by_address = models.CharField(
        _("acknowledged by address"), max_length=254, blank=True
    )
    acknowledged_by_name = models.CharField(_("acknowledged by name"), max_length=100, blank=True)
    acknowledged_by = staff_user(_("acknowledged by"))

    objects = DigestQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "department__name"]
        verbose_name = _("digest")
        verbose_name_plural = _("digests")
        constraints = [
            models.UniqueConstraint(
                fields=["department", "date"],
                condition=Q(kind="daily"),
                name="one_daily_digest_per_department_and_date",
            )
        ]

    def __str__(self):
        return f"{self.department} {self.date}"

    @property
    def status(self):
        return self.outbox.status if self.outbox is not None else OutboxMessage.Status.QUEUED

    def get_status_display(self):
        return self.outbox.get_status_display() if self.outbox is not None else _("queued")

    @property
    def acknowledged_by_label(self):
        """Who acknowledged, as the history shows it: "Name <address>", a name or an address."""
        name, address = self.acknowledged_by_name, self.acknowledged_by_address
        if name and address:
            return f"{name} <{address}>"
        return name or address


class LateAlert(models.Model):
    """A short alert for a VIP stay that became known after the department's digest went out."""

    stay = models.ForeignKey(
        Stay, on_delete=models.CASCADE, related_name="late_alerts", verbose_name=_("stay")
    )
    department = models.ForeignKey(
        Department,
        on_delete=models.CASCADE,
        related_name="late_alerts",
        verbose_name=_("department"),
    )
    outbox = models.OneToOneField(
        OutboxMessage,
        on_delete=models.PROTECT,
        null=True,
        related_name="late_alert",
        verbose_name=_("email"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("late VIP alert")
        verbose_name_plural = _("late VIP alerts")
        constraints = [
            models.UniqueConstraint(fields=["stay", "department"], name="one_late_alert_per_stay")
        ]

    def __str__(self):
        return f"{self.stay} → {self.department}"
