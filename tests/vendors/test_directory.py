import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.vendors.conftest import make_contact, make_supplier
from vendors.models import Contact, Supplier, SupplierCategory, SupplierLanguage

pytestmark = pytest.mark.django_db
URL = reverse("vendors:directory")


def names(response):
    return [s.name for s in response.context["suppliers"]]


def test_it_searches_by_name_and_offer(department_client):
    make_supplier("Alem Taxi", offer="Child seats on request")
    make_supplier("City Cabs", offer="Airport runs")
    assert names(department_client.get(URL, {"q": "alem"})) == ["Alem Taxi"]
    assert names(department_client.get(URL, {"q": "child seat"})) == ["Alem Taxi"]


def test_it_filters_by_category_language_preferred_and_status(agent_client):
    make_supplier("Taxi RU", categories=["taxi"], languages=["ru"])
    make_supplier("Taxi EN", categories=["taxi", "transfer"], languages=["en"], preferred=True)
    make_supplier("Old taxi", categories=["taxi"], active=False)
    make_supplier("Tickets", categories=["air"], languages=["en"])
    assert names(agent_client.get(URL, {"category": "taxi"})) == ["Taxi EN", "Taxi RU"]
    assert names(agent_client.get(URL, {"language": "en"})) == ["Taxi EN", "Tickets"]
    assert names(agent_client.get(URL, {"preferred": "on"})) == ["Taxi EN"]
    assert names(agent_client.get(URL, {"status": "inactive"})) == ["Old taxi"]
    assert len(names(agent_client.get(URL, {"status": "all"}))) == 4


def test_it_flags_expiring_and_expired_contracts(agent_client):
    today = timezone.localdate()
    make_supplier("Soon", contract_end=today + datetime.timedelta(days=10))
    make_supplier("Gone", contract_end=today - datetime.timedelta(days=1))
    make_supplier("Fine", contract_end=today + datetime.timedelta(days=100))
    response = agent_client.get(URL)
    html = response.content.decode()
    assert html.count('data-testid="contract-expiring"') == 1
    assert html.count('data-testid="contract-expired"') == 1
    assert names(agent_client.get(URL, {"contract": "expiring"})) == ["Soon"]
    assert names(agent_client.get(URL, {"contract": "expired"})) == ["Gone"]


def test_department_members_read_without_edit_buttons(department_client):
    make_supplier("Alem Taxi")
    response = department_client.get(URL)
    assert response.status_code == 200
    assert "Alem Taxi" in response.content.decode()
    assert reverse("vendors:supplier_create") not in response.content.decode()


def test_outsiders_are_refused(client, outsider):
    client.force_login(outsider)
    assert client.get(URL).status_code == 403


def _many_suppliers(count):
    suppliers = Supplier.objects.bulk_create(
        Supplier(name=f"Supplier {i:04d}", offer="Everything") for i in range(count)
    )
    SupplierCategory.objects.bulk_create(
        SupplierCategory(supplier=s, category=c) for s in suppliers for c in ("taxi", "transfer")
    )
    SupplierLanguage.objects.bulk_create(
        SupplierLanguage(supplier=s, language="ru") for s in suppliers
    )
    Contact.objects.bulk_create(
        Contact(supplier=s, name="Dispatcher", phone="+77010000000") for s in suppliers
    )


@pytest.mark.parametrize("count", [5, 500])
def test_the_directory_runs_a_fixed_number_of_queries(
    count, agent_client, django_assert_max_num_queries
):
    _many_suppliers(count)
    agent_client.get(URL)  # warm the session and role caches
    # session, user, roles; count, suppliers, categories, languages, contacts
    with django_assert_max_num_queries(9):
        response = agent_client.get(URL, {"category": "taxi"})
    html = response.content.decode()
    assert html.count('data-testid="supplier-row"') == min(count, 50)
    assert f"{count} suppliers" in html
    assert ("Page 1 of 10" in html) == (count == 500)
    # Print shows every filtered row, in the same number of queries.
    with django_assert_max_num_queries(9):
        response = agent_client.get(URL, {"category": "taxi", "print": "1"})
    html = response.content.decode()
    assert html.count('data-testid="supplier-row"') == count
    assert "Page 1 of" not in html


def test_pages_follow_the_filters(agent_client):
    _many_suppliers(120)
    make_supplier("Lonely Guide", categories=("guide",))
    response = agent_client.get(URL, {"category": "taxi", "page": "3"})
    html = response.content.decode()
    assert html.count('data-testid="supplier-row"') == 20
    assert "Supplier 0119" in html and "Lonely Guide" not in html
    assert "Page 3 of 3" in html
    # the previous page keeps the filter in its link
    assert "?category=taxi&amp;page=2" in html
    # the search reaches rows beyond the first page
    html = agent_client.get(URL, {"q": "Lonely"}).content.decode()
    assert html.count('data-testid="supplier-row"') == 1 and "Lonely Guide" in html


def test_supplier_page_shows_contacts_and_hides_commission_from_agents(
    agent_client, client, manager
):
    supplier = make_supplier("Alem Taxi", commission_value=12)
    make_contact(supplier, name="Aida", phone="+77011234567", messenger="WhatsApp")
    url = reverse("vendors:supplier", args=[supplier.pk])
    html = agent_client.get(url).content.decode()
    assert "Aida" in html and "+7 701 123 4567" in html
    assert 'data-testid="commission-terms"' not in html
    client.force_login(manager)
    html = client.get(url).content.decode()
    assert 'data-testid="commission-terms"' in html and "12 %" in html


def test_unknown_supplier_is_404(agent_client):
    assert agent_client.get(reverse("vendors:supplier", args=[999])).status_code == 404
