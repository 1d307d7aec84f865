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
from traces.models import Trace

log = logging.getLogger(__name__)


def desk_recipients() -> tuple[list[str], str]:
    """The desk's addresses: the managers', else the front office's; and their language."""
    addresses = set(
        get_user_model()
        .objects.filter(is_active=True, groups__name=roles.MANAGER)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    front = Department.objects.active().filter(code="front-office").first()
    if front is not None:
        addresses.update(front.recipient_list)
    return sorted(addresses), front.language if front else settings.LANGUAGE_CODE


@shared_task
def alert_overdue() -> int:
    """Tell each department, and the desk, once about its traces that became overdue.

    The rows are marked `alerted_at` in the transaction that queues the emails; a second
    tick or worker skips rows already marked or locked, so each trace alerts once.
    """
    now = timezone.now()
    with transaction.atomic():
        overdue = claim_unmarked(Trace.objects.overdue(now).for_lists(), "alerted_at", now)
        if not overdue:
            return 0
        context = {
            "site": settings.HOTEL_PUBLIC_URL.rstrip("/"),
            "hotel_name": settings.HOTEL_NAME,
        }
        by_department: dict[Department, list[Trace]] = {}
        for trace in overdue:
            by_department.setdefault(trace.department, []).append(trace)
        for department, traces in by_department.items():
            if department.recipient_list:
                queue_email(
                    "traces-overdue",
                    {**context, "traces": traces, "department": department},
                    department.recipient_list,
                    department.language,
                )
        to, language = desk_recipients()
        if to:
            queue_email(
                "traces-overdue", {**context, "traces": overdue, "department": None}, to, language
            )
        else:
            log.warning("%d traces overdue and the desk has no email address", len(overdue))
    return len(overdue)
