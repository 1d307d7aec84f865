"""Guest self-service fixtures: a guest in house, speaking Kazakh, and their signed link."""

from datetime import timedelta
from itertools import count

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from arrivals.models import Guest, Stay
from guestportal.links import token_for

_seq = count(1)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # Rate-limit counters live in the cache; each test starts with none.
    cache.clear()
    yield
    cache.clear()


def make_stay(last_name="Nurlanova", room="312", language="kk", status="in_house", **extra):
    today = timezone.localdate()
    guest = Guest.objects.create(
        first_name=extra.pop("first_name", "Aigerim"),
        last_name=last_name,
        language=language,
        email=extra.pop("email", f"guest{next(_seq)}@guest.example"),
    )
    return Stay.objects.create(
        guest=guest,
        confirmation_number=extra.pop("confirmation_number", f"GP{next(_seq):06d}"),
        room=room,
        arrival_date=extra.pop("arrival_date", today - timedelta(days=1)),
        departure_date=extra.pop("departure_date", today + timedelta(days=3)),
        status=status,
        **extra,
    )


def home_url(stay, **query):
    url = reverse("guestportal:home", args=[token_for(stay)])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


@pytest.fixture
def stay(db):
    return make_stay()
