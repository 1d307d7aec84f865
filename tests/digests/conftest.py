import datetime

import pytest

from arrivals.models import VipLevel
from digests.models import DigestSubscription, Section
from guestdesk.models import Department
from tests.arrivals.factories import GuestFactory, StayFactory

DAY = datetime.date(2026, 11, 25)


def department(code, recipients=None, language="en"):
    dept, _ = Department.objects.get_or_create(code=code, defaults={"name_en": code.title()})
    dept.recipients = recipients or f"{code}@hotel.example"
    dept.language = language
    dept.active = True
    dept.save()
    return dept


def subscribe(code, sections, **extra):
    dept = department(code, extra.pop("recipients", None), extra.get("language", "en"))
    extra.setdefault("language", "en")
    sub, _ = DigestSubscription.objects.update_or_create(
        department=dept,
        defaults={"enabled": True, "send_time": datetime.time(7, 0), "sections": sections, **extra},
    )
    return sub


def level(code):
    """A VIP level that tells every department (tests that need fewer say so)."""
    vip = VipLevel.objects.get_or_create(code=code, defaults={"name": code, "rank": int(code[-1])})[
        0
    ]
    vip.departments.clear()
    return vip


@pytest.fixture
def arrivals_day(db):
    """A realistic morning: VIPs of two ranks, dietary needs, a pickup, a security note."""
    vip1, vip3 = level("VIP1"), level("VIP3")
    stays = {
        "minister": StayFactory(
            arrival_date=DAY,
            vip_level=vip1,
            room="701",
            special_attention="Minister of culture",
            guest=GuestFactory(
                first_name="Ерлан",
                last_name="Қожахметов",
                phone="+77012223344",
                room_preference="high floor",
                allergies="peanuts",
            ),
            security_note="Two bodyguards in room 702",
        ),
        "director": StayFactory(
            arrival_date=DAY,
            vip_level=vip3,
            room="512",
            transport_number="KC 951",
            pickup_needed=True,
            guest=GuestFactory(
                first_name="Anna",
                last_name="Schmidt",
                phone="+4915112345678",
                dietary_needs="vegan",
            ),
        ),
        "family": StayFactory(
            arrival_date=DAY,
            room="204",
            guest=GuestFactory(
                first_name="Дина",
                last_name="Әбілова",
                phone="+77075556677",
                birthday=datetime.date(1990, 11, 26),
            ),
        ),
        "cancelled": StayFactory(
            arrival_date=DAY,
            status="cancelled",
            vip_level=vip1,
            guest=GuestFactory(last_name="Cancelled"),
        ),
        "leaving": StayFactory(
            arrival_date=DAY - datetime.timedelta(days=3),
            departure_date=DAY,
            room="301",
            guest=GuestFactory(last_name="Departing"),
        ),
    }
    return stays


ALL = [str(s) for s in Section]


@pytest.fixture
def send_now(django_capture_on_commit_callbacks):
    """Send a department's digest and run what waits for the commit (the outbox task)."""
    from digests import services

    def send(department_id, day=DAY):
        with django_capture_on_commit_callbacks(execute=True):
            return services.send_daily_digest(department_id, day)

    return send
