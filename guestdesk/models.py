from typing import ClassVar, Self

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from guestdesk import personal


def validate_email_list(value: str) -> None:
    for address in split_addresses(value):
        try:
            validate_email(address)
        except ValidationError:
            raise ValidationError(
                _("“%(address)s” is not a valid email address."), params={"address": address}
            ) from None


def split_addresses(value: str) -> list[str]:
    """Addresses typed one a line or separated by commas or semicolons."""
    for sep in (";", "\n"):
        value = value.replace(sep, ",")
    return [a.strip() for a in value.split(",") if a.strip()]


class DepartmentQuerySet(models.QuerySet["Department"]):
    def active(self) -> Self:
        return self.filter(active=True)


# Typed by hand: modeltranslation swaps the manager's class at run time, which the mypy
# plugin cannot follow.
DepartmentManager = models.Manager.from_queryset(DepartmentQuerySet)


class Department(models.Model):
    """A hotel department that receives information from the guest relations desk."""

    name = models.CharField(_("name"), max_length=100)
    code = models.SlugField(_("code"), max_length=30, unique=True)
    recipients = models.TextField(
        _("recipient email addresses"),
        blank=True,
        validators=[validate_email_list],
        help_text=_("One address a line, or separated by commas."),
    )
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="ru"
    )
    active = models.BooleanField(_("active"), default=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="departments",
        blank=True,
        verbose_name=_("members"),
    )

    objects: ClassVar[DepartmentManager["Department"]] = DepartmentQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("department")
        verbose_name_plural = _("departments")

    def __str__(self) -> str:
        return self.name

    @property
    def recipient_list(self) -> list[str]:
        return split_addresses(self.recipients)


class OutboxQuerySet(models.QuerySet["OutboxMessage"]):
    def queued(self) -> Self:
        return self.filter(status=OutboxMessage.Status.QUEUED)

    def failed(self) -> Self:
        return self.filter(status=OutboxMessage.Status.FAILED)


class OutboxMessage(models.Model):
    """One email GuestDesk sends: rendered once, kept forever, sent by a Celery task."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    template = models.CharField(_("template"), max_length=100)
    to = models.JSONField(_("to"), default=list)
    subject = models.CharField(_("subject"), max_length=300)
    body_text = models.TextField(_("text body"))
    body_html = models.TextField(_("HTML body"))
    language = models.CharField(_("language"), max_length=5)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    objects = OutboxQuerySet.as_manager()

    RETAINED = {
        "after": "sent_at",
        "fields": {"body_text": personal.TEXT, "body_html": personal.TEXT},
    }
    # Set by guestdesk.emails.queue_email: True when an earlier copy was returned instead.
    deduplicated: bool

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox")

    def __str__(self) -> str:
        return f"{self.subject} → {', '.join(self.to)}"


class EmailClaim(models.Model):
    """The last time one document went to one set of addresses (guestdesk.emails dedup).

    Its row is locked while a send decides, so fifty quick clicks queue one email.
    """

    key = models.CharField(max_length=64, unique=True)  # sha256 of the document and addresses
    message = models.ForeignKey(
        OutboxMessage, on_delete=models.CASCADE, null=True, related_name="+"
    )
    claimed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("sent document")
        verbose_name_plural = _("sent documents")

    def __str__(self) -> str:
        return f"{self.key[:12]} {self.claimed_at:%Y-%m-%d %H:%M}"
