import pytest
from django.urls import reverse

from tests.vendors.conftest import make_supplier
from vendors.models import Contact, Supplier

pytestmark = pytest.mark.django_db
CREATE = reverse("vendors:supplier_create")


def form_data(**overrides):
    data = {
        "name": "Alem Taxi",
        "categories": ["taxi"],
        "languages": ["ru", "en"],
        "offer": "City taxi",
        "commission_type": "percent",
        "commission_value": "10",
        "contract_start": "2026-01-01",
        "contract_end": "2026-12-31",
        "active": "on",
        "contacts-TOTAL_FORMS": "2",
        "contacts-INITIAL_FORMS": "0",
        "contacts-MIN_NUM_FORMS": "0",
        "contacts-MAX_NUM_FORMS": "30",
        "contacts-0-name": "Aida",
        "contacts-0-role": "Dispatcher",
        "contacts-0-phone": "+7 701 123 45 67",
        "contacts-0-email": "aida@alem.example",
        "contacts-0-messenger": "WhatsApp",
    }
    data.update(overrides)
    return data


def test_it_saves_a_supplier_with_contacts_and_categories(manager_client):
    response = manager_client.post(CREATE, form_data())
    supplier = Supplier.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("vendors:supplier", args=[supplier.pk])
    assert supplier.category_codes == ["taxi"]
    assert sorted(supplier.language_codes) == ["en", "ru"]
    assert supplier.commission_value == 10
    contact = supplier.contacts.get()
    assert (contact.name, contact.phone.as_e164) == ("Aida", "+77011234567")


def test_agents_edit_suppliers_but_not_commission_terms(agent_client):
    response = agent_client.get(CREATE)
    assert "commission_value" not in response.content.decode()
    agent_client.post(CREATE, form_data(commission_value="90", commission_type="fixed"))
    supplier = Supplier.objects.get()
    assert (supplier.commission_type, supplier.commission_value) == ("percent", 0)


def test_editing_keeps_commission_an_agent_cannot_see(agent_client):
    supplier = make_supplier("Alem Taxi", commission_value=15)
    data = form_data(name="Alem Taxi 2")
    data["contacts-TOTAL_FORMS"] = "0"
    response = agent_client.post(reverse("vendors:supplier_edit", args=[supplier.pk]), data)
    assert response.status_code == 302
    supplier.refresh_from_db()
    assert (supplier.name, supplier.commission_value) == ("Alem Taxi 2", 15)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"contacts-0-email": "not-an-email"}, "email", "Enter a valid email address."),
        ({"contacts-0-phone": "12"}, "phone", "Enter a valid phone number"),
        ({"contract_end": "2025-12-31"}, "contract_end", "cannot end before it starts"),
        ({"commission_value": "101"}, "commission_value", "cannot exceed 100"),
        ({"commission_value": "-1"}, "commission_value", "cannot be negative"),
        ({"categories": []}, "categories", "Choose at least one category."),
        ({"email": "x@"}, "email", "Enter a valid email address."),
    ],
)
def test_bad_input_is_explained_and_nothing_is_saved(manager_client, overrides, field, message):
    response = manager_client.post(CREATE, form_data(**overrides))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Nothing was saved" in html
    assert not Supplier.objects.exists()
    assert not Contact.objects.exists()


def test_a_failing_contact_row_leaves_the_supplier_unchanged(manager_client):
    supplier = make_supplier("Alem Taxi")
    data = form_data(name="Renamed", **{"contacts-0-email": "broken"})
    manager_client.post(reverse("vendors:supplier_edit", args=[supplier.pk]), data)
    supplier.refresh_from_db()
    assert supplier.name == "Alem Taxi"
    assert not supplier.contacts.exists()


def test_department_members_cannot_create_or_edit(department_client):
    supplier = make_supplier("Alem Taxi")
    assert department_client.get(CREATE).status_code == 403
    assert department_client.post(CREATE, form_data(name="New")).status_code == 403
    edit = reverse("vendors:supplier_edit", args=[supplier.pk])
    assert department_client.post(edit, form_data(name="Hacked")).status_code == 403
    assert list(Supplier.objects.values_list("name", flat=True)) == ["Alem Taxi"]


def test_deleting_a_contact(manager_client):
    supplier = make_supplier("Alem Taxi")
    contact = supplier.contacts.create(name="Old")
    data = form_data(
        **{
            "contacts-TOTAL_FORMS": "1",
            "contacts-INITIAL_FORMS": "1",
            "contacts-0-id": str(contact.pk),
            "contacts-0-name": "Old",
            "contacts-0-email": "",
            "contacts-0-phone": "",
            "contacts-0-DELETE": "on",
        }
    )
    response = manager_client.post(reverse("vendors:supplier_edit", args=[supplier.pk]), data)
    assert response.status_code == 302
    assert not supplier.contacts.exists()
