"""The board's events for other apps (found by guestdesk.registry.events_on)."""

from datetime import date

from board.models import Event


def events_on(day: date) -> list[Event]:
    """The events of `day`, with the departments each involves (one query for both)."""
    return list(Event.objects.on_day(day).prefetch_related("departments"))
