"""What a department's digest says for a hotel date.

`DayFacts.collect(day)` runs a fixed handful of queries whatever the number of arrivals;
`build(subscription, facts)` then picks, in memory, what one department may see. The
arrivals pages use the same QuerySet methods (arriving_on, departing_on, in_house_on).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import groupby
from types import SimpleNamespace
from typing import Any

from django.template import engines
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from arrivals.models import Guest, Stay
from digests.models import Section
from guestdesk.formatting import day_month
from guestdesk.registry import digest_items_on, events_on

# Email clients ignore the site's stylesheet (vip-<colour> classes), so a digest paints a VIP
# badge with inline styles: the same colours as static/css/guestdesk.css.
VIP_BADGE_STYLES = {
    "red": "background:#b02a37;color:#fff;",
    "orange": "background:#fd7e14;color:#000;",
    "gold": "background:#d4a017;color:#000;",
    "green": "background:#198754;color:#fff;",
    "blue": "background:#0d6efd;color:#fff;",
    "purple": "background:#6f42c1;color:#fff;",
    "grey": "background:#6c757d;color:#fff;",
    "black": "background:#212529;color:#fff;",
}


def vip_badge_style(level) -> str:
    """The inline style of `level`'s badge in an email (grey for an unknown colour)."""
    return VIP_BADGE_STYLES.get(level.colour, VIP_BADGE_STYLES["grey"]) if level else ""


# Preferences each department cares about; others see them all.
PREFERENCES_FOR = {
    "housekeeping": ("room_preference", "pillow_preference"),
    "food-beverage": ("dietary_needs", "allergies"),
}
ALL_PREFERENCES = Guest.PREFERENCES


@dataclass
class DayFacts:
    day: object
    arrivals: list = field(default_factory=list)
    departures: list = field(default_factory=list)
    in_house: list = field(default_factory=list)
    events: list = field(default_factory=list)
    items: list = field(default_factory=list)  # what departments must do (traces)
    # A stay's lines as rendered for one language, phone rule and set of preferences: the
    # same for every department (and every section) that shows them that way.
    lines: dict = field(default_factory=dict)

    @classmethod
    def collect(cls, day):
        """Everything any department's digest for `day` needs, in a fixed number of queries."""
        arrivals = list(
            Stay.objects.arriving_on(day)
            .active()
            .for_lists()
            .prefetch_related("vip_level__departments")
            .by_vip_rank()
        )
        departures = list(Stay.objects.departing_on(day).active().for_lists().order_by("room"))
        in_house = list(Stay.objects.in_house_on(day).birthday_on(day).for_lists())
        return cls(day, arrivals, departures, in_house, events_on(day), digest_items_on(day))


class StayList(list):
    """A section's stays; `html` and `text` are all their lines (each line ends the same way)."""

    @property
    def html(self) -> SafeString:
        language = translation.get_language()
        # Jinja2 escaped every line.
        return mark_safe("".join([row.render(HTML, language) for row in self]))  # noqa: S308

    @property
    def text(self) -> str:
        language = translation.get_language()
        return "".join([row.render(TEXT, language) + "\n" for row in self])


class Items(list):
    """The stays of one of a digest's lists (dietary needs, occasions, transport, security
    notes, departures). These say the same for every department that gets them, so each
    is written once per language and phone rule for the day (DayFacts.lines) by the Jinja2
    "rows" engine, not once per department."""

    def __init__(self, section: str, stays, show_phone: bool, rendered: dict) -> None:
        super().__init__(stays)
        self.section, self.show_phone, self.rendered = section, show_phone, rendered

    def _render(self, template: str) -> str:
        language = translation.get_language()
        pks = tuple(stay.pk for stay in self)
        return _render_once(
            self.rendered,
            ("items", self.section, template, language, self.show_phone, pks),
            template,
            lambda: {
                "section": self.section,
                "stays": self,
                "show_phone": self.show_phone,
                "label": _words(self.rendered, language),
            },
        )

    @property
    def html(self) -> SafeString:
        return mark_safe(self._render(ITEMS_HTML))  # noqa: S308  (Jinja2 escaped it)

    @property
    def text(self) -> str:
        return self._render(ITEMS_TEXT)


@dataclass
class Group:
    level: object
    stays: list


def _preferences(stay, names):
    guest = stay.guest
    return [
        (guest._meta.get_field(name).verbose_name, getattr(guest, name))
        for name in names
        if getattr(guest, name)
    ]


