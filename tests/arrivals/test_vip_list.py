"""The manager's VIP list: mark the whole day reviewed at once; list filters and note limits."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from arrivals.models import NOTES_MAX_LENGTH, Stay, StayChange
from tests.arrivals.factories import GuestFactory, StayFactory, vip
from tests.conftest import client_for

DAY = date(2026, 3, 2)
pytestmark = pytest.mark.django_db


def review_all_url(day=DAY):
    return reverse("arrivals:vip_review_all", kwargs={"day": day})


def test_it_marks_every_unreviewed_vip_of_the_day_reviewed(manager_client, manager, agent):
    first = StayFactory(vip_level=vip("VIP1"))
    second = StayFactory(vip_level=vip("VIP3"))
    already = StayFactory(vip_level=vip("VIP2"), reviewed_by=agent, reviewed_at="2026-03-01T10:00Z")
    plain = StayFactory()
    cancelled = StayFactory(vip_level=vip("VIP1"), status="cancelled")
    tomorrow = StayFactory(vip_level=vip("VIP1"), arrival_date=DAY + timedelta(days=1))

    response = manager_client.post(review_all_url(), follow=True)

    assert "2 VIPs marked reviewed." in response.content.decode()
    assert response.context["unreviewed"] == 0
    for stay in (first, second):
        stay.refresh_from_db()
        assert stay.reviewed_by == manager and stay.reviewed_at
        assert StayChange.objects.filter(stay=stay, kind="review").count() == 1
    already.refresh_from_db()
    assert already.reviewed_by == agent  # not rewritten
    for untouched in (plain, cancelled, tomorrow):
        assert Stay.objects.get(pk=untouched.pk).reviewed_at is None
    # Pressed again (a second manager, a double click): nothing more to review, no history.
    response = manager_client.post(review_all_url(), follow=True)
    assert "0 VIPs marked reviewed." in response.content.decode()
    assert StayChange.objects.filter(kind="review").count() == 2


def test_only_managers_mark_all_reviewed_and_only_by_post(
    client, agent, department_member, manager
):
    stay = StayFactory(vip_level=vip("VIP1"))
    vip_list = reverse("arrivals:vip_list", kwargs={"day": DAY})
    for refused in (agent, department_member):
        assert client_for(client, refused).post(review_all_url()).status_code == 403
    page = client_for(client, agent).get(vip_list).content.decode()
    assert 'data-testid="review-all"' not in page
    manager_client = client_for(client, manager)
    assert manager_client.get(review_all_url()).status_code == 405
    assert Stay.objects.get(pk=stay.pk).reviewed_at is None
    assert 'data-testid="review-all"' in manager_client.get(vip_list).content.decode()


def test_the_nationality_filter_lists_the_countries_of_the_day(agent_client):
    StayFactory(guest__nationality="DE")
    StayFactory(guest__nationality="KZ")
    StayFactory(guest__nationality="KZ", arrival_date=DAY + timedelta(days=1))
    StayFactory(guest__nationality="FR", arrival_date=DAY + timedelta(days=1))
    response = agent_client.get(reverse("arrivals:day", kwargs={"day": DAY}))
    choices = [code for code, _label in response.context["form"].fields["nationality"].choices]
    assert choices == ["", "DE", "KZ"]  # Germany, Kazakhstan by name
    # A bookmarked filter for a country not arriving that day still applies (and finds none).
    response = agent_client.get(reverse("arrivals:day", kwargs={"day": DAY}), {"nationality": "FR"})
    assert response.context["form"].is_valid()
    assert response.context["stays"] == []


def test_the_plain_day_offers_what_it_shows_and_a_filter_offers_the_whole_day(agent_client):
    StayFactory(guest__nationality="DE", guest__language="de")
    StayFactory(guest__nationality="JP", guest__language="ja", status="cancelled")
    url = reverse("arrivals:day", kwargs={"day": DAY})

    def offered(response, name):
        return [code for code, _label in response.context["form"].fields[name].choices]

    # Nothing asked: the list hides cancelled stays, and offers what it shows.
    plain = agent_client.get(url)
    assert (offered(plain, "nationality"), offered(plain, "language")) == (["", "DE"], ["", "de"])
    # Asking for cancelled stays too: their guests' countries and languages are offered.
    everything = agent_client.get(url, {"status": "all"})
    assert offered(everything, "nationality") == ["", "DE", "JP"]  # Germany, Japan by name
    assert offered(everything, "language") == ["", "de", "ja"]
    assert {s.last_name for s in everything.context["stays"]} == {
        s.guest.last_name for s in Stay.objects.all()
    }
    japanese = agent_client.get(url, {"status": "all", "nationality": "JP"})
    assert [s.country_code for s in japanese.context["stays"]] == ["JP"]


def test_vip_only_is_one_click_and_keeps_other_filters(agent_client):
    StayFactory(guest__last_name="Starling", vip_level=vip("VIP1"))
    StayFactory(guest__last_name="Plainfield")
    url = reverse("arrivals:day", kwargs={"day": DAY})
    page = agent_client.get(url, {"sort": "name"})
    toggle = page.context["vip_toggle"]
    assert toggle in ("?sort=name&vip=vip", "?vip=vip&sort=name")
    assert 'data-testid="vip-only"' in page.content.decode()
    page = agent_client.get(url + toggle)
    assert [s.last_name for s in page.context["stays"]] == ["Starling"]
    assert page.context["vip_only"]
    assert page.context["vip_toggle"] == "?sort=name"  # pressed again: off


def test_notes_are_limited_in_the_forms(manager_client, agent_client):
    stay = StayFactory(vip_level=vip("VIP1"))
    too_long = "x" * (NOTES_MAX_LENGTH + 1)
    manager_client.post(
        reverse("arrivals:vip_review", args=[stay.pk]),
        {"vip_level": vip("VIP1").pk, "special_attention": too_long},
    )
    assert Stay.objects.get(pk=stay.pk).special_attention == ""
    response = agent_client.post(
        reverse("arrivals:guest_edit", args=[stay.guest.pk]),
        {"last_name": "Long", "language": "en", "notes": too_long},
    )
    assert response.status_code == 200
    assert "at most 2000 characters" in response.content.decode()
    assert f'maxlength="{NOTES_MAX_LENGTH}"' in response.content.decode()


def test_notes_written_before_the_limit_are_kept_whole(agent_client):
    long_note = "Qx-Long " * 25_000  # 200,000 characters, from before the limit
    guest = GuestFactory(notes=long_note)
    stay = StayFactory(guest=guest, special_attention=long_note)
    stay.refresh_from_db()
    guest.refresh_from_db()
    assert stay.special_attention == long_note and guest.notes == long_note
    page = agent_client.get(reverse("arrivals:day", kwargs={"day": DAY})).content.decode()
    assert 'class="notes small"' in page  # the list clamps the cell (arrivals.css)
