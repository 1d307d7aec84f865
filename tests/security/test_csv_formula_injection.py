"""CSV formula injection: a cell an attacker controls never opens as a formula."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from guestdesk.csv import cell, csv_response
from tests.arrivals.factories import StayFactory
from tests.vendors.conftest import make_request, make_supplier

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 3, 2)
FORMULAS = [
    '=HYPERLINK("https://evil.example","x")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("value", FORMULAS)
def test_it_quotes_a_cell_that_starts_a_formula(value):
    assert cell(value) == "'" + value


@pytest.mark.parametrize(
    "value", ["+7 701 123 45 67", "+7 (701) 123-45-67", "-1500.00", "+77011234567", "-5"]
)
def test_it_leaves_phone_numbers_and_signed_numbers_as_they_are(value):
    assert cell(value) == value


@pytest.mark.parametrize(
    "value", ["Айгерім", "a=b", "C000123", "", "7 701 123 45 67", "user@hotel.example"]
)
def test_it_leaves_ordinary_text_as_it_is(value):
    assert cell(value) == value


def test_numbers_and_empty_cells_pass_through():
    assert cell(5) == 5 and cell(None) == ""


def test_the_response_is_utf8_with_a_bom_and_a_safe_file_name():
    response = csv_response('Отчёт "март"\r\n.csv', ["Гость"], [["=1+1", "+7 701 123 45 67"]])
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename*=utf-8''")
    assert (
        "\r" not in response["Content-Disposition"] and "\n" not in response["Content-Disposition"]
    )
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [["Гость"], ["'=1+1", "+7 701 123 45 67"]]


def read(response):
    assert response.status_code == 200
    assert response.content.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.parametrize(
    "name", ["arrivals:export", "arrivals:in_house_export", "arrivals:departures_export"]
)
def test_the_stay_lists_export_no_formula(agent_client, name):
    StayFactory(
        guest__first_name='=HYPERLINK("https://evil.example"',
        guest__last_name="x)",
        guest__phone="+77011234567",
        company="@SUM(1+1)",
        special_attention="-2+3+cmd|' /C calc'!A0",
        arrival_date=DAY,
        departure_date=DAY + datetime.timedelta(days=1),
        status="in_house" if "in_house" in name else "expected",
    )
    day = DAY if name != "arrivals:departures_export" else DAY + datetime.timedelta(days=1)
    if name == "arrivals:in_house_export":
        day = DAY
    rows = read(agent_client.get(reverse(name, kwargs={"day": day})))
    assert len(rows) == 2, rows
    header, row = rows
    values = dict(zip(header, row, strict=True))
    assert values["Guest"] == '\'=HYPERLINK("https://evil.example" x)'
    assert values["Company"] == "'@SUM(1+1)"
    assert values["Special attention"] == "'-2+3+cmd|' /C calc'!A0"
    assert values["Phone"] == "+7 701 123 4567"  # a phone stays readable


def test_the_commission_export_has_no_formula(manager_client):
    supplier = make_supplier(name="=cmd|' /C calc'!A0")
    make_request(supplier, done_at=datetime.datetime(2026, 3, 10, 9, tzinfo=datetime.UTC))
    url = reverse("vendors:commission_csv", kwargs={"month": "2026-03"})
    rows = read(manager_client.get(url))
    assert rows[1][0] == "'=cmd|' /C calc'!A0"
