"""The route matrix: every URL of the project, for every role, against tests/routes/*.

URLs come from the resolver, so a new URL without an entry in the table fails here.
"""

from importlib import import_module

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.routes import MODULES, ROLES

SKIPPED_NAMESPACES = {"admin"}  # the admin's own URLs; admin:index is in the table


def url_names(patterns=None, namespace=""):
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace
            if ns in SKIPPED_NAMESPACES:
                continue
            prefix = f"{namespace}{ns}:" if ns else namespace
            yield from url_names(entry.url_patterns, prefix)
        elif isinstance(entry, URLPattern):
            yield (
                f"{namespace}{entry.name}"
                if entry.name
                else f"{namespace}<unnamed {entry.pattern}>"
            )


def table():
    merged = {}
    for name in MODULES:
        module = import_module(f"tests.routes.{name}")
        overlap = merged.keys() & module.ROUTES.keys()
        assert not overlap, f"{name} repeats entries: {overlap}"
        merged.update(module.ROUTES)
    return merged


def test_every_url_has_an_expected_answer():
    names = set(url_names())
    entries = set(table())
    missing = sorted(names - entries - {"admin:index"})
    assert not missing, f"URLs without an entry in tests/routes/: {missing}"
    stale = sorted(entries - names - {"admin:index"})
    assert not stale, f"entries in tests/routes/ for URLs that no longer exist: {stale}"


@pytest.fixture
def users(agent, manager, department_member, administrator):
    return {
        "anonymous": None,
        "agent": agent,
        "manager": manager,
        "department": department_member,
        "admin": administrator,
    }


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_route_matrix(role, users, client):
    world = {}
    for name in MODULES:
        world.update(import_module(f"tests.routes.{name}").world(users))
    if users[role] is not None:
        client.force_login(users[role])
    wrong = []
    for url_name, entry in sorted(table().items()):
        kwargs = entry.get("kwargs", {})
        if callable(kwargs):
            kwargs = kwargs(world)
        url = reverse(url_name, kwargs=kwargs)
        status = client.get(url).status_code
        if status != entry["expect"][role]:
            wrong.append(f"{url_name} {url}: got {status}, expected {entry['expect'][role]}")
    assert not wrong, f"as {role}:\n" + "\n".join(wrong)
