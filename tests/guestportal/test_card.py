"""The welcome card and the welcome email at check-in."""

import base64
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from arrivals.services import transition
from board.models import ServiceEntry
from guestdesk.models import OutboxMessage
from guestportal.links import token_for
from tests.guestportal.conftest import make_stay

pytestmark = pytest.mark.django_db


def test_the_card_is_in_the_guests_language_with_wifi_and_both_codes(agent_client, stay):
    ServiceEntry.objects.create(
        category="wifi",
        title_en="Wi-Fi",
        description_en="Network Qx-Zulu-EN",
        description_kk="Qx-Zulu-KK желісі",
        always_open=True,
    )
    page = agent_client.get(reverse("guestportal:card", args=[stay.pk])).content.decode()
    assert '<html lang="kk">' in page
    assert "Қош келдіңіз, Aigerim Nurlanova!" in page
    assert "Qx-Zulu-KK желісі" in page
    codes = re.findall(r'src="data:image/svg\+xml;base64,([^"]+)"', page)
    assert len(codes) == 2
    for code in codes:
        assert base64.b64decode(code).lstrip().startswith(b"<?xml")
    assert token_for(stay) in page


def test_a_department_member_cannot_print_the_card(department_client, stay):
    assert department_client.get(reverse("guestportal:card", args=[stay.pk])).status_code == 403


def test_check_in_emails_the_guest_their_page_once(agent, django_capture_on_commit_callbacks):
    stay = make_stay(status="expected", arrival_date=timezone.localdate(), language="ru")
    with django_capture_on_commit_callbacks(execute=True):
        transition(stay, "in_house", agent)
    message = OutboxMessage.objects.get(template="guestportal-welcome")
    assert message.to == [stay.guest.email]
    assert message.language == "ru"
    assert "Добро пожаловать" in message.subject
    assert reverse("guestportal:home", args=[token_for(stay)]) in message.body_text
    # Moved back and in again the same minute: one email, not two.
    transition(stay, "expected", agent)
    transition(stay, "in_house", agent)
    assert OutboxMessage.objects.filter(template="guestportal-welcome").count() == 1


def test_no_email_without_an_address_or_for_other_moves(agent):
    stay = make_stay(status="expected", arrival_date=timezone.localdate(), email="")
    transition(stay, "in_house", agent)
    other = make_stay(status="expected", arrival_date=timezone.localdate() + timedelta(days=1))
    transition(other, "cancelled", agent)
    assert not OutboxMessage.objects.filter(template="guestportal-welcome").exists()


def test_departure_emails_the_guest_book_link(agent, django_capture_on_commit_callbacks):
    stay = make_stay(language="en")
    with django_capture_on_commit_callbacks(execute=True):
        transition(stay, "departed", agent)
    message = OutboxMessage.objects.get(template="guestportal-farewell")
    assert message.to == [stay.guest.email]
    assert reverse("guestportal:feedback", args=[token_for(stay)]) in message.body_text
