"""Supplier figures and the commission report, from rows the requests app keeps."""

import csv
import datetime
import io
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from tests.vendors.conftest import make_request, make_supplier
from vendors import services

pytestmark = pytest.mark.django_db
ALMATY = ZoneInfo("Asia/Almaty")
T0 = datetime.datetime(2026, 3, 10, 9, 0, tzinfo=ALMATY)
H = datetime.timedelta(hours=1)


def booked(supplier, hours_to_book, on_time=True, status="done", **fields):
    booked_at = T0 + hours_to_book * H
    due_at = booked_at + H if on_time else booked_at - H
    return make_request(
        supplier, status=status, created_at=T0, booked_at=booked_at, due_at=due_at, **fields
    )


def test_it_sums_up_a_suppliers_requests():
    supplier = make_supplier()
    booked(supplier, 1, rating=5)
    booked(supplier, 2, rating=3)
    booked(supplier, 4, on_time=False, status="booked")
    make_request(supplier, status="cancelled")
    make_request(supplier, status="failed")
    make_request(supplier, status="new")
    make_request(make_supplier(), status="failed")  # someone else's
    figures = services.performance(supplier)
    assert figures.total == 6
    assert figures.by_status == {
        "new": 1, "in_progress": 0, "booked": 1, "done": 2, "cancelled": 1, "failed": 1,
    }  # fmt: skip
    assert (figures.on_time, figures.with_deadline, figures.on_time_share) == (2, 3, 67)
    assert figures.median_to_booked == 2 * H
    assert (figures.cancelled, figures.failed) == (1, 1)
    assert (figures.average_rating, figures.rated) == (4, 2)


def test_a_supplier_without_requests_has_empty_figures():
    figures = services.performance(make_supplier())
    assert figures.total == 0 and figures.on_time_share is None
    assert figures.median_to_booked is None and figures.average_rating is None


@pytest.mark.parametrize("count", [3, 60])
def test_figures_take_the_same_queries_whatever_the_count(count, django_assert_num_queries):
    supplier = make_supplier()
    for i in range(count):
        booked(supplier, i % 5 + 1, rating=i % 5 + 1)
    with django_assert_num_queries(3):
        services.performance(supplier)


def test_the_supplier_page_shows_the_figures(agent_client):
    supplier = make_supplier()
    booked(supplier, 1, rating=4)
    booked(supplier, 3, on_time=False, rating=2)
    html = agent_client.get(reverse("vendors:supplier", args=[supplier.pk])).content.decode()
    assert "50 %" in html  # booked on time
    assert "2 h 0 min" in html  # median
    assert "3.0 ★" in html


def done(supplier, when, price, currency="KZT", commission=None):
    return make_request(
        supplier, status="done", done_at=when, price=price, currency=currency,
        commission=commission,
    )  # fmt: skip


@pytest.fixture
def month():
    percent = make_supplier("Alem Taxi", commission_type="percent", commission_value=10)
    fixed = make_supplier("Box Office", commission_type="fixed", commission_value=1500)
    march = datetime.datetime(2026, 3, 15, 12, 0, tzinfo=ALMATY)
    rows = [
        done(percent, march, Decimal("10000")),
        done(percent, march, Decimal("2000"), commission=Decimal("50")),  # override
        done(percent, march, Decimal("100"), currency="USD"),
        done(fixed, march, Decimal("30000")),
        # 31 March 20:00 UTC is 1 April 01:00 in Almaty: April's, not March's.
        done(fixed, datetime.datetime(2026, 3, 31, 20, 0, tzinfo=datetime.UTC), Decimal("1")),
        # 28 February 20:00 UTC is 1 March 01:00 in Almaty: March's.
        done(fixed, datetime.datetime(2026, 2, 28, 20, 0, tzinfo=datetime.UTC), Decimal("5000")),
    ]
    make_request(percent, status="booked", price=Decimal("99999"))  # not done
    return percent, fixed, rows


