"""Workflows of guest requests: numbering, creation, status moves, edits, documents, email.

Every change takes a row lock or a conditional update, so two agents acting at once never
overwrite each other silently: the second gets `ChangedMeanwhile` and sees the new state.
Refusals are the shared `guestdesk.transitions` errors, so views catch `TransitionError`.
"""

from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from guestdesk import transitions
from guestdesk.emails import queue_email
from guestdesk.transitions import ChangedMeanwhile, NotAllowed
from requests_desk.details import known
from requests_desk.models import (
    CLOSED_STATUSES,
    CONFIRMED_STATUSES,
    Attachment,
    Counter,
    LeadTime,
    RequestEvent,
    ServiceRequest,
    Status,
    Waybill,
)
from requests_desk.types import TICKETS, RequestType

S = Status


def next_number(series, prefix, year=None):
    """Take the next number of `series` for `year` (hotel date), e.g. R-2026-000123.

    Must run inside the transaction that stores the number: the counter row stays locked
    until it commits, and a rollback gives the number back, so there are no gaps.
    """
    year = year or timezone.localdate().year
    Counter.objects.bulk_create([Counter(series=series, year=year)], ignore_conflicts=True)
    counter = Counter.objects.select_for_update().get(series=series, year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"{prefix}-{year}-{counter.last:06d}"


def default_due(type_, service_at=None, now=None):
    """The type's default deadline for a service at `service_at` (see LeadTime.default_due)."""
    return LeadTime.default_due(type_, service_at, now)


def details_from_stay(stay):
    """{type: details} a new request for `stay` can start with, from what the stay says."""
    common = {
        "passengers": stay.pax,
        "participants": stay.pax,
        "party_size": stay.pax,
        "holder": stay.guest.name,
        "destination": settings.HOTEL_NAME,
        "valid_from": stay.arrival_date.isoformat(),
        "valid_until": stay.departure_date.isoformat(),
    }
    if stay.transport_number:
        common["meet_service"] = stay.transport_number
    if stay.eta:
        arrival = timezone.make_aware(datetime.combine(stay.arrival_date, stay.eta))
        common["pickup_at"] = timezone.localtime(arrival).isoformat(timespec="minutes")
    result = {t: known(t, common) for t in RequestType.values}
    for t in TICKETS:  # a ticket lists passengers by name, not by number
        result[t] = {"passengers": stay.guest.name}
    return result


def create_request(request_obj, user):
    """Number and save a new request built by the create form; record who made it."""
    with transaction.atomic():
        if request_obj.stay_id and not request_obj.guest_id:
            request_obj.guest_id = request_obj.stay.guest_id
        if not request_obj.due_at:
            request_obj.due_at = default_due(request_obj.type, request_obj.service_at)
        request_obj.number = next_number("request", "R")
        request_obj.created_by = user
        request_obj.save()
        RequestEvent.objects.create(
            request=request_obj, kind=RequestEvent.Kind.CREATED, by=user, to_status=S.NEW
        )
    return request_obj


# What the agent edits in the request form (the type is chosen once, when creating).
FORM_FIELDS = (
    "stay",
    "guest",
    "walk_in_name",
    "walk_in_contact",
    "priority",
    "due_at",
    "assigned_to",
    "supplier",
    "cost",
    "price",
    "currency",
    "commission",
    "confirmation_reference",
    "cancellation_terms",
    "notes",
    "guest_message",
)
# Fields an edit may change, and how they read in the history: the form's, and the service
# time and details the form reads from the type's own fields.
EDITABLE = (*FORM_FIELDS, "service_at", "details")


def _text(value):
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    return str(value)


def save_edit(request_obj, version, user, fields=EDITABLE):
    """Save an edited request if nobody changed it since `version` was read.

    `request_obj` carries the new values (a bound ModelForm's instance).
    """
    with transaction.atomic():
        current = ServiceRequest.objects.select_for_update().get(pk=request_obj.pk)
        if current.version != version:
            raise ChangedMeanwhile(
                _("This request was changed by someone else. Here is its current state.")
            )
        if current.status in CLOSED_STATUSES:
            raise NotAllowed(_("A closed request can no longer be edited."))
        changes = {}
        for name in fields:
            old, new = getattr(current, name), getattr(request_obj, name)
            if name == "details":
                for key in sorted(set(old or {}) | set(new or {})):
                    a, b = (old or {}).get(key), (new or {}).get(key)
                    if a != b:
                        changes[f"details.{key}"] = [_text(a), _text(b)]
            elif old != new:
                changes[name] = [_text(old), _text(new)]
        if not changes:
            return current
        if "due_at" in changes and request_obj.due_at > timezone.now():
            request_obj.overdue_notified_at = None  # a new deadline gets its own warning
        else:
            request_obj.overdue_notified_at = current.overdue_notified_at
        request_obj.version = current.version + 1
        request_obj.status = current.status
        request_obj.save(update_fields=[*fields, "version", "overdue_notified_at"])
        RequestEvent.objects.create(
            request=request_obj, kind=RequestEvent.Kind.EDITED, by=user, changes=changes
        )
    return request_obj


def transition(
    request_obj,
    to_status,
    user,
    *,
    expected=None,
    comment="",
    reference=None,
    supplier=None,
    reason="",
    rating=None,
):
    """Move a request to `to_status` (see guestdesk.transitions) and return it as it now is.

    `expected` is the status the person saw; if the request has moved since, nothing is
    changed and `ChangedMeanwhile` says so. Booking needs the supplier's reference,
    cancelling or failing a reason.
    """
    now = timezone.now()

    def changes(current):
        values: dict[str, Any] = {"version": F("version") + 1}
        if to_status == S.BOOKED:
            booked_as = (reference or current.confirmation_reference or "").strip()
            if not booked_as:
                raise NotAllowed(_("Enter the supplier's confirmation reference to book."))
            values.update(confirmation_reference=booked_as, booked_at=now)
            if supplier is not None:
                values["supplier"] = supplier
        elif to_status in (S.CANCELLED, S.FAILED):
            if not reason.strip():
                raise NotAllowed(_("Say why the request is cancelled or failed."))
            values["reason"] = reason.strip()
        elif to_status == S.DONE:
            values["done_at"] = now
            if rating:
                values["rating"] = rating
        if to_status in CLOSED_STATUSES:
            values["closed_at"] = now
        if current.assigned_to_id is None and to_status != S.CANCELLED:
            values["assigned_to"] = user  # whoever works an unassigned request owns it
        return values

    return transitions.transition(
        request_obj, to_status, user, expected=expected, changes=changes, note=comment, at=now
    )


def take(request_obj, user, version):
    """Assign the request to `user` unless someone changed it meanwhile."""
    with transaction.atomic():
        updated = ServiceRequest.objects.filter(pk=request_obj.pk, version=version).update(
            assigned_to=user, version=F("version") + 1
        )
        if not updated:
            raise ChangedMeanwhile(
                _("This request was changed by someone else. Here is its current state.")
            )
        RequestEvent.objects.create(
            request=request_obj,
            kind=RequestEvent.Kind.EDITED,
            by=user,
            changes={"assigned_to": [_text(request_obj.assigned_to), _text(user.get_username())]},
        )


def add_attachment(request_obj, upload, user):
    """Keep an uploaded e-ticket or voucher (already checked by the form)."""
    with transaction.atomic():
        attachment = Attachment.objects.create(
            request=request_obj,
            file=upload,
            name=upload.name[:200],
            content_type=upload.content_type,
            size=upload.size,
            uploaded_by=user,
        )
        RequestEvent.objects.create(
            request=request_obj, kind=RequestEvent.Kind.ATTACHMENT, by=user, comment=attachment.name
        )
    return attachment


def issue_waybill(request_obj, user):
    """The request's waybill, numbered W-YYYY-NNNNNN when first printed, then kept."""
    existing = Waybill.objects.filter(request=request_obj).first()
    if existing:
        return existing
    with transaction.atomic():
        # Lock the request, so two agents printing at once share one waybill number.
        ServiceRequest.objects.select_for_update().filter(pk=request_obj.pk).first()
        existing = Waybill.objects.filter(request=request_obj).first()
        if existing:
            return existing
        waybill = Waybill.objects.create(
            request=request_obj, number=next_number("waybill", "W"), issued_by=user
        )
        RequestEvent.objects.create(
            request=request_obj, kind=RequestEvent.Kind.WAYBILL, by=user, comment=waybill.number
        )
    return waybill


def itinerary_items(request_obj):
    """Booked items of the request's stay (or the walk-in's request alone), in time order."""
    if request_obj.stay_id:
        items = ServiceRequest.objects.filter(stay_id=request_obj.stay_id)
    else:
        items = ServiceRequest.objects.filter(pk=request_obj.pk)
    items = items.filter(status__in=CONFIRMED_STATUSES).select_related("supplier")
    return sorted(items, key=lambda r: (r.service_at or r.due_at, r.pk))


def guest_email(request_obj):
    guest = request_obj.the_guest
    if guest is not None:
        return guest.email
    contact = request_obj.walk_in_contact.strip()
    return contact if "@" in contact and " " not in contact else ""


def confirmation_context(request_obj):
    stay = request_obj.stay
    return {
        "r": request_obj,
        "guest_name": request_obj.guest_name,
        "stay": stay,
        "items": itinerary_items(request_obj),
        "hotel_name": settings.HOTEL_NAME,
        "hotel_address": settings.HOTEL_ADDRESS,
    }


def send_confirmation(request_obj, user, *, again=False):
    """Email the guest their itinerary of booked items, in the guest's language.

    The same itinerary to the same address within EMAIL_DEDUP_MINUTES is one email (the
    earlier message comes back with `deduplicated`), unless `again` asks for another copy.
    """
    address = guest_email(request_obj)
    if not address:
        raise NotAllowed(_("The guest has no email address; print the itinerary instead."))
    context = confirmation_context(request_obj)
    if not context["items"]:
        raise NotAllowed(_("Nothing is booked yet, so there is nothing to confirm."))
    with transaction.atomic():
        message = queue_email(
            "requests_desk-confirmation",
            context,
            [address],
            request_obj.guest_language,
            dedup_key="requests_desk-confirmation",
            again=again,
        )
        if message.deduplicated:
            return message
        RequestEvent.objects.create(
            request=request_obj, kind=RequestEvent.Kind.EMAIL, by=user, comment=address
        )
    return message
