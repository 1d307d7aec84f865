"""The guest's page: their requests and how each goes, in their language; nobody else's."""

import pytest
from django.urls import reverse

from guestportal.links import token_for
from requests_desk.models import ServiceRequest
from requests_desk.services import create_request, save_edit, transition
from tests.guestportal.conftest import home_url, make_stay

pytestmark = pytest.mark.django_db


def make_request(stay, type_="taxi", **fields):
    from django.utils import timezone

    obj = ServiceRequest(
        type=type_,
        stay=stay,
        service_at=timezone.now(),
        details={"pickup_place": "Hotel", "destination": "Opera"},
        **fields,
    )
    return create_request(obj, None)


def status_of(page, number):
    part = page[page.index(f'data-request="{number}"') :]
    part = part[: part.index("</article>")]
    return part


def test_each_status_reads_in_kazakh(client, stay, agent):
    received = make_request(stay)
    arranging = make_request(stay)
    transition(arranging, "in_progress", agent)
    booked = make_request(stay)
    booked.guest_message = "Жүргізуші сізді кіреберісте күтеді"
    save_edit(booked, booked.version, agent)
    transition(booked, "booked", agent, reference="Qx-Zulu-77")
    failed = make_request(stay)
    transition(failed, "failed", agent, reason="Барлық такси бос емес")
    page = client.get(home_url(stay)).content.decode()
    assert "Қабылданды" in status_of(page, received.number)
    assert "Ұйымдастырылуда" in status_of(page, arranging.number)
    part = status_of(page, booked.number)
    assert "Брондалды" in part
    assert "Жүргізуші сізді кіреберісте күтеді" in part
    assert "Opera" in part  # the details a guest may see
    assert "Qx-Zulu-77" not in part  # the supplier's reference is the desk's
    part = status_of(page, failed.number)
    assert "Орындау мүмкін болмады" in part and "Барлық такси бос емес" in part


def test_the_page_in_english_and_russian(client, stay, agent):
    booked = make_request(stay)
    transition(booked, "booked", agent, reference="R1")
    assert "Booked" in status_of(
        client.get(home_url(stay, lang="en")).content.decode(), booked.number
    )
    assert "Забронировано" in status_of(
        client.get(home_url(stay, lang="ru")).content.decode(), booked.number
    )


def test_another_stays_requests_cannot_be_reached(client, stay):
    other = make_stay(last_name="Secretova", room="999")
    theirs = make_request(other, notes="Qx-Zulu private")
    mine = make_request(stay)
    page = client.get(home_url(stay)).content.decode()
    assert mine.number in page
    assert theirs.number not in page and "Secretova" not in page
    # A token is for one stay: its id cannot be swapped for another's.
    token = token_for(stay)
    forged = f"{other.pk}:{token.split(':', 1)[1]}"
    for name in ("guestportal:home", "guestportal:ask", "guestportal:feedback"):
        response = client.get(reverse(name, args=[forged]))
        assert response.status_code == 404
        assert "Secretova" not in response.content.decode()
    # The desk's own request pages stay behind the login.
    response = client.get(theirs.get_absolute_url())
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_page_stays_cheap(client, stay, django_assert_max_num_queries):
    for _ in range(3):
        make_request(stay)
    url = home_url(stay)
    client.get(url)  # sessions, cookies and the like settle on the first visit
    with django_assert_max_num_queries(2):
        few = client.get(url)
    for _ in range(40):
        make_request(stay)
    with django_assert_max_num_queries(2):
        many = client.get(url)
    assert few.status_code == many.status_code == 200
    assert many.content.decode().count("data-request=") == 43


def test_the_guests_pages_are_never_cached(client, stay):
    for name in ("guestportal:home", "guestportal:ask", "guestportal:feedback"):
        response = client.get(reverse(name, args=[token_for(stay)]))
        assert "no-store" in response["Cache-Control"]


def test_the_forms_stay_cheap(client, stay, django_assert_max_num_queries):
    for name in ("guestportal:ask", "guestportal:feedback"):
        with django_assert_max_num_queries(1):
            assert client.get(reverse(name, args=[token_for(stay)])).status_code == 200
    with django_assert_max_num_queries(0):
        assert client.get(reverse("guestportal:room")).status_code == 200
