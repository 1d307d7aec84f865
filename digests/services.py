"""Sending department digests: exactly once per (department, hotel date), acknowledged.

A daily digest is claimed by inserting its Digest row (unique per department and date)
before the email is rendered and handed to the outbox, in one transaction: two ticks at
once, a task delivered twice or a worker restarted mid-way leave one row and one email.
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from arrivals.models import Stay
from digests.content import DayFacts, build, vip_badge_style
from digests.models import Digest, DigestSubscription, LateAlert, Section
from digests.signals import digest_acknowledged
from guestdesk.emails import queue_email, render
from guestdesk.models import OutboxMessage
from guestdesk.tasks import send_outbox_message

log = logging.getLogger(__name__)
ACK_SALT = "guestdesk.digests.ack"
ACK_MAX_AGE = 60 * 60 * 24 * 30  # a month: the history stays readable, links stay valid


class DigestError(Exception):
    pass


@dataclass
class Outcome:
    status: str  # "sent", "skipped" or "failed"
    department: str
    detail: str = ""


def subscriptions():
    return DigestSubscription.objects.select_related("department", "min_vip_level")


class BadAckLink(Exception):
    """An acknowledge link that is tampered, expired, or signed over something unusable."""


@dataclass
class AckLink:
    digest: Digest
    addresses: list[str]  # the addresses the email went to: who may be recorded


def ack_token(digest: Digest, addresses: list[str] | None = None) -> str:
    """A signed token naming `digest` and the addresses its email goes to."""
    to = list(
        addresses
        if addresses is not None
        else (digest.outbox.to if digest.outbox is not None else [])
    )
    return signing.dumps({"d": digest.pk, "to": to}, salt=ACK_SALT)


def ack_url(digest: Digest, addresses: list[str] | None = None) -> str:
    path = reverse("digests:ack", kwargs={"token": ack_token(digest, addresses)})
    return settings.HOTEL_PUBLIC_URL.rstrip("/") + path


def _payload(token: str) -> tuple[int, list[str] | None]:
    try:
        payload = signing.loads(token, salt=ACK_SALT, max_age=ACK_MAX_AGE)
    except signing.BadSignature as exc:  # also an expired one
        raise BadAckLink(str(exc)) from None
    # Links sent before addresses were signed carry the digest's number alone.
    if isinstance(payload, int) and not isinstance(payload, bool):
        return payload, None
    if not isinstance(payload, dict) or set(payload) != {"d", "to"}:
        raise BadAckLink("unexpected payload")
    pk, to = payload["d"], payload["to"]
    if not isinstance(pk, int) or isinstance(pk, bool) or not isinstance(to, list):
        raise BadAckLink("unexpected payload")
    if not all(isinstance(address, str) and address for address in to):
        raise BadAckLink("unexpected payload")
    return pk, to


def read_ack_link(token: str) -> AckLink:
    """The digest and addresses of an acknowledge link; BadAckLink for anything unusable."""
    pk, to = _payload(token)
    if not 0 < pk < 2**63:
        raise BadAckLink("no such digest")
    digest = Digest.objects.select_related("department", "outbox").filter(pk=pk).first()
    if digest is None:
        raise BadAckLink("no such digest")
    if to is None:
        to = list(digest.outbox.to) if digest.outbox is not None else []
    return AckLink(digest, to)


def acknowledge(digest: Digest, *, address: str = "", name: str = "", user=None) -> bool:
    """Record that `digest` was read, by whom; True the first time, False if it already was.

    A conditional update: two presses at once record the first one only.
    """
    with transaction.atomic():
        first = bool(
            Digest.objects.filter(pk=digest.pk, acknowledged_at__isnull=True).update(
                acknowledged_at=timezone.now(),
                acknowledged_by_address=address[:254],
                acknowledged_by_name=name.strip()[:100],
                acknowledged_by=user,
            )
        )
        if first:
            digest_acknowledged.send(sender=Digest, digest=digest)
    digest.refresh_from_db(
        fields=[
            "acknowledged_at",
            "acknowledged_by_address",
            "acknowledged_by_name",
            "acknowledged_by",
        ]
    )
    return first


def email_context(subscription, facts, digest=None, context=None):
    """The digest email's context; `context` reuses content already built from `facts`."""
    context = dict(context or build(subscription, facts))
    context["hotel_name"] = settings.HOTEL_NAME
    context["ack_url"] = ack_url(digest, subscription.department.recipient_list) if digest else ""
    context["digest"] = digest
    return context


def preview(subscription, day):
    """(subject, text, html) exactly as the digest of `day` would be sent now."""
    context = email_context(subscription, DayFacts.collect(day))
    context["ack_url"] = "#"
    return render("digests-daily", context, subscription.language)


