"""The public guest page, its print sheet, feed and QR code: no login, public data only."""

from datetime import time, timedelta

import pytest
from django.test import Client

from tests.board.conftest import at, every_day, make_entry, make_event

pytestmark = pytest.mark.django_db

PUBLIC_URLS = ["/guest/", "/guest/today/", "/guest/events.ics"]


@pytest.fixture
def world(venue, today):
    make_event(
        venue,
        at(today, 20),
        title="Dombra concert",
        title_kk="Домбыра концерті",
        title_ru="Концерт домбры",
    )
    make_event(
        venue,
        at(today, 12),
        title="Secret wedding Abenov",
        public=False,
        organiser="Abenov family",
        contact="+7 701 000 00 00",
        staff_notes="VIP guest in room Qx-Zulu",
    )
    make_event(venue, at(today + timedelta(days=3), 10), title="Morning yoga")
    make_entry("pool", "Indoor pool", hours=every_day(time(7), time(22)), phone_extension="2310")
    make_entry("other", "Staff canteen", public=False, description_en="Staff only meals")


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_it_needs_no_login(client, world, url):
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_private_events_and_staff_only_entries_never_appear(client, world, url):
    body = client.get(url).content.decode()
    assert "Dombra concert" in body
    for secret in (
        "Secret wedding",
        "Abenov",
        "+7 701",
        "VIP guest",
        # Letters and a hyphen: no date, time, UID or number in a feed can spell it.
        "Qx-Zulu",
        "Staff canteen",
        "Staff only meals",
    ):
        assert secret not in body, f"{secret!r} leaked on {url}"


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_staff_who_are_logged_in_see_only_public_things_too(admin_client, world, url):
    assert "Secret wedding" not in admin_client.get(url).content.decode()


def test_it_shows_the_coming_week_and_open_now(client, world):
    body = client.get("/guest/").content.decode()
    assert "Morning yoga" in body
    assert "Indoor pool" in body
    assert "2310" in body
    assert "Open now" in body or "Closed now" in body


def test_lang_picks_the_language_and_is_remembered(client, world):
    response = client.get("/guest/", {"lang": "kk"})
    body = response.content.decode()
    assert "Домбыра концерті" in body
    assert '<html lang="kk">' in body
    assert response.cookies["django_language"].value == "kk"
    # The next visit without ?lang= keeps Kazakh (the cookie comes back).
    assert "Домбыра концерті" in client.get("/guest/").content.decode()
    russian = client.get("/guest/", {"lang": "ru"}).content.decode()
    assert "Концерт домбры" in russian


def test_a_missing_translation_falls_back_to_another_language(client, world):
    # Morning yoga has only an English title.
    assert "Morning yoga" in client.get("/guest/", {"lang": "kk"}).content.decode()


def test_an_unknown_language_is_ignored(client, world):
    response = client.get("/guest/", {"lang": "xx"})
    assert response.status_code == 200
    assert "django_language" not in response.cookies


def test_the_pages_carry_no_inline_script_or_style(client, world):
    for url in ("/guest/", "/guest/today/"):
        body = client.get(url).content.decode()
        assert "<script>" not in body
        assert "style=" not in body
        assert "<style" not in body


def test_the_print_sheet_is_todays_and_carries_the_qr_code(client, world):
    body = client.get("/guest/today/").content.decode()
    assert "Today at the hotel" in body
    assert 'src="/guest/qr.svg"' in body
    assert "Morning yoga" not in body  # in three days, not today


def test_the_qr_code_points_to_the_guest_page(client, settings):
    settings.HOTEL_PUBLIC_URL = "https://hotel.example"
    svg = client.get("/guest/qr.svg")
    assert svg["Content-Type"] == "image/svg+xml"
    assert b"<svg" in svg.content
    png = client.get("/guest/qr.png")
    assert png.content.startswith(b"\x89PNG")
    from board.services import public_url

    assert public_url() == "https://hotel.example/guest/"


def test_it_rate_limits_each_address(settings, world):
    settings.BOARD_PUBLIC_RATE_LIMIT = 3
    phone = Client(REMOTE_ADDR="203.0.113.7")
    answers = [phone.get("/guest/").status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    assert phone.get("/guest/events.ics").status_code == 429
    assert phone.get("/guest/").headers["Retry-After"] == "60"
    # Another guest's phone is not affected.
    assert Client(REMOTE_ADDR="203.0.113.8").get("/guest/").status_code == 200


def test_behind_a_proxy_it_counts_the_guests_address(settings, world):
    settings.BOARD_PUBLIC_RATE_LIMIT = 1
    settings.PROXY_COUNT = 1
    first = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1")
    second = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert first.get("/guest/").status_code == 200
    assert second.get("/guest/").status_code == 200
    assert first.get("/guest/").status_code == 429
