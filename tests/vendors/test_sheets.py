import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from guestdesk.models import OutboxMessage
from guestdesk.registry import panels_for
from tests.vendors.conftest import make_guest, make_place
from vendors import panels
from vendors.models import RecommendationSheet

pytestmark = pytest.mark.django_db


@pytest.fixture
def places():
    return [
        make_place("Kaganat", name_ru="Каганат", kind="lunch", walking_minutes=5, price_level=1,
                   description_en="Canteen", description_ru="Столовая"),
        make_place("Navat", name_ru="Нават", kind="restaurant", walking_minutes=7, price_level=2,
                   description_en="Teahouse"),
        make_place("Opera", name_ru="Опера", kind="theatre", walking_minutes=40, price_level=3),
    ]  # fmt: skip


def build(client, guest, chosen, **extra):
    data = {"guest": guest.pk, "places": [p.pk for p in chosen], "language": guest.language}
    return client.post(reverse("vendors:sheet_new"), {**data, **extra})


def test_an_agent_builds_a_sheet_in_the_guests_language(agent_client, guest, places):
    response = build(agent_client, guest, [places[1], places[0]], note="Приятного аппетита!")
    sheet = RecommendationSheet.objects.get()
    assert response.url == reverse("vendors:sheet", args=[sheet.pk])
    assert [item.place for item in sheet.items.all()] == [places[1], places[0]]
    html = agent_client.get(response.url).content.decode()
    assert "Нават" in html and "Каганат" in html and "Столовая" in html
    assert "Приятного аппетита!" in html
    # Navat has no Russian description: the English one is shown and marked as such.
    assert "Teahouse" in html and "(English)" in html


def test_the_builder_starts_in_the_guests_language_with_a_ready_selection(
    agent_client, guest, places
):
    url = reverse("vendors:sheet_new")
    response = agent_client.get(url, {"guest": guest.pk, "preset": "lunch_nearby"})
    assert response.context["form"]["language"].value() == "ru"
    assert response.context["chosen"] == {places[0].pk, places[1].pk}


def test_a_guest_in_another_language_gets_english(agent_client, places):
    guest = make_guest(language="de")
    response = agent_client.get(reverse("vendors:sheet_new"), {"guest": guest.pk})
    assert response.context["form"]["language"].value() == "en"


def test_without_a_guest_the_builder_asks_for_one(agent_client, guest):
    response = agent_client.get(reverse("vendors:sheet_new"), {"q": "Иванова"})
    assert response.context["guests"] == [guest]


def test_choosing_no_place_is_refused(agent_client, guest, places):
    response = build(agent_client, guest, [])
    assert "Choose at least one place." in response.content.decode()
    assert not RecommendationSheet.objects.exists()


def test_the_sheet_is_emailed_in_the_guests_language(agent_client, guest, places):
    build(agent_client, guest, places[:2])
    sheet = RecommendationSheet.objects.get()
    response = agent_client.post(reverse("vendors:sheet_email", args=[sheet.pk]))
    assert response.status_code == 302
    message = OutboxMessage.objects.get()
    assert message.template == "vendors-recommendations"
    assert message.to == ["maria@example.com"]
    assert message.language == "ru"
    assert "Нават" in message.body_text and "Нават" in message.body_html
    with translation.override("ru"):
        assert translation.gettext("Places we recommend for you · %(hotel)s") != (
            "Places we recommend for you · %(hotel)s"
        )
    assert "Places we recommend" not in message.subject
    sheet.refresh_from_db()
    assert sheet.emailed_to == "maria@example.com" and sheet.email == message


def test_a_guest_without_email_gets_a_clear_message(agent_client, places):
    guest = make_guest(email="")
    build(agent_client, guest, places[:1])
    sheet = RecommendationSheet.objects.get()
    response = agent_client.post(reverse("vendors:sheet_email", args=[sheet.pk]), follow=True)
    assert "has no email address" in response.content.decode()
    assert not OutboxMessage.objects.exists()


def test_printing_records_it_and_the_print_page_is_a4(agent_client, guest, places):
    build(agent_client, guest, places[:1])
    sheet = RecommendationSheet.objects.get()
    response = agent_client.post(reverse("vendors:sheet_printed", args=[sheet.pk]))
    assert response.url == reverse("vendors:sheet_print", args=[sheet.pk])
    sheet.refresh_from_db()
    assert sheet.printed_at is not None
    html = agent_client.get(response.url).content.decode()
    assert "css/vendors.css" in html and "Каганат" in html
    assert "<style" not in html and "style=" not in html


def test_editing_a_sheet_replaces_its_places(agent_client, guest, places):
    build(agent_client, guest, places[:2])
    sheet = RecommendationSheet.objects.get()
    agent_client.post(
        reverse("vendors:sheet_edit", args=[sheet.pk]),
        {"places": [places[2].pk], "language": "en", "title": "Tonight"},
    )
    sheet.refresh_from_db()
    assert [i.place for i in sheet.items.all()] == [places[2]]
    assert (sheet.language, sheet.heading) == ("en", "Tonight")


def test_department_members_cannot_build_or_send_sheets(department_client, guest, places):
    assert department_client.get(reverse("vendors:sheet_new")).status_code == 403
    assert build(department_client, guest, places[:1]).status_code == 403
    assert not RecommendationSheet.objects.exists()


