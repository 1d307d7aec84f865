from tests.routes import DESK, DESK_POST_ONLY, EVERY_STAFF, PUBLIC

ROUTES = {
    "board:index": {"expect": EVERY_STAFF},
    "board:day": {"expect": EVERY_STAFF},
    "board:week": {"expect": EVERY_STAFF},
    "board:event_create": {"expect": DESK},
    "board:event_detail": {"kwargs": lambda w: {"pk": w["event"].pk}, "expect": EVERY_STAFF},
    "board:event_edit": {"kwargs": lambda w: {"pk": w["event"].pk}, "expect": DESK},
    "board:event_delete": {"kwargs": lambda w: {"pk": w["event"].pk}, "expect": DESK_POST_ONLY},
    "board:entry_create": {"expect": DESK},
    "board:entry_edit": {"kwargs": lambda w: {"pk": w["entry"].pk}, "expect": DESK},
    "board:entry_delete": {"kwargs": lambda w: {"pk": w["entry"].pk}, "expect": DESK_POST_ONLY},
    "board:venues": {"expect": EVERY_STAFF},
    "board:venue_create": {"expect": DESK},
    "board:venue_edit": {"kwargs": lambda w: {"pk": w["venue"].pk}, "expect": DESK},
    # The guest pages: public, whoever asks.
    "board:guest": {"expect": PUBLIC},
    "board:guest_print": {"expect": PUBLIC},
    "board:guest_ics": {"expect": PUBLIC},
    "board:guest_qr": {"expect": PUBLIC},
    "board:guest_qr_png": {"expect": PUBLIC},
}


def world(users):
    from datetime import timedelta

    from django.utils import timezone

    from board.models import Event, ServiceEntry, Venue

    venue = Venue.objects.create(name_en="Ballroom")
    start = timezone.now() + timedelta(hours=1)
    event = Event.objects.create(
        title_en="Jazz night", venue=venue, starts_at=start, ends_at=start + timedelta(hours=2)
    )
    entry = ServiceEntry.objects.create(category="pool", title_en="Pool")
    return {"venue": venue, "event": event, "entry": entry}
