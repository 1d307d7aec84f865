"""The per-stay signed link: who it opens for, until when, and what a forged one gets."""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from guestportal.links import expires_on, stay_from, token_for
from tests.guestportal.conftest import home_url, make_stay

pytestmark = pytest.mark.django_db


def test_it_opens_the_guests_own_page_in_their_language(client, stay):
    response = client.get(home_url(stay))
    assert response.status_code == 200
    assert response["Content-Language"] == "kk"
    page = response.content.decode()
    assert "Aigerim Nurlanova" in page
    assert "Сіздің өтініштеріңіз" in page


def test_lang_in_the_address_wins_over_the_guests_language(client, stay):
    response = client.get(home_url(stay, lang="en"))
    assert response["Content-Language"] == "en"
    assert "Your requests" in response.content.decode()


@pytest.mark.parametrize(
    "tamper",
    [
        lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),  # signature altered
        lambda t: str(int(t.split(":")[0]) + 1) + ":" + t.split(":", 1)[1],  # other stay id
        lambda t: t.split(":")[0],  # no signature at all
        lambda t: "Qx-Zulu",
    ],
)
def test_a_tampered_link_is_refused_and_reveals_nothing(client, stay, tamper):
    other = make_stay(last_name="Secretova", first_name="Dana", room="999")
    token = tamper(token_for(stay))
    response = client.get(reverse("guestportal:home", args=[token]))
    assert response.status_code == 404
    page = response.content.decode()
    for secret in ("Nurlanova", "Secretova", "312", "999", stay.confirmation_number):
        assert secret not in page
    assert other.pk  # the other stay exists, and still is not shown


def test_the_link_of_another_purpose_is_refused(client, stay):
    # A value signed by the same key for something else (another salt) opens nothing.
    from django.core import signing

    token = signing.Signer(salt="digests.ack").sign(str(stay.pk))
    assert client.get(reverse("guestportal:home", args=[token])).status_code == 404


def test_it_works_the_day_after_departure_and_not_the_day_after_that(client):
    today = timezone.localdate()
    stay = make_stay(arrival_date=today - timedelta(days=3), departure_date=today)
    assert expires_on(stay) == today + timedelta(days=1)
    url = home_url(stay)
    noon = timezone.make_aware(timezone.datetime.combine(today, timezone.datetime.min.time()))
    with time_machine.travel(noon + timedelta(days=1, hours=23, minutes=50), tick=False):
        assert client.get(url).status_code == 200
    with time_machine.travel(noon + timedelta(days=2, minutes=10), tick=False):
        response = client.get(url)
        assert response.status_code == 404
        assert "Nurlanova" not in response.content.decode()


def test_a_cancelled_stay_has_no_page(client):
    stay = make_stay(status="cancelled")
    assert stay_from(token_for(stay)) is None
    assert client.get(home_url(stay)).status_code == 404


def test_the_command_prints_the_absolute_link_alone_on_its_last_line(settings, stay, client):
    settings.HOTEL_PUBLIC_URL = "https://hotel.example/"
    out = StringIO()
    call_command("guest_link", stay.confirmation_number, stdout=out)
    last = out.getvalue().strip().splitlines()[-1]
    assert last == "https://hotel.example" + reverse("guestportal:home", args=[token_for(stay)])
    assert client.get(last.removeprefix("https://hotel.example")).status_code == 200


def test_the_command_refuses_an_unknown_number(db):
    with pytest.raises(CommandError):
        call_command("guest_link", "NO-SUCH-NUMBER", stdout=StringIO())


def test_the_desk_sees_the_link_and_its_qr_on_the_stay_page(agent_client, stay):
    page = agent_client.get(reverse("arrivals:stay", args=[stay.pk])).content.decode()
    assert token_for(stay) in page
    assert 'src="data:image/svg+xml;base64,' in page
    assert reverse("guestportal:card", args=[stay.pk]) in page


def test_department_members_do_not_see_the_link(department_client, stay):
    response = department_client.get(reverse("arrivals:stay", args=[stay.pk]))
    assert token_for(stay) not in response.content.decode()
