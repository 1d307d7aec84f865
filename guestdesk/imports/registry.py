"""The importers apps declare: `IMPORTERS = [...]` in each app's `importer.py`."""

from functools import cache
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps

from guestdesk.imports.engine import Importer


@cache
def importers() -> dict[str, type[Importer]]:
    """Every registered importer by its kind, found once per process."""
    found: dict[str, type[Importer]] = {}
    for config in apps.get_app_configs():
        name = f"{config.name}.importer"
        if find_spec(name):
            for importer in getattr(import_module(name), "IMPORTERS", ()):
                found[importer.kind] = importer
    return found


def importer_for(kind: str) -> type[Importer]:
    return importers()[kind]