def test_the_commission_report_groups_done_requests_by_supplier(month):
    percent, fixed, rows = month
    report = services.commission_report(2026, 3)
    assert [group.supplier for group in report.suppliers] == [percent, fixed]
    dues = {row.pk: row.commission_due for group in report.suppliers for row in group.rows}
    assert dues == {
        rows[0].pk: Decimal("1000.00"),
        rows[1].pk: Decimal("50.00"),
        rows[2].pk: Decimal("10.00"),
        rows[3].pk: Decimal("1500.00"),
        rows[5].pk: Decimal("1500.00"),
    }
    totals = {t["currency"]: (t["count"], t["price"], t["commission"]) for t in report.totals}
    assert totals == {
        "KZT": (4, Decimal("47000.00"), Decimal("4050.00")),
        "USD": (1, Decimal("100.00"), Decimal("10.00")),
    }
    assert [(t["currency"], t["commission"]) for t in report.suppliers[0].totals] == [
        ("KZT", Decimal("1050.00")),
        ("USD", Decimal("10.00")),
    ]


def test_the_python_and_sql_commission_agree(month):
    for group in services.commission_report(2026, 3).suppliers:
        for row in group.rows:
            if row.commission is None:
                assert row.commission_due == group.supplier.commission_for(row.price)


def test_the_report_page_and_csv_for_managers(manager_client, month):
    url = reverse("vendors:commission", kwargs={"month": "2026-03"})
    html = manager_client.get(url).content.decode()
    assert "Alem Taxi" in html and "Box Office" in html
    response = manager_client.get(reverse("vendors:commission_csv", kwargs={"month": "2026-03"}))
    assert response["Content-Disposition"] == 'attachment; filename="commission-2026-03.csv"'
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert lines[0][:3] == ["Supplier", "Request", "Done"]
    assert len(lines) == 1 + 5 + 2  # header, rows, a total per currency
    assert lines[-2][0] == "Total" and lines[-2][4:6] == ["KZT", "4050.00"]


@pytest.mark.parametrize("client_fixture", ["agent_client", "department_client"])
def test_commission_is_for_managers_only(request, client_fixture, month):
    client = request.getfixturevalue(client_fixture)
    for name in ("vendors:commission", "vendors:commission_csv"):
        assert client.get(reverse(name, kwargs={"month": "2026-03"})).status_code == 403
    assert client.get(reverse("vendors:commission_current")).status_code == 403


def test_a_month_out_of_range_is_404(manager_client):
    assert manager_client.get("/vendors/commission/2026-13/").status_code == 404
    assert manager_client.get("/vendors/commission/1999-01/").status_code == 404


def test_the_report_runs_the_same_queries_for_many_rows(
    manager_client, django_assert_max_num_queries
):
    suppliers = [make_supplier() for _ in range(5)]
    when = datetime.datetime(2026, 3, 15, 12, 0, tzinfo=ALMATY)
    for i in range(100):
        done(suppliers[i % 5], when, Decimal("1000"))
    url = reverse("vendors:commission", kwargs={"month": "2026-03"})
    manager_client.get(url)
    # session, user, roles; subtotals (the month's totals are their sums), the page's rows
    with django_assert_max_num_queries(5):
        manager_client.get(url)


def test_a_long_report_shows_50_suppliers_a_page_with_the_whole_months_totals(manager_client):
    when = datetime.datetime(2026, 3, 15, 12, 0, tzinfo=ALMATY)
    for i in range(55):
        done(make_supplier(name=f"Supplier {i:02d}"), when, Decimal("1000"))
    url = reverse("vendors:commission", kwargs={"month": "2026-03"})

    first = manager_client.get(url).content.decode()
    assert first.count('data-testid="commission-supplier"') == 50
    assert "Supplier 00" in first and "Supplier 50" not in first
    assert 'data-testid="pager"' in first and 'data-testid="print-all"' in first
    totals = first[first.index('data-testid="commission-totals"') :]
    assert ">55<" in totals  # the month's requests, all pages

    second = manager_client.get(url, {"page": 2}).content.decode()
    assert second.count('data-testid="commission-supplier"') == 5
    assert "Supplier 54" in second and "Supplier 00" not in second

    printed = manager_client.get(url, {"print": 1}).content.decode()
    assert printed.count('data-testid="commission-supplier"') == 55
    assert 'data-testid="pager"' not in printed
