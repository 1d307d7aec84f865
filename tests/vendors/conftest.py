"""Helpers for the vendors tests: suppliers, places, guests and requests made directly."""

import datetime
import itertools
from decimal import Decimal

import pytest
from django.utils import timezone

from vendors.models import Contact, OpeningHours, Place, Supplier

_seq = itertools.count(1)


def make_supplier(name=None, categories=("taxi",), languages=("ru",), **fields):
    supplier = Supplier.objects.create(name=name or f"Supplier {next(_seq)}", **fields)
    supplier.set_categories(categories)
    supplier.set_languages(languages)
    return supplier


def make_contact(supplier, **fields):
    fields.setdefault("name", "Dispatcher")
    return Contact.objects.create(supplier=supplier, **fields)


def make_place(name_en="Place", hours=(), tags=(), **fields):
    fields.setdefault("kind", "cafe")
    fields.setdefault("last_verified", timezone.localdate())
    place = Place.objects.create(name_en=name_en, **fields)
    place.set_tags(tags)
    for weekday, opens, closes in hours:
        OpeningHours.objects.create(
            place=place,
            weekday=weekday,
            opens=datetime.time.fromisoformat(opens),
            closes=datetime.time.fromisoformat(closes),
        )
    return place


def make_guest(**fields):
    from arrivals.models import Guest

    fields.setdefault("first_name", "Мария")
    fields.setdefault("last_name", "Иванова")
    fields.setdefault("language", "ru")
    fields.setdefault("email", "maria@example.com")
    return Guest.objects.create(**fields)


def make_request(supplier, status="done", **fields):
    """A request row as the requests app leaves it, with timestamps under the test's control."""
    from requests_desk.models import ServiceRequest

    now = timezone.now()
    fields.setdefault("created_at", now - datetime.timedelta(hours=5))
    fields.setdefault("due_at", now)
    fields.setdefault("price", Decimal("10000"))
    fields.setdefault("currency", "KZT")
    return ServiceRequest.objects.create(
        number=f"T-{next(_seq):05d}",
        type="taxi",
        walk_in_name="Walk-in guest",
        supplier=supplier,
        status=status,
        **fields,
    )


@pytest.fixture
def guest(db):
    return make_guest()