def _words(rendered: dict, language: str | None) -> SimpleNamespace:
    """The words of a digest's stay lines and lists in `language` (the active one), worked
    out once a day and language (the row templates hold no text)."""
    key = ("words", language)
    if key not in rendered:
        nights: dict[int, str] = {}

        def nights_text(n: int) -> str:
            if n not in nights:
                nights[n] = ngettext("%(nights)s night", "%(nights)s nights", n) % {"nights": n}
            return nights[n]

        rendered[key] = SimpleNamespace(
            returning=gettext("returning"),
            room=gettext("room"),
            eta=gettext("ETA"),
            pax=gettext("pax"),
            notes=gettext("Notes"),
            nights=nights_text,
            allergy=gettext("ALLERGY"),
            birthday=gettext("birthday"),
            pickup=gettext("PICKUP NEEDED"),
            day_month=day_month,
        )
    words: SimpleNamespace = rendered[key]
    return words


def _render_once(rendered: dict, key: tuple, template: str, context: Callable[[], dict]) -> str:
    """`template` (a "rows" engine template) rendered with `context()`, once a day per key."""
    if key not in rendered:
        rendered[key] = engines["rows"].get_template(template).render(context())
    text: str = rendered[key]
    return text


# The two ways a stay's lines, and a list's entries, are written (Jinja2 "rows" templates).
HTML = "emails/digest_stay.html"
TEXT = "emails/digest_stay.txt"
ITEMS_HTML = "emails/digest_items.html"
ITEMS_TEXT = "emails/digest_items.txt"


@dataclass
class StayLines:
    """One stay as a digest shows it, rendered once per way of showing it.

    Every department's digest lists the day's arrivals, some in several sections; the
    lines differ only by language, the phone rule and the preferences shown, so each
    variant is rendered once for the day (DayFacts.lines) by the Jinja2 "rows" engine.
    """

    stay: Any
    preferences: list
    vip_style: str
    show_phone: bool
    rendered: dict  # DayFacts.lines
    key: tuple

    def render(self, template: str, language: str | None) -> str:
        """The lines as `template` writes them in `language` (the active one)."""
        return _render_once(
            self.rendered,
            (self.key, template, language),
            template,
            lambda: {"row": self, "stay": self.stay, "label": _words(self.rendered, language)},
        )

    @property
    def html(self) -> SafeString:
        html = self.render(HTML, translation.get_language())
        return mark_safe(html)  # noqa: S308  (Jinja2 escaped it)

    @property
    def text(self) -> str:
        # Plain text, not escaped and not marked safe: only the "text" engine (which does
        # not escape) puts it into the text body.
        return self.render(TEXT, translation.get_language())


def build(subscription, facts):
    """The template context of `subscription`'s digest for the day of `facts`."""
    code = subscription.department.code
    wants = subscription.wants
    vip = [s for s in facts.arrivals if subscription.includes_vip(s.vip_level)]
    names = PREFERENCES_FOR.get(code, ALL_PREFERENCES)
    show_phone = subscription.show_phone_numbers
    rows = {
        stay.pk: StayLines(
            stay,
            _preferences(stay, names),
            vip_badge_style(stay.vip_level),
            show_phone,
            facts.lines,
            (stay.pk, names, show_phone),
        )
        for stay in facts.arrivals
    }
    context = {
        "day": facts.day,
        "department": subscription.department,
        "sections": [s for s in Section.values if wants(s)],
        "show_phone": show_phone,
        "vip_count": len(vip),
        "vip_stay_ids": [s.pk for s in vip],
        "arrival_count": len(facts.arrivals),
        "pax": sum(s.adults + s.children for s in facts.arrivals),
        "items": [i for i in facts.items if i.department_id == subscription.department_id],
    }
    if wants(Section.VIP):
        context["vip_groups"] = [
            Group(level, StayList(rows[s.pk] for s in stays))
            for level, stays in groupby(vip, key=lambda s: s.vip_level)
        ]
    if wants(Section.ARRIVALS):
        context["arrivals"] = StayList(rows[s.pk] for s in facts.arrivals)
    if wants(Section.RETURNING):
        context["returning"] = StayList(rows[s.pk] for s in facts.arrivals if s.is_returning)

    def items(section: str, stays) -> Items:
        return Items(section, stays, show_phone, facts.lines)

    if wants(Section.DIETARY):
        context["dietary"] = items(
            "dietary", [s for s in facts.arrivals if s.guest.dietary_needs or s.guest.allergies]
        )
    if wants(Section.OCCASIONS):
        arriving = [s for s in facts.arrivals if s.guest.occasions or s.birthday_in_stay]
        seen = {s.pk for s in arriving}
        staying = [s for s in facts.in_house if s.pk not in seen]
        context["occasions"] = items("occasions", arriving + staying)
    if wants(Section.TRANSPORT):
        context["transport"] = items(
            "transport", [s for s in facts.arrivals if s.pickup_needed or s.transport_number]
        )
    if wants(Section.SECURITY):
        context["security"] = items("security", [s for s in facts.arrivals if s.security_note])
    if wants(Section.DEPARTURES):
        context["departures"] = items("departures", facts.departures)
    if wants(Section.EVENTS):
        context["events"] = [
            e for e in facts.events if subscription.department in list(e.departments.all())
        ]
    return context
