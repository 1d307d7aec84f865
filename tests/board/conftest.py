"""Board fixtures: venues, entries and events built in the hotel's time zone."""

from datetime import datetime, time, timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from board.models import Event, OpeningHours, ServiceEntry, Venue


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # Rate-limit counters live in the cache; each test starts with none.
    cache.clear()
    yield
    cache.clear()


def at(day, hour, minute=0):
    """An aware datetime at hotel-local `day` `hour:minute`."""
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def make_venue(name="Grand ballroom", **extra):
    return Venue.objects.create(name_en=name, **extra)


def make_event(venue, start, hours=2, title="Jazz night", public=True, **extra):
    return Event.objects.create(
        title_en=title,
        venue=venue,
        starts_at=start,
        ends_at=start + timedelta(hours=hours),
        is_public=public,
        **extra,
    )


def make_entry(category="pool", title="Indoor pool", public=True, hours=(), **extra):
    entry = ServiceEntry.objects.create(
        category=category, title_en=title, is_public=public, **extra
    )
    for weekday, opens, closes in hours:
        OpeningHours.objects.create(entry=entry, weekday=weekday, opens=opens, closes=closes)
    return entry


def every_day(opens, closes):
    return [(d, opens, closes) for d in range(7)]


@pytest.fixture
def venue(db):
    return make_venue()


@pytest.fixture
def today():
    return timezone.localdate()