def _create_digest(subscription, facts, kind, user=None, send=True):
    """Claim a digest row, then render and queue its email (inside the caller's transaction)."""
    context = build(subscription, facts)
    digest = Digest.objects.create(
        department=subscription.department,
        date=facts.day,
        kind=kind,
        sections=context["sections"],
        vip_count=context["vip_count"],
        arrival_count=context["arrival_count"],
        vip_stay_ids=context["vip_stay_ids"],
        created_by=user,
    )
    context = email_context(subscription, facts, digest, context)
    digest.outbox = queue_email(
        "digests-daily",
        context,
        subscription.department.recipient_list,
        subscription.language,
        send=send,
    )
    digest.save(update_fields=["outbox"])
    return digest


def send_daily_digest(department_id, day, *, facts=None, deliver_now=False):
    """Send `department_id`'s digest for hotel date `day` unless it was sent already.

    deliver_now: send over SMTP in this process (the send_digests command) instead of
    leaving it to a worker.
    """
    subscription = subscriptions().filter(department_id=department_id).first()
    name = str(subscription.department) if subscription else str(department_id)
    if subscription is None or not subscription.enabled or not subscription.department.active:
        return Outcome("skipped", name, "not subscribed")
    if not subscription.department.recipient_list:
        return Outcome("skipped", name, "no recipients")
    if Digest.objects.daily().on(day).filter(department_id=department_id).exists():
        return Outcome("skipped", name, "already sent")
    facts = facts or DayFacts.collect(day)
    try:
        with transaction.atomic():
            digest = _create_digest(subscription, facts, Digest.Kind.DAILY, send=not deliver_now)
    except IntegrityError:
        return Outcome("skipped", name, "already sent")
    if not deliver_now:
        return Outcome("sent", name)
    send_outbox_message.apply(args=(digest.outbox_id,))
    digest.outbox.refresh_from_db()
    if digest.outbox.status == OutboxMessage.Status.SENT:
        return Outcome("sent", name)
    return Outcome("failed", name, digest.outbox.last_error)


def resend(digest, user):
    """Send `digest`'s department a fresh copy for the same date, recorded as a resend."""
    subscription = subscriptions().filter(department=digest.department).first()
    if subscription is None or not subscription.department.recipient_list:
        raise DigestError("no recipients")
    with transaction.atomic():
        return _create_digest(
            subscription, DayFacts.collect(digest.date), Digest.Kind.RESEND, user=user
        )


def due_department_ids(now=None):
    """Departments whose send time has passed today (hotel time) and have no digest yet."""
    local = timezone.localtime(now)
    sent = Digest.objects.daily().filter(department=OuterRef("department"), date=local.date())
    return list(
        DigestSubscription.objects.filter(
            enabled=True, department__active=True, send_time__lte=local.time()
        )
        .exclude(Exists(sent))
        .values_list("department_id", flat=True)
    )


def send_all(day, *, deliver_now=True):
    """Send every subscribed department's digest for `day` (send times ignored)."""
    facts = DayFacts.collect(day)
    ids = subscriptions().filter(enabled=True, department__active=True)
    return [
        send_daily_digest(pk, day, facts=facts, deliver_now=deliver_now)
        for pk in ids.values_list("department_id", flat=True)
    ]


def send_late_alerts(day=None):
    """Alert departments of VIP stays for `day` that their digest, already sent, left out.

    Recomputed from the data, so it is safe to run on every tick and after every change.
    """
    day = day or timezone.localdate()
    digests = {d.department_id: d for d in Digest.objects.daily().on(day)}
    if not digests:
        return 0
    subs = [
        s
        for s in subscriptions().filter(department_id__in=digests, enabled=True)
        if s.wants(Section.VIP) and s.department.recipient_list
    ]
    stays = list(
        Stay.objects.arriving_on(day)
        .active()
        .vip()
        .select_related("guest", "vip_level")
        .prefetch_related("vip_level__departments")
    )
    alerted = set(LateAlert.objects.filter(stay__in=stays).values_list("stay_id", "department_id"))
    count = 0
    for sub in subs:
        told = set(digests[sub.department_id].vip_stay_ids)
        for stay in stays:
            key = (stay.pk, sub.department_id)
            if stay.pk in told or key in alerted or not sub.includes_vip(stay.vip_level):
                continue
            try:
                with transaction.atomic():
                    alert = LateAlert.objects.create(stay=stay, department=sub.department)
                    alert.outbox = queue_email(
                        "digests-late-alert",
                        {
                            "stay": stay,
                            "vip_style": vip_badge_style(stay.vip_level),
                            "department": sub.department,
                            "day": day,
                            "hotel_name": settings.HOTEL_NAME,
                        },
                        sub.department.recipient_list,
                        sub.language,
                    )
                    alert.save(update_fields=["outbox"])
                count += 1
            except IntegrityError:
                continue  # another worker alerted this department a moment ago
    return count
