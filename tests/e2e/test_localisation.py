"""Kazakh and Russian pages as staff read them: dates, history values, headers, plurals."""

from datetime import date

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from arrivals.models import StayChange
from tests.arrivals.factories import GuestFactory, StayFactory, vip

pytestmark = pytest.mark.django_db(transaction=True)

TUESDAY = date(2026, 12, 1)  # a fixed day: these pages never compare it with today


def in_language(page, live_server, language):
    """Choose the interface language as the language menu does: Django's language cookie."""
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )


def test_a_kazakh_stay_page_shows_kazakh_dates_and_history_in_words(
    page, live_server, login, screenshot, agent
):
    stay = StayFactory(
        arrival_date=TUESDAY,
        departure_date=date(2026, 12, 4),
        adults=2,
        children=1,
        vip_level=vip("VIP2"),
        guest=GuestFactory(last_name="Qx-Zulu", language="de"),
    )
    StayChange.objects.create(stay=stay, kind="review", changes={"reviewed": [False, True]})
    StayChange.objects.create(
        stay=stay, kind="status", changes={"status": ["expected", "in_house"]}
    )
    login(agent)
    in_language(page, live_server, "kk")
    page.goto(live_server.url + reverse("arrivals:stay", args=[stay.pk]))

    facts = page.locator(".stay-facts")
    expect(facts).to_contain_text("1 желтоқсан 2026 – 4 желтоқсан 2026")
    expect(facts).to_contain_text("2 ересек, 1 бала")
    expect(facts).to_contain_text("Немісше")  # the guest's language named in Kazakh
    expect(facts).to_contain_text("Жеміс табақшасы, жергілікті тәттілер")  # VIP2 amenity in kk
    history = page.get_by_test_id("history")
    expect(history).to_contain_text("тексерілді: жоқ → иә")
    expect(history).to_contain_text("қонақүйде")  # status by its Kazakh label
    for raw in ("True", "False", "in_house", "12/01/2026", "Желтоқсан"):
        expect(page.locator("main")).not_to_contain_text(raw)
    screenshot("kk-stay-detail")


def test_a_russian_arrivals_list_has_full_headers_and_a_lower_case_date_heading(
    page, live_server, login, screenshot, agent
):
    StayFactory(arrival_date=TUESDAY, adults=1, children=1, guest=GuestFactory(last_name="Qx-Zulu"))
    login(agent)
    in_language(page, live_server, "ru")
    page.goto(live_server.url + reverse("arrivals:day", args=[TUESDAY]))

    title = page.get_by_test_id("list-title")
    expect(title).to_contain_text("вторник, 1 декабря 2026")
    expect(title).not_to_contain_text("Вторник")
    expect(title).not_to_contain_text("Декабрь")
    headers = page.locator("table thead th")
    expect(headers.filter(has_text="Время прибытия")).to_have_count(1)
    expect(page.locator("[data-label='Чел.']").first).to_have_attribute(
        "title", "1 взрослый, 1 ребёнок"
    )

    page.goto(live_server.url + "/")
    flow = page.get_by_test_id("card-flow")
    expect(flow.locator("thead")).to_contain_text("Заезд")
    expect(flow.locator("thead")).to_contain_text("Выезд")
    expect(flow.locator("thead")).not_to_contain_text("Зае.")
    screenshot("ru-arrivals-flow-card")


def test_the_kazakh_guest_form_names_languages_in_kazakh(page, live_server, login, agent):
    guest = GuestFactory(last_name="Qx-Zulu", language="ky")
    login(agent)
    in_language(page, live_server, "kk")
    page.goto(live_server.url + reverse("arrivals:guest_edit", args=[guest.pk]))
    options = page.locator("select[name=language] option")
    expect(options.first).to_have_text("Қазақша (kk)")
    expect(page.locator("select[name=language] option:checked")).to_have_text("Қырғызша (ky)")
    expect(page.locator("select[name=language]")).not_to_contain_text("Kazakh (kk)")
    expect(page.locator("select[name=language]")).not_to_contain_text("Киргизский")
