"""Board workflows: saving an event under a venue lock, the calendar feed, the QR code."""

import io
from datetime import timedelta
from zoneinfo import ZoneInfo

import segno
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from board.models import Event, Venue


class OverlapError(Exception):
    """The venue is taken by other events at that time."""

    def __init__(self, events):
        super().__init__("venue overlap")
        self.events = events


def overlaps(event):
    """Other events in the same venue whose time overlaps `event`'s."""
    return list(
        Event.objects.overlapping(event.venue, event.starts_at, event.ends_at, exclude=event.pk)
        .select_related("venue")
        .order_by("starts_at")
    )


@transaction.atomic
def save_event(form, user, confirm_overlap=False):
    """Save an event form, refusing a venue overlap unless a manager confirmed it.

    form: a valid EventForm; user: who saves; confirm_overlap: the manager ticked the box.
    The venue row is locked, so two desks booking the same hall at once cannot both win.
    """
    event = form.save(commit=False)
    Venue.objects.select_for_update().get(pk=event.venue_id)
    clashes = overlaps(event)
    if clashes and not confirm_overlap:
        raise OverlapError(clashes)
    event.overlap_confirmed_by = user if clashes else None
    if event.created_by_id is None and event.pk is None:
        event.created_by = user
    event.save()
    form.save_m2m()
    return event


def feed_events(now=None):
    """Public events for the calendar feed: the last month and the coming year."""
    now = now or timezone.now()
    return list(
        Event.objects.public()
        .between(now - timedelta(days=31), now + timedelta(days=366))
        .select_related("venue")
        .order_by("starts_at")
    )


def calendar_feed(events, language, host):
    """An RFC 5545 calendar of `events`, in `language`, times in the hotel's time zone."""
    zone = ZoneInfo(settings.TIME_ZONE)
    calendar = Calendar()
    calendar.add("prodid", "-//GuestDesk//Hotel events//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    with translation.override(language):
        calendar.add("x-wr-calname", f"{settings.HOTEL_NAME}")
        calendar.add("x-wr-timezone", settings.TIME_ZONE)
        for event in events:
            item = CalendarEvent()
            item.add("uid", f"event-{event.pk}@{host}")
            item.add("dtstamp", event.updated_at.astimezone(ZoneInfo("UTC")))
            item.add("last-modified", event.updated_at.astimezone(ZoneInfo("UTC")))
            item.add("dtstart", event.starts_at.astimezone(zone))
            item.add("dtend", event.ends_at.astimezone(zone))
            item.add("summary", event.title)
            if event.description:
                item.add("description", event.description)
            item.add("location", event.venue.name)
            calendar.add_component(item)
    # VTIMEZONE components for every TZID used, as RFC 5545 section 3.6.5 requires.
    calendar.add_missing_timezones()
    return calendar.to_ical()


def public_url():
    """The guest page's address as printed on the QR code."""
    return settings.HOTEL_PUBLIC_URL.rstrip("/") + reverse("board:guest")


def qr_svg(url):
    """An SVG QR code of `url` (made locally: the hotel network may be closed)."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=8, border=2, xmldecl=True)
    return buffer.getvalue()


def qr_png(url):
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=10, border=2)
    return buffer.getvalue()
