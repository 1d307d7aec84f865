"""Rows of the board's lists read once in Python, so the templates only print plain values."""

from django.urls import reverse
from django.utils import timezone

from board.models import Event


def url_for_any_pk(name: str) -> tuple[str, str]:
    """(before, after) the pk in the URL of `name`: reversed once a list, not once a row."""
    before, after = reverse(name, kwargs={"pk": 0}).rsplit("/0/", 1)
    return f"{before}/", f"/{after}"


def event_rows(events: list[Event]) -> list[dict]:
    """Today's events as board/_event_item.html prints them (venues selected with them)."""
    before, after = url_for_any_pk("board:event_detail")
    rows = []
    for event in events:
        starts, ends = timezone.localtime(event.starts_at), timezone.localtime(event.ends_at)
        rows.append(
            {
                "pk": event.pk,
                "url": f"{before}{event.pk}{after}",
                "title": event.title,
                "is_public": event.is_public,
                "times": f"{starts:%H:%M}–{ends:%H:%M}",
                # Printed with the date it ends on, in the page's language.
                "ends_on": ends if starts.date() != ends.date() else None,
                "venue": event.venue.name,
                "expected_attendance": event.expected_attendance,
            }
        )
    return rows
