"""Navigation and dashboard registries.

Each app may have a `nav.py` with `ITEMS = [NavItem(...)]`, a `dashboard.py` with
`cards(request)` returning a list of `Card`s, a `panels.py` (see panels_for) and a
`search.py` with `search(request, q)` (see search_for). The project discovers them by app
name, so `guestdesk` never imports an app.
"""

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import import_module
from importlib.util import find_spec
from types import ModuleType
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.urls import reverse

from guestdesk.roles import roles_of

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise


@dataclass(frozen=True)
class NavItem:
    label: "str | StrPromise"
    url_name: str
    roles: tuple
    icon: str = ""
    order: int = 50
    # URL prefixes that mark this item active (defaults to the item's own URL).
    active_prefixes: tuple = field(default_factory=tuple)


@dataclass
class Card:
    """A dashboard card: a template under templates/ and its context, in display order."""

    template: str
    context: dict
    order: int = 50


@dataclass
class SearchResult:
    """One hit of the quick search: what it is, where it leads, and a line of detail."""

    title: str
    url: str
    detail: str = ""
    badge: str = ""


@dataclass
class SearchGroup:
    """The hits one app found for the quick search (guests, stays, requests...)."""

    label: str
    results: list[SearchResult]
    order: int = 50
    # True when the app stopped at its limit: the page says there may be more.
    more: bool = False


@cache
def _modules(name: str) -> tuple[ModuleType, ...]:
    """Each app's module `name` (nav, dashboard, panels), found once per process."""
    found = []
    for config in apps.get_app_configs():
        module_name = f"{config.name}.{name}"
        if find_spec(module_name):
            found.append(import_module(module_name))
    return tuple(found)


def nav_for(request):
    roles = roles_of(request.user)
    items = []
    for module in _modules("nav"):
        for item in module.ITEMS:
            if roles & set(item.roles):
                url = reverse(item.url_name)
                prefixes = item.active_prefixes or (url,)
                match = max((len(p) for p in prefixes if request.path.startswith(p)), default=0)
                items.append({"item": item, "url": url, "match": match, "active": False})
    # Only the most specific item is active (/digests/ is Digests, not Arrivals).
    best = max(items, key=lambda entry: entry["match"], default=None)
    if best and best["match"]:
        best["active"] = True
    return sorted(items, key=lambda entry: entry["item"].order)


def panels_for(request, kind, obj):
    """Panels other apps add to a page about `obj` ("guest" or "stay" pages).

    Each app may have `panels.py` with `panels(request, kind, obj)` returning `Card`s; the
    guest profile shows a guest's requests and recommendation sheets this way without
    arrivals importing the apps that own them.
    """
    cards = []
    for module in _modules("panels"):
        cards.extend(module.panels(request, kind, obj))
    return sorted(cards, key=lambda card: card.order)


def cards_for(request):
    cards = []
    for module in _modules("dashboard"):
        cards.extend(module.cards(request))
    return sorted(cards, key=lambda card: card.order)


def search_for(request, q: str) -> list[SearchGroup]:
    """Every app's quick-search hits for `q` that `request.user` may see, in display order.

    An app contributes with `search.py` defining `search(request, q) -> list[SearchGroup]`;
    a `search.py` without that function (the board's question search) contributes nothing.
    """
    groups: list[SearchGroup] = []
    for module in _modules("search"):
        provider = getattr(module, "search", None)
        if callable(provider):
            groups.extend(group for group in provider(request, q) if group.results)
    return sorted(groups, key=lambda group: group.order)


def events_on(day: date) -> list[Any]:
    """Events on the premises on `day`, from every app with an `events.py` (`events_on(day)`).

    The digests list them for the departments involved (each event has `departments`),
    without digests importing the board that owns them.
    """
    found: list[Any] = []
    for module in _modules("events"):
        found.extend(module.events_on(day))
    return found


def digest_items_on(day: date) -> list[Any]:
    """What departments must do on `day`, from every app with a `digest_items.py`
    (`items_on(day)`); each item has a `department_id` and a `text`. The digests list a
    department's own items without importing the app that owns them (department traces)."""
    found: list[Any] = []
    for module in _modules("digest_items"):
        found.extend(module.items_on(day))
    return found
