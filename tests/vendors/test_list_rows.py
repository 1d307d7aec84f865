"""What the directory, the guide and the commission report show, read as plain values.

The rows are read by vendors.list_rows and drawn by the Jinja2 rows engine with words
translated in the view: they must say what the models say, in the reader's language.
"""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone, translation

from guestdesk.formatting import money
from tests.vendors.conftest import make_contact, make_place, make_request, make_supplier
from vendors import list_rows, services
from vendors.models import Place, Supplier

pytestmark = pytest.mark.django_db
ALMATY = ZoneInfo("Asia/Almaty")
# Tuesday 10 March 2026, 17:00 in Almaty.
NOW = datetime.datetime(2026, 3, 10, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def get(client, url, language="en", **params):
    client.cookies["django_language"] = language
    return client.get(url, params, headers={"accept-language": language}).content.decode()


def row_of(html, text):
    """The table row (or card) of `html` that holds `text`."""
    at = html.index(text)
    start = max(html.rfind("<tr", 0, at), html.rfind('<div class="col-md-6', 0, at))
    closing = "</tr>" if html.startswith("<tr", start) else "</div></div>"
    end = html.find(closing, at)
    return html[start:end]


# ---------------------------------------------------------------------------------------
# Directory


def test_a_directory_row_shows_the_supplier_in_the_readers_language(agent_client):
    today = timezone.localdate()
    supplier = make_supplier(
        "Alem <Taxi>",
        categories=["transfer", "taxi"],
        languages=["en"],
        offer="Child seats & boosters",
        preferred=True,
        contract_end=today + datetime.timedelta(days=10),
    )
    make_contact(supplier, name="Aida", phone="+77011234567")
    make_contact(supplier, name="Second")  # only the first contact is listed
    html = get(agent_client, reverse("vendors:directory"), "ru")
    row = row_of(html, "Alem &lt;Taxi&gt;")
    assert f'href="{reverse("vendors:supplier", args=[supplier.pk])}"' in row
    assert 'title="Предпочтительный"' in row
    assert "Child seats &amp; boosters" in row
    assert row.index("Такси") < row.index("Трансферы")  # in code order, translated
    assert "Aida" in row and "Second" not in row
    assert '<a href="tel:+7 701 123 4567">+7 701 123 4567</a>' in row
    assert ">en<" in row
    end = (today + datetime.timedelta(days=10)).strftime("%d.%m.%Y")
    assert f"Договор до {end}" in row and 'data-testid="contract-expiring"' in row
    assert "contract-row-expiring" in row


@pytest.mark.parametrize(
    ("fields", "shown", "hidden"),
    [
        ({"contract_end": -1}, ['data-testid="contract-expired"', "Contract expired"], []),
        ({"contract_start": 5}, ["Contract not started"], ["contract-expired"]),
        ({"contract_end": 100}, ["{end}"], ["contract-expiring", "Contract ends"]),
        ({}, [], ["badge fs-small", "{end}"]),
    ],
)
def test_a_directory_row_shows_its_contract_as_the_supplier_page_does(
    agent_client, fields, shown, hidden
):
    today = timezone.localdate()
    days = {name: today + datetime.timedelta(days=n) for name, n in fields.items()}
    supplier = make_supplier("Contracted", **days)
    end = days["contract_end"].strftime("%d.%m.%Y") if "contract_end" in days else "none"
    row = row_of(get(agent_client, reverse("vendors:directory")), ">Contracted<")
    for text in shown:
        assert text.format(end=end) in row
    for text in hidden:
        assert text.format(end=end) not in row
    [listed] = list_rows.supplier_rows(
        list_rows.supplier_values(Supplier.objects.filter(pk=supplier.pk)), today
    )
    assert listed.state == supplier.contract_state(today)


def test_without_a_contact_person_the_row_gives_the_main_phone(agent_client):
    supplier = make_supplier("Phone only", phone="+77272770008", active=False)
    row = row_of(get(agent_client, reverse("vendors:directory"), status="all"), ">Phone only<")
    shown = str(Supplier.objects.get(pk=supplier.pk).phone)  # as the supplier's page shows it
    assert shown == "+7 7272 77 00 08"
    assert f'<a href="tel:{shown}">{shown}</a>' in row
    assert "text-muted" in row and ">Inactive<" in row


def test_the_rows_categories_and_languages_are_the_models(agent_client):
    make_supplier("Many", categories=["air", "rail", "taxi"], languages=["kk", "ru", "zh"])
    supplier = Supplier.objects.get()
    with translation.override("kk"):
        [row] = list_rows.supplier_rows(
            list_rows.supplier_values(Supplier.objects.all()), timezone.localdate()
        )
        assert row.categories == [str(label) for label in supplier.categories]
    assert sorted(row.languages.split()) == sorted(supplier.language_codes)


def test_an_empty_directory_says_so_in_russian(agent_client):
    html = get(agent_client, reverse("vendors:directory"), "ru")
    assert "Нет поставщиков, подходящих под фильтры." in html


# ---------------------------------------------------------------------------------------
# Local guide


def test_a_guide_card_shows_the_place_in_the_readers_language(agent_client):
    place = make_place(
        "Navat",
        name_ru="Нават",
        description_en="Plov & lagman",
        kind="restaurant",
        price_level=2,
        walking_minutes=7,
        tags=["wheelchair", "halal"],
        hours=[(1, "10:00", "01:00")],
        address="Zhibek Zholy 50",
    )
    card = row_of(get(agent_client, reverse("vendors:guide"), "ru"), "Нават")
    assert f'href="{reverse("vendors:place", args=[place.pk])}"' in card
    assert 'data-testid="fallback"' not in card
    # The description is only in English: shown, marked as such.
    assert 'data-testid="fallback-description"' in card and ">EN<" in card
    assert "Plov &amp; lagman" in card
    assert "Ресторан" in card and 'title="$$ средне"' in card and ">$$<" in card
    assert "7 мин" in card and "Сейчас открыто" in card
    assert card.index("Халяль") < card.index("Доступно для колясок")  # code order
    assert "Zhibek Zholy 50" in card
    assert f"Последняя проверка {timezone.localdate():%d.%m.%Y}" in card
    assert 'data-testid="check-me"' not in card


def test_a_guide_card_without_checks_or_translation_says_so(agent_client):
    make_place("Bazaar", last_verified=None, price_level=0, active=False)
    card = row_of(get(agent_client, reverse("vendors:guide"), "kk", inactive="on"), "Bazaar")
    assert 'data-testid="fallback"' in card and ">EN<" in card
    assert 'data-testid="check-me"' in card
    assert "Қазір ашық" not in card
    assert "opacity-75" in card


@pytest.mark.parametrize(
    "moment",
    [
        datetime.datetime(2026, 3, 9, 23, 30, tzinfo=ALMATY),  # Monday night, Sunday's period
        datetime.datetime(2026, 3, 10, 0, 30, tzinfo=ALMATY),  # Tuesday, after midnight
        datetime.datetime(2026, 3, 10, 9, 0, tzinfo=ALMATY),
        datetime.datetime(2026, 3, 10, 12, 0, tzinfo=ALMATY),
        datetime.datetime(2026, 3, 15, 23, 0, tzinfo=ALMATY),  # Sunday
    ],
)
def test_open_now_on_the_cards_is_the_places_own_answer(moment):
    make_place("Breakfast", hours=[(1, "07:00", "11:00")])
    make_place("Bar", hours=[(0, "18:00", "02:00"), (6, "22:00", "02:00")])
    make_place("Always", hours=[(d, "00:00", "00:00") for d in range(7)])
    make_place("Never")
    values = list_rows.place_values(list(Place.objects.values_list("pk", flat=True)), moment)
    rows = list_rows.place_rows(values, "en", datetime.date(2000, 1, 1))
    places = {place.pk: place for place in Place.objects.for_listing()}
    assert rows
    for row in rows:
        assert row.open_now == places[row.pk].is_open_at(moment), row.name_en


# ---------------------------------------------------------------------------------------
# Commission report


def test_a_commission_card_shows_its_requests_in_russian(manager_client):
    taxi = make_supplier("Alem Taxi", commission_type="percent", commission_value=10)
    march = datetime.datetime(2026, 3, 5, 20, 30, tzinfo=datetime.UTC)  # 6 March, 01:30
    first = make_request(taxi, done_at=march, price=Decimal("12000"))
    make_request(taxi, done_at=march, price=None, commission=Decimal("500"))
    html = get(manager_client, reverse("vendors:commission", kwargs={"month": "2026-03"}), "ru")
    card = html[html.index('data-testid="commission-supplier"') :]
    assert f'href="{reverse("vendors:supplier", args=[taxi.pk])}"' in card
    assert f'<a href="{first.get_absolute_url()}">{first.number}</a>' in card
    with translation.override("ru"):  # 12 000,00 KZT, grouped and spaced as in Russian
        price, due, row_due = (money(Decimal(v), "KZT") for v in ("12000", "1700", "1200"))
    assert price == "12\xa0000,00\xa0KZT"
    assert f"2 заявки · {price} · <strong>{due}</strong>" in card
    assert "06.03.2026 01:30" in card
    assert f">{row_due}<" in card and ">10 % от цены<" in card
    assert ">—<" in card and "указана в заявке" in card  # no price; commission set on it
    assert "<th>Заявка</th>" in card and "Основание" in card


@pytest.mark.parametrize(
    ("value", "language", "shown"),
    [("10", "en", "10 % of the price"), ("12.5", "ru", "12,5 % от цены"), ("0", "en", "0 %")],
)
def test_the_commission_basis_prints_the_percent_as_the_supplier_page_does(
    manager_client, value, language, shown
):
    supplier = make_supplier("Percent", commission_type="percent", commission_value=value)
    make_request(supplier, done_at=NOW, price=Decimal("1000"))
    url = reverse("vendors:commission", kwargs={"month": "2026-03"})
    assert shown in get(manager_client, url, language)
    csv = manager_client.get(reverse("vendors:commission_csv", kwargs={"month": "2026-03"}))
    assert "E+" not in csv.content.decode("utf-8-sig")


def test_each_row_gives_its_own_basis_when_suppliers_terms_differ(manager_client):
    terms = [("percent", "10"), ("percent", "10"), ("percent", "15"), ("fixed", "10")]
    for n, (kind, value) in enumerate(terms):
        supplier = make_supplier(f"S{n}", commission_type=kind, commission_value=value)
        make_request(supplier, done_at=NOW, price=Decimal("1000"))
    later = NOW + datetime.timedelta(minutes=1)
    make_request(supplier, done_at=later, price=Decimal("1000"), commission=Decimal("1"))
    html = get(manager_client, reverse("vendors:commission", kwargs={"month": "2026-03"}))
    cards = html.split('data-testid="commission-supplier"')[1:]
    bases = [
        [cell.split("<")[0] for cell in card.split('<td class="small text-muted">')[1:]]
        for card in cards
    ]
    assert bases == [
        ["10 % of the price"],
        ["10 % of the price"],
        ["15 % of the price"],
        ["fixed per booking", "set on the request"],
    ]


def test_the_months_totals_add_up_every_suppliers_subtotals():
    first, second = make_supplier("First"), make_supplier("Second", commission_type="fixed")
    Supplier.objects.filter(pk=second.pk).update(commission_value=Decimal("300"))
    make_request(first, done_at=NOW, price=Decimal("1000.10"))
    make_request(second, done_at=NOW, price=Decimal("99.95"))
    make_request(second, done_at=NOW, price=None, currency="USD")  # no price at all in USD
    make_request(first, done_at=NOW, price=Decimal("5"), status="booked")  # not done
    report = services.commission_report(2026, 3)
    totals = {t["currency"]: (t["count"], t["price"], t["commission"]) for t in report.totals}
    assert totals == {
        "KZT": (2, Decimal("1100.05"), Decimal("300.00")),  # first's commission is 0 %
        "USD": (1, None, Decimal("300.00")),
    }
    assert [t["currency"] for t in report.totals] == ["KZT", "USD"]


def test_a_figure_shown_twice_keeps_its_currency_and_its_cents(manager_client):
    taxi = make_supplier("Taxi", commission_type="fixed", commission_value=Decimal("1000"))
    make_request(taxi, done_at=NOW, price=Decimal("1000"))  # price equals the fixed fee
    later, last = NOW + datetime.timedelta(minutes=1), NOW + datetime.timedelta(minutes=2)
    make_request(taxi, done_at=later, price=Decimal("1000.00"), currency="USD")
    make_request(taxi, done_at=last, price=Decimal("999.99"), commission=Decimal("1000.5"))
    html = get(manager_client, reverse("vendors:commission", kwargs={"month": "2026-03"}), "ru")
    card = html[html.index('data-testid="commission-supplier"') :]
    card = card[: card.index("</table>")]
    with translation.override("ru"):
        kzt, usd = money(Decimal("1000"), "KZT"), money(Decimal("1000"), "USD")
        odd, subtotal = money(Decimal("1000.5"), "KZT"), money(Decimal("2000.5"), "KZT")
    cells = [cell.split("<")[0] for cell in card.split('<td class="text-end">')[1:]]
    assert cells == [kzt, kzt, usd, usd, money_ru("999.99", "KZT"), odd]
    assert f"{money_ru('1999.99', 'KZT')} · <strong>{subtotal}</strong>" in card


def test_a_later_page_shows_its_own_suppliers_subtotals_and_the_whole_months_totals(
    manager_client,
):
    for n in range(52):
        supplier = make_supplier(f"Supplier {n:02d}", commission_type="fixed")
        Supplier.objects.filter(pk=supplier.pk).update(commission_value=Decimal(n + 1))
        make_request(supplier, done_at=NOW, price=Decimal(100 * (n + 1)))
    url = reverse("vendors:commission", kwargs={"month": "2026-03"})
    html = get(manager_client, url, page=2)
    cards = html.split('data-testid="commission-supplier"')[1:]
    assert len(cards) == 2
    for card, n in zip(cards, (50, 51), strict=True):
        assert f"Supplier {n:02d}" in card
        price, due = money(Decimal(100 * (n + 1)), "KZT"), money(Decimal(n + 1), "KZT")
        assert f"1 request · {price} · <strong>{due}</strong>" in card
    totals = html[html.index('data-testid="commission-totals"') :]
    price, due = money(Decimal(100 * sum(range(1, 53)))), money(Decimal(sum(range(1, 53))))
    assert f'>52</td><td class="text-end">{price}</td><td class="text-end fw-bold">{due}<' in totals


def money_ru(value, currency):
    with translation.override("ru"):
        return money(Decimal(value), currency)


def test_a_month_without_commission_says_so(manager_client):
    html = get(manager_client, reverse("vendors:commission", kwargs={"month": "2026-03"}), "kk")
    assert 'data-testid="no-commission"' in html
