"""Guest flow: arrivals, departures, in-house guests and VIPs per day, for a window of days."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta

from django.utils.translation import gettext as _

from arrivals.models import Stay
from guestdesk.charts import bar, chart, line


@dataclass
class Day:
    day: object
    arrivals: int = 0
    departures: int = 0
    in_house: int = 0
    vip_arrivals: int = 0
    returning: int = 0
    nationalities: Counter = field(default_factory=Counter)

    @property
    def returning_share(self):
        return round(100 * self.returning / self.arrivals) if self.arrivals else 0

    @property
    def top_nationalities(self):
        return [code for code, _count in self.nationalities.most_common(3) if code]


def figures(first, last):
    """One Day per date from `first` to `last`, from a single query over the stays."""
    days = {}
    current = first
    while current <= last:
        days[current] = Day(current)
        current += timedelta(days=1)
    stays = (
        Stay.objects.active()
        .filter(arrival_date__lte=last, departure_date__gte=first)
        .with_returning()
        # The plugin does not follow the annotation through with_returning()'s Self.
        .values_list(  # type: ignore[misc]
            "arrival_date", "departure_date", "vip_level_id", "is_returning", "guest__nationality"
        )
    )
    for arrival, departure, vip, returning, nationality in stays:
        if arrival in days:
            entry = days[arrival]
            entry.arrivals += 1
            entry.vip_arrivals += bool(vip)
            entry.returning += bool(returning)
            entry.nationalities[nationality] += 1
        if departure in days:
            days[departure].departures += 1
        night = max(arrival, first)
        while night < departure and night <= last:
            days[night].in_house += 1
            night += timedelta(days=1)
    return list(days.values())


def chart_data(days):
    """The chart static/js/guestdesk.js draws (passed with json_script)."""
    return chart(
        [d.day.isoformat() for d in days],
        [
            bar(_("Arrivals"), [d.arrivals for d in days], "#0d6efd"),
            bar(_("Departures"), [d.departures for d in days], "#adb5bd"),
            bar(_("VIP arrivals"), [d.vip_arrivals for d in days], "#d4a017"),
            line(_("In house"), [d.in_house for d in days], "#198754"),
        ],
    )
