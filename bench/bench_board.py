"""Staff board and public guest page at 500 entries and events, against the floor.

The guest page is timed twice: from its cache (the usual case) and with the cache cleared
before each request. Pairs are timed alternately in one run (bench/harness.py); everything
it creates is rolled back.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import harness  # noqa: E402

harness.setup()

from django.core.cache import cache  # noqa: E402
from django.utils import timezone  # noqa: E402

from board.models import Event, OpeningHours, ServiceEntry  # noqa: E402
from guestdesk import roles  # noqa: E402

ROWS = 500


def populate(n: int) -> None:
    from tests.board.test_queries import populate as fill

    Event.objects.all().delete()
    OpeningHours.objects.all().delete()
    ServiceEntry.objects.all().delete()
    fill(n, timezone.localdate())


def main() -> dict:
    results: dict = {}
    with harness.rolled_back():
        _user, client = harness.staff_client("bench-board-agent", roles.AGENT)
        guest = harness.client()
        populate(ROWS)
        floor = harness.get(client, harness.FLOOR)
        results["board_vs_floor"] = harness.pair(harness.get(client, "/board/"), floor)
        results["board_search_vs_floor"] = harness.pair(
            harness.get(client, "/board/?q=pool"), floor
        )
        results["guest_vs_floor"] = harness.pair(harness.get(guest, "/guest/"), floor)
        uncached = harness.get(guest, "/guest/")

        def guest_uncached():
            cache.clear()
            return uncached()

        results["guest_uncached_vs_floor"] = harness.pair(guest_uncached, floor)
        results["calendar_vs_floor"] = harness.pair(harness.get(guest, "/guest/events.ics"), floor)
    harness.print_pairs(results)
    return results


if __name__ == "__main__":
    harness.report(main())
