import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.vendors.conftest import make_place, make_supplier
from vendors.models import Category, ContractState, Place, Supplier

pytestmark = pytest.mark.django_db


def test_category_codes_are_the_contract_other_apps_rely_on():
    assert set(Category.values) == {
        "air", "rail", "bus", "cruise", "transfer", "car_hire", "taxi", "events",
        "restaurant", "excursion", "permit", "other",
    }  # fmt: skip


def test_it_offers_active_suppliers_of_the_category_preferred_first():
    make_supplier("Zeta Taxi", preferred=True)
    make_supplier("Alpha Taxi")
    make_supplier("Beta Taxi", active=False)
    make_supplier("Transfer Co", categories=["transfer"])
    make_supplier("Both", categories=["transfer", "taxi"])
    names = list(Supplier.objects.for_category("taxi").values_list("name", flat=True))
    assert names == ["Zeta Taxi", "Alpha Taxi", "Both"]


def test_it_computes_commission_in_percent_or_fixed():
    percent = make_supplier(commission_type="percent", commission_value=Decimal("12.5"))
    fixed = make_supplier(commission_type="fixed", commission_value=Decimal("1500"))
    assert percent.commission_for(Decimal("10001")) == Decimal("1250.13")
    assert percent.commission_for(None) == Decimal("0.00")
    assert fixed.commission_for(Decimal("99999")) == Decimal("1500")


@pytest.mark.parametrize(
    ("start", "end", "state"),
    [
        (None, None, ContractState.NONE),
        (-10, 200, ContractState.VALID),
        (-10, 30, ContractState.EXPIRING),
        (-10, 0, ContractState.EXPIRING),
        (-100, -1, ContractState.EXPIRED),
        (5, 100, ContractState.NOT_STARTED),
    ],
)
def test_it_flags_contracts(start, end, state):
    today = datetime.date(2026, 3, 1)
    supplier = Supplier(
        name="X",
        contract_start=today + datetime.timedelta(days=start) if start is not None else None,
        contract_end=today + datetime.timedelta(days=end) if end is not None else None,
    )
    assert supplier.contract_state(today) == state


def test_it_refuses_bad_terms_in_clean_and_in_the_database():
    supplier = Supplier(
        name="X",
        commission_value=Decimal("120"),
        contract_start=datetime.date(2026, 5, 1),
        contract_end=datetime.date(2026, 4, 1),
    )
    with pytest.raises(ValidationError) as error:
        supplier.full_clean()
    assert set(error.value.message_dict) == {"commission_value", "contract_end"}
    with pytest.raises(IntegrityError), transaction.atomic():
        supplier.save()


def test_a_fixed_commission_may_exceed_100():
    Supplier(name="X", commission_type="fixed", commission_value=Decimal("5000")).full_clean()


def test_a_missing_language_falls_back_and_says_which():
    place = make_place("Green Bazaar", name_ru="Зелёный базар", description_en="Market")
    assert place.text("name", "ru") == ("Зелёный базар", "ru")
    assert place.text("name", "kk") == ("Green Bazaar", "en")
    assert place.text("description", "ru") == ("Market", "en")


def test_places_not_verified_for_90_days_need_a_check():
    today = datetime.date(2026, 6, 1)
    make_place("Fresh", last_verified=today - datetime.timedelta(days=90))
    make_place("Stale", last_verified=today - datetime.timedelta(days=91))
    make_place("Never", last_verified=None)
    assert set(Place.objects.needing_check(today).values_list("name_en", flat=True)) == {
        "Stale",
        "Never",
    }
