import datetime

import pytest
from django.utils import timezone

from arrivals.models import VipLevel
from guestdesk.models import Department
from tests.arrivals.factories import StayFactory
from traces.models import Trace, TraceRule


def department(code):
    return Department.objects.get(code=code)


@pytest.fixture
def rules(db):
    """VIP1: two housekeeping tasks and one for F&B; VIP2: one housekeeping task."""
    vip1, vip2 = VipLevel.objects.get(code="VIP1"), VipLevel.objects.get(code="VIP2")
    hk, fb = department("housekeeping"), department("food-beverage")
    return [
        TraceRule.objects.create(
            vip_level=vip1, department=hk, text="Qx-Fruit plate", due_time=datetime.time(14, 0)
        ),
        TraceRule.objects.create(vip_level=vip1, department=hk, text="Qx-Room check"),
        TraceRule.objects.create(
            vip_level=vip1, department=fb, text="Qx-Welcome dessert", days_before=1
        ),
        TraceRule.objects.create(vip_level=vip2, department=hk, text="Qx-Small fruit"),
    ]


def in_days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def a_trace(code="housekeeping", text="Qx-Flowers", due=None, **extra):
    stay = extra.pop("stay", None) or StayFactory(arrival_date=due or timezone.localdate())
    return Trace.objects.create(
        stay=stay,
        department=department(code),
        due_date=due or timezone.localdate(),
        text=text,
        anchor_date=stay.arrival_date,
        **extra,
    )
