"""What the staff board's cards and today's events show, read as plain values.

The cards and events are read by board.listing and drawn by the Jinja2 rows engine with the
words translated once a page: they must say what the models say, in the reader's language.
"""

import re
from datetime import time, timedelta

import pytest

from board.models import HoursException
from tests.board.conftest import at, every_day, make_entry, make_event

pytestmark = pytest.mark.django_db


def get(client, url="/board/", language="en", **params):
    client.cookies["django_language"] = language
    return client.get(url, params, headers={"accept-language": language}).content.decode()


def card_of(html, pk):
    start = html.index(f'id="entry-{pk}"')
    return html[start : html.index("</article>", start)]


def event_of(html, pk):
    start = html.index(f'data-event="{pk}"')
    return html[start : html.index("</li>", start)]


def test_a_card_shows_the_entry_in_the_readers_language(agent_client):
    entry = make_entry(
        "spa",
        "Spa <b>& sauna",
        public=False,
        title_ru="Спа и сауна",
        location_en="Floor 2",  # no Russian: the English one, as the model falls back
        price_note_ru="5 000 ₸",
        phone_extension="214",
        description_ru="Строка один\nСтрока <два>",
        hours=every_day(time(0), time(0)),
    )
    card = card_of(get(agent_client, language="ru"), entry.pk)
    assert '<h3 class="h6 card-title mb-1">Спа и сауна</h3>' in card
    assert "Только для персонала" in card
    assert '<dt class="col-5">Где</dt><dd class="col-7">Floor 2</dd>' in card
    assert '<dt class="col-5">Цена</dt><dd class="col-7">5 000 ₸</dd>' in card
    assert 'Телефон</dt><dd class="col-7"><i class="bi bi-telephone"></i> 214</dd>' in card
    assert "Строка один<br>Строка &lt;два&gt;" in card
    assert f'href="/board/info/{entry.pk}/edit/"' in card and "Изменить" in card
    english = card_of(get(agent_client, language="en"), entry.pk)
    assert "Spa &lt;b&gt;&amp; sauna" in english and "Staff only" in english


def test_a_card_shows_its_status_today_and_week_with_exceptions(agent_client, today):
    entry = make_entry("pool", "Pool", hours=[(d, time(22), time(2)) for d in range(7)])
    HoursException.objects.create(
        entry=entry, date=today + timedelta(days=2), opens=time(9), closes=time(12), note="Works"
    )
    card = card_of(get(agent_client, language="kk"), entry.pk)
    assert "Бүгін" in card  # today's label
    assert "22:00–02:00<sup" in card  # runs into the next day
    assert "data-open=" in card
    day = today + timedelta(days=2)
    assert f"{day.day} " in card and "09:00–12:00 (Works)" in card


def test_only_the_desk_sees_the_edit_button(department_client):
    entry = make_entry("gym", "Gym")
    card = card_of(get(department_client), entry.pk)
    assert "/edit/" not in card and "Edit" not in card


def test_a_card_without_optional_facts_leaves_them_out(agent_client):
    entry = make_entry("wifi", "Wi-Fi", always_open=True)
    card = card_of(get(agent_client), entry.pk)
    assert "Open 24 hours" in card and "around the clock" in card
    assert "Where" not in card and "Price" not in card and "Phone" not in card
    assert "Hours this week" not in card
    assert "Staff only" not in card


def test_todays_events_show_title_badge_times_venue_and_attendance(agent_client, venue, today):
    late = make_event(
        venue, at(today, 22), hours=5, title="Late & party", public=False, title_kk="Кеш"
    )
    early = make_event(venue, at(today, 9), title="Breakfast talk", expected_attendance=1200)
    html = get(agent_client, language="kk")
    item = event_of(html, late.pk)
    assert f'href="/board/events/{late.pk}/">Кеш</a>' in item
    assert "22:00–03:00" in item
    assert re.search(r"22:00–03:00 \(\d+ [^)]+\)", item)  # the day it ends on
    assert "Grand ballroom" in item
    public = event_of(html, early.pk)
    assert "Breakfast talk" in public and "09:00–11:00 ·" in public
    assert 'bi-people"></i> 1200' in public
    assert html.index(f'data-event="{early.pk}"') < html.index(f'data-event="{late.pk}"')
    assert "Частное" in event_of(get(agent_client, language="ru"), late.pk)
    english = get(agent_client)
    assert "Private" in event_of(english, late.pk) and "Public" in event_of(english, early.pk)
    assert "Late &amp; party" in event_of(english, late.pk)


def test_no_events_today_is_said(agent_client):
    assert "No events today." in get(agent_client)
    assert "Бүгін іс-шара жоқ." in get(agent_client, language="kk")