def test_the_guest_profile_lists_the_sheets(agent, department_member, guest, places):
    from vendors.services import save_sheet

    save_sheet(guest, agent, places[:2], "ru")
    request = RequestFactory().get("/")
    request.user = agent
    cards = [c for c in panels_for(request, "guest", guest) if c.template.startswith("vendors/")]
    assert len(cards) == 1 and cards[0].context["sheets"][0].place_count == 2
    assert panels.panels(request, "stay", guest) == []
    request.user = department_member
    assert panels.panels(request, "guest", guest) == []


def test_deleting_a_sheet(agent_client, guest, places):
    build(agent_client, guest, places[:1])
    sheet = RecommendationSheet.objects.get()
    agent_client.post(reverse("vendors:sheet_delete", args=[sheet.pk]))
    assert not RecommendationSheet.objects.exists()


def test_the_sheet_appears_on_the_guest_profile(agent_client, guest, places):
    build(agent_client, guest, places[:2])
    sheet = RecommendationSheet.objects.get()
    html = agent_client.get(reverse("arrivals:guest", args=[guest.pk])).content.decode()
    assert 'data-testid="sheets-panel"' in html
    assert reverse("vendors:sheet", args=[sheet.pk]) in html


def test_the_sheet_prints_the_week_as_on_a_door_in_the_guests_language(agent_client, guest):
    # The guest reads Russian; weekdays with equal hours share a line, closed days say so.
    week = [*((d, "08:00", "20:00") for d in range(5)), (5, "18:00", "02:00")]
    cafe = make_place("Kaganat", name_ru="Каганат", hours=week)
    build(agent_client, guest, [cafe])
    sheet = RecommendationSheet.objects.get()
    html = agent_client.get(reverse("vendors:sheet", args=[sheet.pk])).content.decode()
    assert "Пн–Пт 08:00–20:00; Сб 18:00–02:00; Вс закрыто" in html


# -- QR codes, titles of mixed sheets, several ready selections --------------------------


@pytest.fixture
def lunch_and_shops():
    return {
        "canteen": make_place("Qx-Canteen", kind="lunch", walking_minutes=5, price_level=1,
                              latitude="43.2380", longitude="76.9450"),
        "cafe": make_place("Qx-Cafe", kind="cafe", walking_minutes=8, price_level=2,
                           address="Abylai Khan Ave 60, Almaty"),
        "mall": make_place("Qx-Mall", kind="shopping", walking_minutes=20, price_level=3,
                           address="Dostyk Ave 5, Almaty"),
        "museum": make_place("Qx-Museum", kind="museum", walking_minutes=30, price_level=1),
    }  # fmt: skip


def test_every_place_with_a_map_gets_a_qr_code_on_the_preview_and_the_print(
    agent_client, guest, lunch_and_shops
):
    chosen = [lunch_and_shops[k] for k in ("canteen", "cafe", "museum")]
    build(agent_client, guest, chosen)
    sheet = RecommendationSheet.objects.get()
    for name in ("vendors:sheet", "vendors:sheet_print"):
        response = agent_client.get(reverse(name, args=[sheet.pk]))
        entries = response.context["entries"]
        # Coordinates give a map pin; an address without them a map search; nothing, no code.
        assert entries[0].map_url.startswith("https://www.openstreetmap.org/?mlat=43.2380")
        assert entries[1].map_url == (
            "https://www.openstreetmap.org/search?query=Abylai+Khan+Ave+60%2C+Almaty"
        )
        assert entries[2].map_url == ""
        html = response.content.decode()
        assert html.count('data-testid="sheet-qr"') == 2
        assert 'src="data:image/svg+xml' in html  # an image the strict CSP allows
        assert "<svg" not in html and "style=" not in html


def test_several_ready_selections_are_chosen_at_once(agent_client, guest, lunch_and_shops):
    url = reverse("vendors:sheet_new")
    response = agent_client.get(url, {"guest": guest.pk, "preset": ["lunch_nearby", "shopping"]})
    shown = {place.pk for place in response.context["places"]}
    assert shown == {lunch_and_shops[k].pk for k in ("canteen", "cafe", "mall")}
    assert response.context["chosen"] == shown
    chips = {chip["code"]: chip for chip in response.context["presets"]}
    assert chips["lunch_nearby"]["on"] and chips["shopping"]["on"]
    assert not chips["culture"]["on"]
    # A chip that is on takes its selection away; one that is off adds it.
    assert chips["shopping"]["url"] == f"?guest={guest.pk}&preset=lunch_nearby"
    assert chips["culture"]["url"] == (
        f"?guest={guest.pk}&preset=lunch_nearby&preset=shopping&preset=culture"
    )
    assert response.context["preset"] == "lunch_nearby,shopping"


@pytest.mark.parametrize(
    ("preset", "chosen", "heading"),
    [
        ("shopping", ["mall"], "Шопинг"),
        ("lunch_nearby,shopping", ["canteen", "mall"], "Обед поблизости · Шопинг"),
        # The agent started from shopping and added a canteen: not a "Shopping" sheet.
        ("shopping", ["canteen", "mall"], "Наши рекомендации для вас"),
        # A selection none of the places belongs to does not name the sheet.
        ("lunch_nearby,culture", ["canteen", "cafe"], "Обед поблизости"),
        ("", ["canteen", "museum"], "Наши рекомендации для вас"),
    ],
)
def test_a_sheet_is_titled_by_what_is_on_it_in_the_guests_language(
    agent_client, guest, lunch_and_shops, preset, chosen, heading
):
    build(agent_client, guest, [lunch_and_shops[k] for k in chosen], preset=preset)
    sheet = RecommendationSheet.objects.get()
    html = agent_client.get(reverse("vendors:sheet", args=[sheet.pk])).content.decode()
    assert f'<h1 class="h3 mt-1 mb-1">{heading}</h1>' in html
