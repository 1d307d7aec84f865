"""Phone numbers typed by staff or read from a PMS file: one parser, stored as E.164."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from arrivals.forms import GuestForm
from guestdesk.phones import e164
from tests.arrivals.factories import GuestFactory, StayFactory


@pytest.mark.parametrize(
    "typed", ["8 701 555 11 22", "+7 701 555 11 22", "87015551122", "+7 (701) 555-11-22"]
)
def test_a_kazakh_mobile_typed_any_usual_way_is_one_number(typed):
    assert e164(typed) == "+77015551122"


def test_a_foreign_number_keeps_its_country():
    assert e164("+44 20 7946 0958") == "+442079460958"


@pytest.mark.parametrize("typed", ["12", "abc", "+7 701", "8 000 000 00 00"])
def test_a_bad_number_is_refused_with_a_message_that_quotes_it(typed):
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        e164(typed)
    assert refused.value.messages == [f"Invalid phone number “{typed}”."]


def test_the_refusal_speaks_the_interface_language():
    with translation.override("ru"), pytest.raises(ValidationError) as refused:
        e164("12")
    assert refused.value.messages == ["Неверный номер телефона «12»."]


@pytest.mark.django_db
def test_the_guest_form_stores_a_number_typed_with_8_as_e164(agent_client):
    guest = GuestFactory()
    url = reverse("arrivals:guest_edit", args=[guest.pk])
    data = {"first_name": "Aruzhan", "last_name": "Sadykova", "language": "kk"}
    assert agent_client.post(url, {**data, "phone": "8 701 555 11 22"}).status_code == 302
    guest.refresh_from_db()
    assert guest.phone.as_e164 == "+77015551122"


@pytest.mark.django_db
def test_the_guest_form_refuses_a_bad_number_on_its_field():
    form = GuestForm(data={"first_name": "A", "last_name": "B", "language": "kk", "phone": "12"})
    assert not form.is_valid()
    assert list(form.errors) == ["phone"]


@pytest.mark.django_db
def test_the_day_list_shows_stored_numbers_in_the_configured_format(agent_client, settings):
    """Lists read numbers as stored (E.164) and format each once per process: the format
    setting still decides what the list shows."""
    StayFactory(guest__phone="+77019876543")
    StayFactory(guest__phone="+442079460958")
    url = reverse("arrivals:day", kwargs={"day": "2026-03-02"})
    page = agent_client.get(url).content.decode()
    assert "+7 701 987 6543" in page and "+44 20 7946 0958" in page
    settings.PHONENUMBER_DEFAULT_FORMAT = "NATIONAL"
    page = agent_client.get(url).content.decode()
    assert "8 (701) 987 6543" in page and "020 7946 0958" in page
    assert "+7 701 987 6543" not in page
