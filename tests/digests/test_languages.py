"""Digests and late alerts read in the department's language: VIP names, colours, subjects."""

import datetime

import pytest
import time_machine

from digests import services
from digests.models import LateAlert
from digests.services import preview
from tests.arrivals.factories import GuestFactory, StayFactory
from tests.digests.conftest import DAY, level, subscribe

pytestmark = pytest.mark.django_db

RED = "background:#b02a37;color:#fff;"
BLUE = "background:#0d6efd;color:#fff;"


def shipped(code):
    """A shipped VIP level, with the names and amenity its data migration gave it."""
    vip = level(code)
    vip.refresh_from_db()
    return vip


@pytest.mark.parametrize(
    ("language", "name", "amenity", "not_english"),
    [
        ("ru", "Особо важный гость", "Корзина фруктов", "Very important guest"),
        ("kk", "Аса маңызды қонақ", "Жеміс себеті", "Very important guest"),
        ("en", "Very important guest", "Fruit basket", "Особо важный гость"),
    ],
)
def test_vip_level_names_and_amenities_are_in_the_departments_language(
    language, name, amenity, not_english
):
    StayFactory(
        arrival_date=DAY, vip_level=shipped("VIP1"), guest=GuestFactory(last_name="Qx-Zulu")
    )
    sub = subscribe("housekeeping", ["vip"], language=language)
    _, text, html = preview(sub, DAY)
    for body in (text, html):
        assert f"VIP1 — {name}" in body
        assert amenity in body
        assert not_english not in body


def test_each_vip_badge_has_its_levels_colour_in_the_html_digest():
    StayFactory(arrival_date=DAY, vip_level=shipped("VIP1"), guest=GuestFactory(last_name="Red"))
    StayFactory(arrival_date=DAY, vip_level=shipped("VIP3"), guest=GuestFactory(last_name="Blue"))
    sub = subscribe("management", ["vip"], language="kk")
    _, _, html = preview(sub, DAY)
    red_badge = f'<span style="{RED}border-radius:3px;padding:0 4px;font-size:12px;">VIP1</span>'
    blue_badge = f'<span style="{BLUE}border-radius:3px;padding:0 4px;font-size:12px;">VIP3</span>'
    assert red_badge in html
    assert blue_badge in html
    assert f'style="{RED}border-radius:3px;padding:0 4px;font-size:12px;">VIP3' not in html


def test_the_day_heading_reads_as_the_language_writes_it():
    sub = subscribe("housekeeping", ["vip"], language="ru")
    subject, text, _ = preview(sub, DAY)
    assert "среда, 25 ноября 2026" in text  # 25 November 2026 is a Wednesday
    assert "Среда" not in text
    assert "25 ноября 2026 г." in subject
    sub = subscribe("housekeeping", ["vip"], language="kk")
    subject, text, _ = preview(sub, DAY)
    assert "сәрсенбі, 25 қараша 2026" in text
    assert "25 қараша 2026" in subject


def almaty(hour):
    tz = datetime.timezone(datetime.timedelta(hours=5))
    return datetime.datetime.combine(DAY, datetime.time(hour), tzinfo=tz)


@pytest.mark.parametrize(
    ("language", "subject", "name", "wrong"),
    [
        (
            "ru",
            "После утреннего дайджеста добавлен VIP-заезд: VIP1",
            "Особо важный гость",
            "Поздний",
        ),
        ("kk", "Таңғы дайджесттен кейін VIP-келу қосылды: VIP1", "Аса маңызды қонақ", "кешіккен"),
        ("en", "VIP arrival added after the morning digest: VIP1", "Very important guest", "Late"),
    ],
)
def test_the_late_alert_says_a_vip_was_added_not_that_a_vip_is_late(language, subject, name, wrong):
    sub = subscribe("housekeeping", ["vip"], language=language)
    with time_machine.travel(almaty(8), tick=False):
        services.send_daily_digest(sub.department_id, DAY)
        StayFactory(
            arrival_date=DAY, vip_level=shipped("VIP1"), guest=GuestFactory(last_name="Qx-Zulu")
        )
        assert services.send_late_alerts() == 1
    message = LateAlert.objects.select_related("outbox").get().outbox
    assert subject in message.subject and "Qx-Zulu" in message.subject
    assert wrong not in message.subject
    assert name in message.body_text and name in message.body_html
    assert f'<span style="{RED}' in message.body_html
