"""API keys, the call log, idempotent writes, and the webhook outbox."""

import ipaddress
import secrets
import uuid
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework_api_key.models import AbstractAPIKey, BaseAPIKeyManager

from api.event_types import EVENTS
from guestdesk import personal
from guestdesk.fields import staff_user

# What a key may do. Staff sessions read with their role's rights instead (api.auth).
SCOPES = {
    "stays:read": _("read stays"),
    "stays:write": _("push stays and change their status"),
    "guests:read": _("read guests (without contact details)"),
    "guests:contact": _("see guests' email and phone"),
    "requests:read": _("read guest requests"),
    "requests:write": _("create guest requests and change their status"),
    "events:read": _("read events and hotel information"),
}


def validate_scopes(value: Any) -> None:
    if not isinstance(value, list) or not all(isinstance(s, str) for s in value):
        raise ValidationError(_("Scopes must be a list of names."))
    unknown = sorted(set(value) - set(SCOPES))
    if unknown:
        raise ValidationError(
            _("Unknown scopes: %(scopes)s."), params={"scopes": ", ".join(unknown)}
        )


def parse_networks(text: str) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    """One address or network (CIDR) per line or comma; ValueError names a bad one."""
    words = [w.strip() for w in text.replace(",", "\n").splitlines() if w.strip()]
    return [ipaddress.ip_network(word, strict=False) for word in words]


def validate_networks(text: str) -> None:
    try:
        parse_networks(text)
    except ValueError as exc:
        raise ValidationError(str(exc)) from None


class ApiKeyManager(BaseAPIKeyManager):
    pass


class ApiKey(AbstractAPIKey):
    """One integration's key: stored hashed, shown once, with scopes, addresses and expiry."""

    scopes = models.JSONField(_("scopes"), default=list, blank=True, validators=[validate_scopes])
    allowed_addresses = models.TextField(
        _("allowed addresses"),
        blank=True,
        validators=[validate_networks],
        help_text=_("One address or network (10.0.0.0/24) per line; empty: any address."),
    )
    created_by = staff_user(_("created by"))
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)

    objects: ClassVar[ApiKeyManager] = ApiKeyManager()  # type: ignore[assignment]

    class Meta(AbstractAPIKey.Meta):
        # The library's Meta declares plain strings; ours are translated (lazy).
        verbose_name = _("API key")  # type: ignore[assignment]
        verbose_name_plural = _("API keys")  # type: ignore[assignment]

    def has_scope(self, scope: str) -> bool:
        return scope in self.scopes

    def allows_address(self, address: str) -> bool:
        if not self.allowed_addresses.strip():
            return True
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in network for network in parse_networks(self.allowed_addresses))


class ApiCall(models.Model):
    """One call to the API: which key (or staff user), what, and the answer's status."""

    key = models.ForeignKey(
        ApiKey, on_delete=models.SET_NULL, null=True, blank=True, related_name="calls"
    )
    user = staff_user(_("staff user"))
    method = models.CharField(_("method"), max_length=10)
    path = models.CharField(_("path"), max_length=300)
    status = models.PositiveSmallIntegerField(_("status"))
    address = models.CharField(_("address"), max_length=45, blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("API call")
        verbose_name_plural = _("API calls")

    def __str__(self) -> str:
        return f"{self.method} {self.path} {self.status}"


class IdempotentWrite(models.Model):
    """The first answer to a write sent with an Idempotency-Key, replayed to repeats."""

    key = models.ForeignKey(ApiKey, on_delete=models.CASCADE, related_name="+")
    token = models.CharField(max_length=200)
    fingerprint = models.CharField(max_length=64)
    status = models.PositiveSmallIntegerField()
    body = models.JSONField(null=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    # A stored answer may quote a guest (a stay's names): kept RETENTION_FILES_DAYS.
    RETAINED = {"after": "created_at", "fields": {"body": personal.DATA}}

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "token"], name="api_idempotency_unique")
        ]

    def __str__(self) -> str:
        return self.token


def new_secret() -> str:
    return secrets.token_urlsafe(32)


class WebhookEndpoint(models.Model):
    """A receiver of signed event notifications, registered by an administrator."""

    name = models.CharField(_("name"), max_length=100)
    url = models.URLField(_("URL"), max_length=500)
    secret = models.CharField(
        _("signing secret"),
        max_length=100,
        default=new_secret,
        help_text=_("The receiver checks the GuestDesk-Signature header with it."),
    )
    events = models.JSONField(_("events"), default=list, blank=True)
    active = models.BooleanField(_("active"), default=True)
    paused_at = models.DateTimeField(
        _("paused"),
        null=True,
        blank=True,
        help_text=_("Set when deliveries kept failing; clear it (Resume) to send again."),
    )
    consecutive_failures = models.PositiveIntegerField(_("failures in a row"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if not isinstance(self.events, list) or set(self.events) - set(EVENTS):
            raise ValidationError(
                {"events": _("Choose among: %(events)s.") % {"events": ", ".join(EVENTS)}}
            )


class WebhookEvent(models.Model):
    """One event, written in the transaction that made the change (the outbox)."""

    uuid = models.UUIDField(_("event id"), default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("event"), max_length=50)
    object_key = models.CharField(_("object"), max_length=60, db_index=True)
    payload = models.JSONField(_("payload"), default=dict)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    # An event names its guest: its payload is kept RETENTION_FILES_DAYS, like sent emails.
    RETAINED = {"after": "created_at", "fields": {"payload": personal.DATA}}

    class Meta:
        ordering = ["pk"]
        verbose_name = _("webhook event")
        verbose_name_plural = _("webhook events")

    def __str__(self) -> str:
        return f"{self.kind} {self.object_key}"


class WebhookDelivery(models.Model):
    """One event for one endpoint; sent in order per (endpoint, object)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        DELIVERED = "delivered", _("delivered")
        FAILED = "failed", _("gave up")

    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries"
    )
    event = models.ForeignKey(WebhookEvent, on_delete=models.CASCADE, related_name="deliveries")
    object_key = models.CharField(max_length=60)
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    claimed_until = models.DateTimeField(null=True, blank=True)
    last_status_code = models.PositiveSmallIntegerField(_("last answer"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        constraints = [
            models.UniqueConstraint(fields=["endpoint", "event"], name="api_delivery_unique")
        ]
        indexes = [models.Index(fields=["endpoint", "object_key", "status"])]

    def __str__(self) -> str:
        return f"{self.event} → {self.endpoint}"


class WebhookAttempt(models.Model):
    """One try of a delivery: the receiver's status code, or the error."""

    delivery = models.ForeignKey(WebhookDelivery, on_delete=models.CASCADE, related_name="tries")
    at = models.DateTimeField(_("when"), default=timezone.now)
    status_code = models.PositiveSmallIntegerField(_("status code"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    duration_ms = models.PositiveIntegerField(_("duration (ms)"), default=0)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("delivery attempt")
        verbose_name_plural = _("delivery attempts")

    def __str__(self) -> str:
        return f"{self.delivery_id} {self.status_code or self.error}"
