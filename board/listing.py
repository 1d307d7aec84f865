"""Rows of the board's lists read as plain values, so the templates only print them."""

from django.utils import timezone

from board.models import EventQuerySet
from guestdesk.rows import url_around_pk


def event_rows(events: EventQuerySet) -> list[dict]:
    """Events as board/_event_items.html prints them, in one query of plain values.

    The title and the venue's name come in the active language with the same fallback as
    the model's (django-modeltranslation applies it to values() too).
    """
    before, after = url_around_pk("board:event_detail")
    zone = timezone.get_current_timezone()  # looked up once, not twice a row
    rows = []
    for number, title, is_public, starts_at, ends_at, venue, attendance in events.values_list(
        "pk", "title", "is_public", "starts_at", "ends_at", "venue__name", "expected_attendance"
    ):
        starts, ends = starts_at.astimezone(zone), ends_at.astimezone(zone)
        pk = str(number)  # printed as it is, not localized as a number
        rows.append(
            {
                "pk": pk,
                "url": f"{before}{pk}{after}",
                "title": title,
                "is_public": is_public,
                "times": f"{starts:%H:%M}–{ends:%H:%M}",
                # Printed with the date it ends on, in the page's language.
                "ends_on": ends if starts.date() != ends.date() else None,
                "venue": venue,
                "expected_attendance": attendance,
            }
        )
    return rows
