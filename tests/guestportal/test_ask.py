"""Asking the desk from the guest's page, and what the desk then sees."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from guestportal.links import token_for
from requests_desk.models import ServiceRequest
from requests_desk.services import transition
from tests.guestportal.conftest import home_url, make_stay

pytestmark = pytest.mark.django_db


def ask_url(stay, lang=""):
    url = reverse("guestportal:ask", args=[token_for(stay)])
    return f"{url}?lang={lang}" if lang else url


def form(**extra):
    day = timezone.localdate() + timedelta(days=2)
    return {"kind": "taxi", "day": day.isoformat(), "time": "18:30", "people": 2, **extra}


def test_the_form_is_in_the_guests_language_and_needs_no_javascript(client, stay):
    page = client.get(ask_url(stay)).content.decode()
    assert '<form method="post"' in page
    assert "Қызмет бөліміне жіберу" in page  # "Send to the desk"
    assert "Әуежайға трансфер" in page  # "Airport transfer"
    russian = client.get(ask_url(stay, "ru")).content.decode()
    assert "Отправить в службу" in russian


def test_a_taxi_lands_on_the_board_marked_from_the_guest(client, stay, agent_client):
    response = client.post(ask_url(stay, "kk"), form(notes="To the Qx-Zulu theatre"))
    assert response.status_code == 302
    assert response["Location"] == home_url(stay, lang="kk")
    request_obj = ServiceRequest.objects.get()
    assert request_obj.from_guest
    assert (request_obj.type, request_obj.stay, request_obj.guest) == ("taxi", stay, stay.guest)
    assert request_obj.status == "new" and request_obj.created_by is None
    local = timezone.localtime(request_obj.service_at)
    assert (local.date(), local.strftime("%H:%M")) == (
        timezone.localdate() + timedelta(days=2),
        "18:30",
    )
    assert request_obj.details["pickup_at"].startswith(local.date().isoformat() + "T18:30")
    assert request_obj.details["passengers"] == 2
    assert request_obj.details["pickup_place"] == settings.HOTEL_NAME
    assert "destination" not in request_obj.details
    assert request_obj.notes == "To the Qx-Zulu theatre"
    assert request_obj.events.filter(kind="created").exists()

    board = agent_client.get(reverse("requests_desk:board")).content.decode()
    row = board[board.index(f'data-number="{request_obj.number}"') :]
    assert 'data-testid="from-guest"' in row[: row.index("</tr>")]


@pytest.mark.parametrize(
    ("kind", "type_"),
    [
        ("airport", "transfer"),
        ("train", "rail"),
        ("air", "air"),
        ("show", "theatre"),
        ("restaurant", "restaurant"),
        ("excursion", "excursion"),
        ("car_hire", "car_hire"),
        ("other", "other"),
    ],
)
def test_each_kind_becomes_its_request_type(client, stay, kind, type_):
    assert client.post(ask_url(stay), form(kind=kind)).status_code == 302
    assert ServiceRequest.objects.get().type == type_


@pytest.mark.parametrize(
    "bad",
    [
        {"kind": "helicopter"},
        {"day": "yesterday"},
        {"time": ""},
        {"people": 0},
        {"people": 51},
        {"notes": "x" * 1001},
    ],
)
def test_bad_input_creates_nothing(client, stay, bad):
    response = client.post(ask_url(stay), form(**bad))
    assert response.status_code == 200
    assert ServiceRequest.objects.count() == 0


def test_a_day_in_the_past_is_refused(client, stay):
    yesterday = timezone.localdate() - timedelta(days=1)
    response = client.post(ask_url(stay, "en"), form(day=yesterday.isoformat()))
    assert "Choose today or a later date." in response.content.decode()
    assert ServiceRequest.objects.count() == 0


def test_a_robot_filling_the_honeypot_creates_nothing(client, stay):
    response = client.post(ask_url(stay), form(website="http://spam.example"))
    assert response.status_code == 302  # it is told nothing different
    assert ServiceRequest.objects.count() == 0


def test_an_expired_link_cannot_ask(client):
    today = timezone.localdate()
    stay = make_stay(
        arrival_date=today - timedelta(days=5), departure_date=today - timedelta(days=2)
    )
    assert client.post(ask_url(stay), form()).status_code == 404
    assert ServiceRequest.objects.count() == 0


def test_the_dashboard_alerts_the_desk_of_new_guest_requests(client, stay, agent_client, agent):
    client.post(ask_url(stay), form())
    request_obj = ServiceRequest.objects.get()
    page = agent_client.get(reverse("dashboard")).content.decode()
    card = page[page.index('data-testid="card-guest-requests"') :]
    assert f'data-number="{request_obj.number}"' in card[: card.index("</div>\n</div>")]
    # Once the desk picks it up it leaves the alert.
    transition(request_obj, "in_progress", agent)
    page = agent_client.get(reverse("dashboard")).content.decode()
    assert f'data-number="{request_obj.number}"' not in page


def test_department_members_get_no_guest_request_alert(department_client):
    page = department_client.get(reverse("dashboard")).content.decode()
    assert 'data-testid="card-guest-requests"' not in page


def test_guests_text_is_escaped_where_the_desk_reads_it(client, stay, agent_client):
    script = "<script>alert('Qx-Zulu')</script>"
    client.post(ask_url(stay), form(notes=script))
    request_obj = ServiceRequest.objects.get()
    for url in (reverse("requests_desk:board"), request_obj.get_absolute_url()):
        page = agent_client.get(url).content.decode()
        assert script not in page
    detail = agent_client.get(request_obj.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(&#x27;Qx-Zulu&#x27;)&lt;/script&gt;" in detail


def test_the_dashboard_card_costs_one_query(client, stay, rf, agent, django_assert_num_queries):
    from guestportal.dashboard import cards

    for _ in range(8):
        client.post(ask_url(stay), form())
    request = rf.get("/")
    request.user = agent
    with django_assert_num_queries(2):  # the agent's roles, then the guests' requests
        (card,) = cards(request)
    assert len(card.context["waiting"]) == 5 and card.context["more"]
