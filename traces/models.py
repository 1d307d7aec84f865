"""Traces: dated tasks for one department about one stay (or one guest request).

A trace is open until the department marks it done, or could not do it (with a reason);
an automatic trace comes from a `TraceRule` of the stay's VIP level, once per stay and rule
(a unique constraint), and is cancelled, not deleted, when the stay no longer calls for it.
"""

from datetime import date, datetime, timedelta
from typing import Any, Self

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from guestdesk import personal, roles
from guestdesk.fields import optional_link, staff_user
from guestdesk.transitions import HasTransitions

TEXT_MAX_LENGTH = 500


class TraceRule(models.Model):
    """What one department must do for every stay of one VIP level (an amenity, a check...)."""

    vip_level = models.ForeignKey(
        "arrivals.VipLevel",
        on_delete=models.CASCADE,
        related_name="trace_rules",
        verbose_name=_("VIP level"),
    )
    department = models.ForeignKey(
        "guestdesk.Department",
        on_delete=models.CASCADE,
        related_name="trace_rules",
        verbose_name=_("department"),
    )
    text = models.CharField(_("what to do"), max_length=TEXT_MAX_LENGTH)
    days_before = models.PositiveSmallIntegerField(
        _("days before arrival"), default=0, help_text=_("0 is the arrival day.")
    )
    due_time = models.TimeField(_("due by"), null=True, blank=True)
    active = models.BooleanField(_("active"), default=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["vip_level__rank", "department__name", "pk"]
        verbose_name = _("automatic trace")
        verbose_name_plural = _("automatic traces")

    def __str__(self) -> str:
        return f"{self.vip_level.code} · {self.department} · {self.text}"


class TraceQuerySet(models.QuerySet["Trace"]):
    def visible_to(self, user: Any) -> Self:
        """The desk sees every trace; a department member those of their departments."""
        if roles.is_desk(user):
            return self
        return self.filter(department__members=user)

    def open(self) -> Self:
        return self.filter(status=Trace.Status.OPEN)

    def live(self) -> Self:
        """Everything but cancelled traces (what lists and reports count)."""
        return self.exclude(status=Trace.Status.CANCELLED)

    def overdue(self, now: datetime | None = None) -> Self:
        """Open traces whose day has passed, or whose time today has passed (hotel time)."""
        now = timezone.localtime(now)
        return self.open().filter(
            Q(due_date__lt=now.date()) | Q(due_date=now.date(), due_time__lt=now.time())
        )

    def for_day(self, day: date) -> Self:
        """A day page's traces: all of `day`, and the ones still open from earlier days."""
        return self.live().filter(Q(due_date=day) | Q(status=Trace.Status.OPEN, due_date__lt=day))

    def for_lists(self) -> Self:
        return self.select_related(
            "department",
            "stay__guest",
            "stay__vip_level",
            "request",
            "created_by",
            "resolved_by",
        ).order_by("due_date", models.F("due_time").asc(nulls_last=True), "pk")


class Trace(HasTransitions, models.Model):
    """One department's dated task about one stay or guest request."""

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("trace", "open")
        DONE = "done", pgettext_lazy("trace", "done")
        NOT_DONE = "not_done", pgettext_lazy("trace", "could not be done")
        CANCELLED = "cancelled", pgettext_lazy("trace", "cancelled")

    RESOLVED = (Status.DONE, Status.NOT_DONE)
    # Done and not done are final; a cancelled automatic trace opens again when its stay
    # calls for it again (the VIP level raised back, the booking reinstated).
    TRANSITIONS = {
        Status.OPEN: (Status.DONE, Status.NOT_DONE, Status.CANCELLED),
        Status.CANCELLED: (Status.OPEN,),
    }

    stay = optional_link(
        "arrivals.Stay", _("stay"), related_name="traces", on_delete=models.CASCADE
    )
    request = optional_link(
        "requests_desk.ServiceRequest",
        _("guest request"),
        related_name="traces",
        on_delete=models.CASCADE,
    )
    department = models.ForeignKey(
        "guestdesk.Department",
        on_delete=models.PROTECT,
        related_name="traces",
        verbose_name=_("department"),
    )
    due_date = models.DateField(_("due date"), db_index=True)
    due_time = models.TimeField(_("due by"), null=True, blank=True)
    text = models.CharField(_("what to do"), max_length=TEXT_MAX_LENGTH)
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.OPEN, db_index=True
    )
    reason = models.CharField(_("reason"), max_length=TEXT_MAX_LENGTH, blank=True)
    rule = optional_link(
        TraceRule, _("automatic from"), related_name="traces", on_delete=models.SET_NULL
    )
    # The stay's arrival date the due date was counted from: a changed arrival moves the
    # open traces by the same number of days.
    anchor_date = models.DateField(null=True, blank=True, editable=False)
    created_by = staff_user(_("created by"))
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    resolved_by = staff_user(_("resolved by"))
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    # Set once, when the department and the desk were told that it is overdue.
    alerted_at = models.DateTimeField(_("overdue alert sent"), null=True, blank=True)

    objects = TraceQuerySet.as_manager()

    history = HistoricalRecords()
    PERSONAL_OWNER = "stay__guest"
    PERSONAL_FIELDS = {"text": personal.TEXT, "reason": personal.TEXT}

    class Meta:
        ordering = ["due_date", "due_time", "pk"]
        verbose_name = _("trace")
        verbose_name_plural = _("traces")
        constraints = [
            # The claim that makes an automatic trace exist once per stay, however many
            # imports, edits and workers reach it at the same moment.
            models.UniqueConstraint(
                fields=["stay", "rule"],
                condition=Q(rule__isnull=False),
                name="trace_once_per_stay_and_rule",
            ),
            models.CheckConstraint(
                condition=Q(stay__isnull=False) | Q(request__isnull=False),
                name="trace_about_a_stay_or_a_request",
            ),
        ]
        indexes = [models.Index(fields=["department", "due_date"])]

    def __str__(self) -> str:
        return f"{self.department} {self.due_date}: {self.text}"

    @property
    def is_automatic(self) -> bool:
        return self.rule_id is not None

    def due_at(self) -> datetime:
        """The moment it is due: its time, or the end of its day (hotel time)."""
        moment = datetime.combine(self.due_date, self.due_time or datetime.max.time())
        return timezone.make_aware(moment)

    def is_overdue(self, now: datetime | None = None) -> bool:
        return self.status == self.Status.OPEN and (now or timezone.now()) > self.due_at()

    def was_on_time(self) -> bool:
        return (
            self.status == self.Status.DONE
            and self.resolved_at is not None
            and self.resolved_at <= self.due_at()
        )

    @property
    def guest_name(self) -> str:
        if self.stay is not None:
            return self.stay.guest.name
        return str(self.request) if self.request is not None else ""

    def transition_changed_meanwhile(self) -> str:
        who = self.resolved_by
        if who is not None:
            return gettext("%(name)s already marked this trace “%(status)s”.") % {
                "name": who.get_full_name() or who.get_username(),
                "status": self.get_status_display(),
            }
        return gettext("This trace changed meanwhile: it is now “%(status)s”.") % {
            "status": self.get_status_display()
        }


def shifted(day: date, days: int) -> date:
    return day + timedelta(days=days)
