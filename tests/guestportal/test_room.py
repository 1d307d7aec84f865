"""The shared in-room QR: room number and surname of a guest in house, rate-limited."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from guestportal.links import token_for
from tests.guestportal.conftest import make_stay

pytestmark = pytest.mark.django_db
URL = reverse("guestportal:room")


def post(client, room, surname, **extra):
    return client.post(URL, {"room": room, "surname": surname, **extra}, REMOTE_ADDR="10.0.0.7")


def test_the_right_pair_opens_the_stays_page(client, stay):
    response = post(client, " 312 ", "nurlanova")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("guestportal:home", args=[token_for(stay)]))


def test_a_wrong_pair_reveals_nothing(client, stay):
    make_stay(last_name="Secretova", room="313")
    for room, surname in (("312", "Secretova"), ("313", "Nurlanova"), ("999", "Nobody")):
        response = post(client, room, surname)
        assert response.status_code == 200
        page = response.content.decode()
        assert 'data-testid="room-not-found"' in page
        for secret in ("Nurlanova", "Secretova", "Aigerim", token_for(stay)):
            assert secret not in page


@pytest.mark.parametrize(
    "what",
    [
        {"status": "expected"},  # not arrived yet
        {"status": "departed"},
        {"arrival_date_offset": 1},  # arrives tomorrow
        {"departure_date_offset": -1},  # left yesterday (still marked in house)
    ],
)
def test_only_guests_in_house_today_count(client, what):
    today = timezone.localdate()
    fields = {"status": what.get("status", "in_house")}
    if "arrival_date_offset" in what:
        fields["arrival_date"] = today + timedelta(days=1)
        fields["departure_date"] = today + timedelta(days=3)
    if "departure_date_offset" in what:
        fields["arrival_date"] = today - timedelta(days=3)
        fields["departure_date"] = today - timedelta(days=1)
    make_stay(last_name="Later", room="400", **fields)
    assert post(client, "400", "Later").status_code == 200


def test_every_try_counts_and_the_limit_stops_even_the_right_pair(client, stay, settings):
    settings.GUESTPORTAL_ROOM_ATTEMPTS = 3
    for _ in range(3):
        assert post(client, "312", "Wrong").status_code == 200
    response = post(client, "312", "Nurlanova")
    assert response.status_code == 429
    assert "Retry-After" in response
    assert token_for(stay) not in response.content.decode()
    # Another address is not held back.
    ok = client.post(URL, {"room": "312", "surname": "Nurlanova"}, REMOTE_ADDR="10.0.0.8")
    assert ok.status_code == 302


def test_a_filled_honeypot_opens_nothing_and_counts(client, stay, settings):
    settings.GUESTPORTAL_ROOM_ATTEMPTS = 1
    response = post(client, "312", "Nurlanova", website="http://spam.example")
    assert response.status_code == 200
    assert token_for(stay) not in response.content.decode()
    assert post(client, "312", "Nurlanova").status_code == 429


def test_the_form_works_without_javascript(client):
    page = client.get(URL).content.decode()
    assert '<form method="post"' in page
    assert 'name="room"' in page and 'name="surname"' in page


def test_the_rooms_qr_code_leads_to_this_page(client, settings):
    settings.HOTEL_PUBLIC_URL = "https://hotel.example"
    response = client.get(reverse("guestportal:room_qr"))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.lstrip().startswith(b"<?xml")
