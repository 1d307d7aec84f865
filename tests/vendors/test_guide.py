import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from tests.vendors.conftest import make_place
from vendors.models import OpeningHours, Place, PlaceTagRow

pytestmark = pytest.mark.django_db
URL = reverse("vendors:guide")
ALMATY = ZoneInfo("Asia/Almaty")


def names(response):
    return sorted(p.name_en for p in response.context["places"])


def test_it_filters_by_kind_tags_price_and_walk(department_client):
    make_place("Kaganat", kind="lunch", tags=["halal", "family"], price_level=1, walking_minutes=5)
    make_place("Navat", kind="restaurant", tags=["halal"], price_level=2, walking_minutes=25)
    make_place("Opera", kind="theatre", price_level=3)
    make_place("Closed down", kind="lunch", active=False)
    assert names(department_client.get(URL, {"kind": "lunch"})) == ["Kaganat"]
    assert names(department_client.get(URL, {"tag": ["halal"]})) == ["Kaganat", "Navat"]
    assert names(department_client.get(URL, {"tag": ["halal", "family"]})) == ["Kaganat"]
    assert names(department_client.get(URL, {"price": "2"})) == ["Kaganat", "Navat"]
    assert names(department_client.get(URL, {"walk": "10"})) == ["Kaganat"]


def test_open_now_uses_hotel_time(agent_client):
    make_place("Breakfast", hours=[(0, "07:00", "11:00")])
    make_place("Bar", hours=[(0, "18:00", "02:00")])
    # Monday 2 March 2026, 03:00 UTC = 08:00 in Almaty.
    with time_machine.travel(datetime.datetime(2026, 3, 2, 3, 0, tzinfo=datetime.UTC)):
        assert names(agent_client.get(URL, {"open_now": "on"})) == ["Breakfast"]
    with time_machine.travel(datetime.datetime(2026, 3, 2, 20, 0, tzinfo=datetime.UTC)):
        assert names(agent_client.get(URL, {"open_now": "on"})) == ["Bar"]


def test_places_unchecked_for_90_days_say_check_me(agent_client):
    today = timezone.localdate()
    make_place("Fresh", last_verified=today - datetime.timedelta(days=90))
    make_place("Stale", last_verified=today - datetime.timedelta(days=91))
    html = agent_client.get(URL).content.decode()
    assert html.count('data-testid="check-me"') == 1
    assert names(agent_client.get(URL, {"check": "on"})) == ["Stale"]


def test_a_missing_translation_is_shown_in_another_language_visibly(client, agent):
    make_place("Green Bazaar", name_ru="Зелёный базар")
    client.force_login(agent)
    client.cookies["django_language"] = "kk"
    html = client.get(URL, headers={"accept-language": "kk"}).content.decode()
    assert "Green Bazaar" in html and 'data-testid="fallback"' in html
    client.cookies["django_language"] = "ru"
    html = client.get(URL).content.decode()
    assert "Зелёный базар" in html and 'data-testid="fallback"' not in html


def _many_places(count):
    places = Place.objects.bulk_create(
        Place(kind="cafe", name=f"Cafe {i}", name_en=f"Cafe {i}", last_verified=None)
        for i in range(count)
    )
    PlaceTagRow.objects.bulk_create(
        PlaceTagRow(place=p, tag=t) for p in places for t in ("halal", "family")
    )
    OpeningHours.objects.bulk_create(
        OpeningHours(place=p, weekday=d, opens=datetime.time(9), closes=datetime.time(22))
        for p in places
        for d in range(7)
    )


@pytest.mark.parametrize("count", [5, 500])
def test_the_guide_runs_a_fixed_number_of_queries(
    count, agent_client, django_assert_max_num_queries
):
    _many_places(count)
    agent_client.get(URL)
    # session, user, roles; count, places (open now asked of the shown ones in SQL), tags
    with django_assert_max_num_queries(6):
        response = agent_client.get(URL, {"tag": ["halal"], "open_now": "on"})
    assert len(response.context["places"]) in (0, min(count, 50))
    # session, user, roles; count, places, tags
    with django_assert_max_num_queries(6):
        response = agent_client.get(URL, {"tag": ["halal"]})
    html = response.content.decode()
    assert html.count('data-testid="place-card"') == min(count, 50)
    assert f"{count} places" in html
    assert ("Page 1 of 10" in html) == (count == 500)
    with django_assert_max_num_queries(6):
        response = agent_client.get(URL, {"tag": ["halal"], "print": "1"})
    assert response.content.decode().count('data-testid="place-card"') == count


