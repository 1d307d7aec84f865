"""Demo digest subscriptions: every seeded department gets the sections that fit it."""

import datetime

from digests.models import DigestSubscription, Section
from guestdesk.models import Department

S = Section
SUBSCRIPTIONS = {
    "front-office": ([S.VIP, S.ARRIVALS, S.RETURNING, S.TRANSPORT, S.DEPARTURES, S.EVENTS], True),
    "housekeeping": ([S.VIP, S.ARRIVALS, S.OCCASIONS, S.DEPARTURES], False),
    "food-beverage": ([S.VIP, S.DIETARY, S.OCCASIONS, S.EVENTS], False),
    "security": ([S.VIP, S.SECURITY, S.EVENTS], False),
    "transport": ([S.VIP, S.TRANSPORT], True),
    "spa": ([S.VIP, S.OCCASIONS], False),
    "management": ([S.VIP, S.RETURNING, S.EVENTS], False),
}


def load(stdout=None):
    for department in Department.objects.filter(code__in=SUBSCRIPTIONS):
        sections, phones = SUBSCRIPTIONS[department.code]
        DigestSubscription.objects.get_or_create(
            department=department,
            defaults={
                "enabled": True,
                "send_time": datetime.time(7, 0),
                "language": department.language,
                "sections": [str(s) for s in sections],
                "show_phone_numbers": phones,
            },
        )
