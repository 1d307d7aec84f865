from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation

from arrivals.models import Guest, Stay, VipLevel
from tests.arrivals.factories import GuestFactory, StayFactory, vip

pytestmark = pytest.mark.django_db


def test_profile_shows_history_newest_first_and_welcome_back(agent_client):
    guest = GuestFactory(first_name="Дәулет", last_name="Үсенов", dietary_needs="halal")
    StayFactory(
        guest=guest,
        arrival_date=date(2024, 5, 1),
        departure_date=date(2024, 5, 4),
        room="512",
        status="departed",
        special_attention="Asked for a quiet room",
    )
    StayFactory(guest=guest, arrival_date=date(2023, 1, 1), status="departed")
    StayFactory(guest=guest, arrival_date=date(2030, 1, 1), departure_date=date(2030, 1, 2))
    response = agent_client.get(reverse("arrivals:guest", args=[guest.pk]))
    html = response.content.decode()
    stays = response.context["stays"]
    assert [s.arrival_date.year for s in stays] == [2030, 2024, 2023]
    assert 'data-testid="welcome-back"' in html and "512" in html
    assert "Asked for a quiet room" in html and "halal" in html
    assert isinstance(response.context["panels"], list)


def test_first_time_guest_has_no_welcome_back(agent_client):
    stay = StayFactory(arrival_date=date(2030, 1, 1), departure_date=date(2030, 1, 3))
    html = agent_client.get(reverse("arrivals:guest", args=[stay.guest.pk])).content.decode()
    assert 'data-testid="welcome-back"' not in html


def test_returning_is_derived_from_stays():
    guest = GuestFactory()
    first = StayFactory(guest=guest, arrival_date=date(2024, 1, 1), status="departed")
    StayFactory(guest=guest, arrival_date=date(2024, 6, 1), status="cancelled")
    second = StayFactory(guest=guest, arrival_date=date(2025, 1, 1))
    flags = dict(Stay.objects.for_lists().values_list("pk", "is_returning"))
    assert flags[first.pk] is False and flags[second.pk] is True
    assert Guest.objects.with_returning().get(pk=guest.pk).is_returning


def test_department_members_cannot_open_guest_profiles(department_client):
    guest = GuestFactory()
    assert department_client.get(reverse("arrivals:guest", args=[guest.pk])).status_code == 403
    assert department_client.get(reverse("arrivals:guests")).status_code == 403


def test_guest_search(agent_client, postgres):
    # PostgreSQL folds the case of Kazakh and Russian letters; SQLite's LIKE only of ASCII.
    GuestFactory(first_name="Іңкәр", last_name="Жұмабекова")
    GuestFactory(last_name="Other")
    response = agent_client.get(reverse("arrivals:guests"), {"q": "жұмабек"})
    assert [g.last_name for g in response.context["guests"]] == ["Жұмабекова"]


def test_agent_edits_a_guest_with_a_validated_phone(agent_client):
    guest = GuestFactory()
    url = reverse("arrivals:guest_edit", args=[guest.pk])
    data = {"first_name": "Ұлан", "last_name": "Һадиев", "language": "tr", "phone": "12"}
    assert agent_client.post(url, data).status_code == 200  # refused: not a phone number
    data["phone"] = "+90 212 555 12 34"
    assert agent_client.post(url, data).status_code == 302
    guest.refresh_from_db()
    assert guest.name == "Ұлан Һадиев" and guest.phone.as_e164 == "+902125551234"
    # Turkish is kept as the guest's language; what GuestDesk sends them is in English.
    assert guest.language == "tr" and guest.message_language == "en"


def test_only_managers_set_a_guests_default_vip_level(agent_client):
    guest = GuestFactory()
    url = reverse("arrivals:guest_edit", args=[guest.pk])
    agent_client.post(
        url,
        {"last_name": "X", "language": "en", "default_vip_level": vip().pk},
    )
    guest.refresh_from_db()
    assert guest.default_vip_level is None


LEVEL = {
    "code": "vip5",
    "name_kk": "Баспасөз",
    "name_ru": "Пресса",
    "name_en": "Press",
    "rank": 5,
    "colour": "purple",
    "amenity_en": "Kit",
}


def test_agents_cannot_configure_vip_levels(agent_client):
    assert agent_client.post(reverse("arrivals:vip_level_new"), LEVEL).status_code == 403
    assert not VipLevel.objects.filter(code="VIP5").exists()


def test_manager_configures_vip_levels(manager_client):
    assert manager_client.post(reverse("arrivals:vip_level_new"), LEVEL).status_code == 302
    assert VipLevel.objects.get(code="VIP5").css_class == "vip-purple"
    assert list(VipLevel.objects.values_list("code", flat=True)) == [
        "VIP1",
        "VIP2",
        "VIP3",
        "VIP4",
        "VIP5",
    ]


def test_a_vip_level_is_named_in_each_language_and_english_is_required(manager_client):
    assert manager_client.post(reverse("arrivals:vip_level_new"), LEVEL).status_code == 302
    level = VipLevel.objects.get(code="VIP5")
    with translation.override("ru"):
        assert level.name == "Пресса"
    with translation.override("kk"):
        assert level.name == "Баспасөз"
        assert level.amenity == "Kit"  # no Kazakh amenity: the English one, not nothing
    refused = manager_client.post(
        reverse("arrivals:vip_level_new"), {**LEVEL, "code": "vip6", "name_en": ""}
    )
    assert refused.status_code == 200
    assert not VipLevel.objects.filter(code="VIP6").exists()


def test_the_shipped_vip_levels_have_kazakh_and_russian_names():
    level = VipLevel.objects.get(code="VIP1")
    with translation.override("ru"):
        assert level.name == "Особо важный гость"
        assert level.amenity.startswith("Корзина фруктов")
    with translation.override("kk"):
        assert level.name == "Аса маңызды қонақ"
    with translation.override("en"):
        assert level.name == "Very important guest"
