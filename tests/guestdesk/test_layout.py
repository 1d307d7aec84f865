"""One list of apps: what names the apps derives from INSTALLED_APPS or is checked here."""

import re
import tomllib
from pathlib import Path

from django.conf import settings
from setuptools import find_packages

from guestdesk.apps import beat_schedule
from guestdesk.celery import app as celery_app
from guestdesk.i18n import areas, catalogues

BASE = Path(settings.BASE_DIR)


def top_level_apps():
    return {path.parent.name for path in BASE.glob("*/apps.py")}


def test_it_lists_every_top_level_app_once_in_installed_apps():
    assert set(settings.PROJECT_APPS) == top_level_apps()
    assert len(settings.PROJECT_APPS) == len(set(settings.PROJECT_APPS))


def test_no_app_is_nested_inside_another_package():
    nested = sorted(
        str(path.parent.relative_to(BASE))
        for path in BASE.glob("*/*/apps.py")
        if ".venv" not in path.parts
    )
    assert nested == []


def test_the_package_build_finds_exactly_the_apps():
    pyproject = tomllib.loads((BASE / "pyproject.toml").read_text())
    exclude = pyproject["tool"]["setuptools"]["packages"]["find"]["exclude"]
    found = {name for name in find_packages(str(BASE), exclude=exclude) if "." not in name}
    assert found == set(settings.PROJECT_APPS)


def test_the_image_copies_the_whole_tree_before_installing():
    dockerfile = (BASE / "Dockerfile").read_text()
    copy_all = dockerfile.index("COPY . .")
    install = dockerfile.index("pip install")
    assert copy_all < install
    # No app copied by name: the list would drift from INSTALLED_APPS.
    assert not re.search(r"^COPY (?!\. \.)(?!pyproject)", dockerfile, re.M)


def test_every_app_has_a_catalogue_and_a_route_table():
    assert areas() == settings.PROJECT_APPS
    with_catalogue = {path.parents[3].name for path in catalogues()}
    assert with_catalogue == set(settings.PROJECT_APPS)
    assert [BASE / name / "locale" for name in settings.PROJECT_APPS] == settings.LOCALE_PATHS
    for name in settings.PROJECT_APPS:
        assert (BASE / "tests" / "routes" / f"{name}.py").is_file(), name


def test_beat_runs_every_apps_declared_entries_and_each_task_exists():
    schedule = celery_app.conf.beat_schedule
    assert schedule == beat_schedule()
    assert {
        "outbox-retry-stale",
        "imports-resume-stalled",
        "requests-overdue",
        "digests-tick",
    } <= schedule.keys()
    celery_app.loader.import_default_modules()
    for entry in schedule.values():
        assert entry["task"] in celery_app.tasks, entry["task"]
