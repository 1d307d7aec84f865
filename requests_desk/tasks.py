import logging

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from guestdesk import roles
from guestdesk.emails import queue_email
from guestdesk.models import Department
from guestdesk.querysets import claim_unmarked
from requests_desk.models import RequestEvent, ServiceRequest

log = logging.getLogger(__name__)


def manager_recipients():
    """Managers' addresses; the management department's when no manager has one."""
    addresses = list(
        get_user_model()
        .objects.filter(is_active=True, groups__name=roles.MANAGER)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    management = Department.objects.active().filter(code="management").first()
    if not addresses and management:
        addresses = management.recipient_list
    language = management.language if management else settings.LANGUAGE_CODE
    return sorted(set(addresses)), language


@shared_task
def notify_overdue():
    """Tell the managers, once, about requests that became overdue (safe to run twice).

    Rows are marked in the same transaction that queues the email; a second tick, or a
    second worker running this at the same moment, skips rows already marked or locked.
    """
    now = timezone.now()
    with transaction.atomic():
        overdue = claim_unmarked(
            ServiceRequest.objects.overdue(now)
            .select_related("guest", "stay", "stay__guest", "assigned_to")
            .order_by("due_at"),
            "overdue_notified_at",
            now,
        )
        if not overdue:
            return 0
        RequestEvent.objects.bulk_create(
            RequestEvent(request=r, kind=RequestEvent.Kind.OVERDUE, at=now) for r in overdue
        )
        to, language = manager_recipients()
        if to:
            queue_email(
                "requests_desk-overdue",
                {
                    "requests": overdue,
                    "site": settings.HOTEL_PUBLIC_URL.rstrip("/"),
                    "hotel_name": settings.HOTEL_NAME,
                },
                to,
                language,
            )
        else:
            log.warning("%d requests overdue and no manager has an email address", len(overdue))
    return len(overdue)