def place_data(**overrides):
    data = {
        "kind": "restaurant",
        "name_en": "Navat",
        "name_ru": "Нават",
        "name_kk": "Нават",
        "description_en": "Plov and lagman",
        "address": "Zhibek Zholy 50",
        "latitude": "43.2618",
        "longitude": "76.9448",
        "price_level": "2",
        "walking_minutes": "7",
        "tags": ["halal"],
        "last_verified": "2026-03-01",
        "active": "on",
        "hours-TOTAL_FORMS": "1",
        "hours-INITIAL_FORMS": "0",
        "hours-MIN_NUM_FORMS": "0",
        "hours-MAX_NUM_FORMS": "28",
        "hours-0-weekday": "0",
        "hours-0-opens": "10:00",
        "hours-0-closes": "01:00",
    }
    data.update(overrides)
    return data


def test_agents_add_places_with_hours_and_tags(agent_client):
    response = agent_client.post(reverse("vendors:place_create"), place_data())
    place = Place.objects.get()
    assert response.status_code == 302
    assert (place.name_en, place.name_ru, place.tag_codes) == ("Navat", "Нават", ["halal"])
    assert place.hours.get().closes == datetime.time(1)
    assert "openstreetmap.org" in place.map_url


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"latitude": "91"}, "Latitude must be between -90 and 90."),
        ({"longitude": "-180.5"}, "Longitude must be between -180 and 180."),
        ({"longitude": ""}, "Give both latitude and longitude, or neither."),
        ({"name_en": "", "name_ru": "", "name_kk": ""}, "at least one language"),
        ({"hours-0-opens": "25:00"}, "Enter a valid time."),
    ],
)
def test_bad_places_are_explained_and_nothing_is_saved(agent_client, overrides, message):
    response = agent_client.post(reverse("vendors:place_create"), place_data(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Place.objects.exists()
    assert not OpeningHours.objects.exists()


def test_department_members_read_places_but_cannot_change_them(department_client):
    place = make_place("Navat", last_verified=datetime.date(2020, 1, 1))
    assert department_client.get(reverse("vendors:place", args=[place.pk])).status_code == 200
    assert department_client.get(reverse("vendors:place_create")).status_code == 403
    edit = reverse("vendors:place_edit", args=[place.pk])
    assert department_client.post(edit, place_data(name_en="X")).status_code == 403
    verify = reverse("vendors:place_verify", args=[place.pk])
    assert department_client.post(verify).status_code == 403
    place.refresh_from_db()
    assert (place.name_en, place.last_verified) == ("Navat", datetime.date(2020, 1, 1))


def test_marking_a_place_checked_today(agent_client):
    place = make_place("Navat", last_verified=datetime.date(2020, 1, 1))
    agent_client.post(reverse("vendors:place_verify", args=[place.pk]))
    place.refresh_from_db()
    assert place.last_verified == timezone.localdate()


def test_the_place_page_shows_hours_and_open_state(agent_client):
    place = make_place("Navat", hours=[(d, "00:00", "00:00") for d in range(7)])
    html = agent_client.get(reverse("vendors:place", args=[place.pk])).content.decode()
    assert "Open now" in html and "round the clock" in html


def test_the_place_form_names_each_language_in_the_readers_language(agent_client):
    url = reverse("vendors:place_create")
    agent_client.cookies["django_language"] = "en"
    english = agent_client.get(url).content.decode()
    assert "Name (Kazakh)" in english and "Description (Russian)" in english
    agent_client.cookies["django_language"] = "ru"
    russian = agent_client.get(url).content.decode()
    assert "(Казахский)" in russian and "(Русский)" in russian
    assert "(Kazakh)" not in russian
