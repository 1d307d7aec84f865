"""Shared fixtures: one user per role, service checks, eager Celery by default."""

import os
import socket
from datetime import datetime
from types import SimpleNamespace
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import Group

from guestdesk import roles

PASSWORD = "correct horse battery staple"

# Markers of tests that need the real clock: a browser or a worker process runs beside
# the test, and a clock moved inside pytest would not move theirs.
REAL_CLOCK_MARKERS = ("e2e", "real_clock")
REAL_CLOCK_FIXTURES = {"celery_worker", "live_server", "page"}


def pytest_addoption(parser):
    parser.addoption(
        "--moment",
        default=os.environ.get("GUESTDESK_TEST_MOMENT", ""),
        help=(
            "Run the suite as if the clock read this moment: ISO 8601, hotel time "
            "(TIME_ZONE) when it has no offset, e.g. 2026-12-31T23:50. Tests that need "
            "the real clock are deselected."
        ),
    )


def parse_moment(text):
    """A moment given on the command line, as an aware datetime (hotel time by default)."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(os.environ.get("TIME_ZONE", "Asia/Almaty")))
    return moment


def pytest_configure(config):
    text = config.getoption("--moment")
    if text:
        # tick=True: time goes on from the moment, so timeouts and orderings still work.
        config._moment_travel = time_machine.travel(parse_moment(text), tick=True)
        config._moment_travel.start()


def pytest_unconfigure(config):
    travel = getattr(config, "_moment_travel", None)
    if travel is not None:
        travel.stop()


def pytest_report_header(config):
    text = config.getoption("--moment")
    return (
        f"moment: {parse_moment(text).isoformat()} (real-clock tests deselected)" if text else None
    )


def pytest_collection_modifyitems(config, items):
    if not config.getoption("--moment"):
        return
    kept, real_clock = [], []
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        needs_clock = any(item.get_closest_marker(name) for name in REAL_CLOCK_MARKERS) or bool(
            fixtures & REAL_CLOCK_FIXTURES
        )
        (real_clock if needs_clock else kept).append(item)
    if real_clock:
        config.hook.pytest_deselected(items=real_clock)
        items[:] = kept


def services_required():
    return os.environ.get("GUESTDESK_REQUIRE_SERVICES") == "1"


def need(condition, reason):
    """Skip with `reason` when a service is missing, or fail when CI requires services."""
    if condition:
        return
    if services_required():
        pytest.fail(f"Required service missing (GUESTDESK_REQUIRE_SERVICES=1): {reason}")
    pytest.skip(reason)


def port_open(host, port, timeout=0.5):
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


REDIS_URL = os.environ.get("GUESTDESK_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture(scope="session")
def redis_url():
    parsed = urlparse(REDIS_URL)
    need(port_open(parsed.hostname, parsed.port or 6379), f"no Redis at {REDIS_URL}")
    return REDIS_URL


@pytest.fixture
def postgres(settings):
    need(
        settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
        "this test needs PostgreSQL (set DATABASE_URL or run a local server)",
    )


def reseed():
    """Run the data migrations again (roles, departments, VIP levels).

    Transactional tests (browser, real worker) end with a flush that empties every table,
    including what data migrations created; the next one starts from the seed again.
    """
    from django.apps import apps
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.operations import RunPython

    loader = MigrationLoader(connection, ignore_no_migrations=True)
    for key in sorted(loader.graph.nodes):
        for operation in loader.graph.nodes[key].operations:
            if isinstance(operation, RunPython):
                operation.code(apps, SimpleNamespace(connection=connection))


@pytest.fixture(autouse=True)
def _seeded_after_flush(request):
    marker = request.node.get_closest_marker("django_db")
    transactional = (marker and marker.kwargs.get("transaction")) or any(
        name in request.fixturenames for name in ("transactional_db", "live_server")
    )
    if transactional:
        request.getfixturevalue("transactional_db")
        if not Group.objects.exists():
            reseed()


@pytest.fixture(autouse=True)
def _eager_celery():
    """Tasks run in-process unless a test starts a real worker (see tests/celery_worker)."""
    from guestdesk.celery import app

    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True
    yield


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: cached pages of one test never leak into another
    (test data made with bulk_create sends no signal that would invalidate them)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _english(settings):
    # Tests read English text unless they switch language themselves.
    settings.LANGUAGE_CODE = "en"


def make_user(django_user_model, username, role=None, **extra):
    user = django_user_model.objects.create_user(
        username=username, password=PASSWORD, email=f"{username}@hotel.example", **extra
    )
    if role:
        # get_or_create: transactional tests flush the groups the data migration made.
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    return user


@pytest.fixture
def agent(django_user_model):
    return make_user(django_user_model, "agent", roles.AGENT, first_name="Айгерім")


@pytest.fixture
def manager(django_user_model):
    return make_user(django_user_model, "manager", roles.MANAGER)


@pytest.fixture
def department_member(django_user_model):
    from guestdesk.models import Department

    user = make_user(django_user_model, "hk", roles.DEPARTMENT_MEMBER)
    department, _ = Department.objects.get_or_create(
        code="housekeeping", defaults={"name": "Housekeeping"}
    )
    department.members.add(user)
    return user


@pytest.fixture
def administrator(django_user_model):
    return make_user(
        django_user_model, "admin", roles.ADMINISTRATOR, is_staff=True, is_superuser=True
    )


@pytest.fixture
def outsider(django_user_model):
    """Logged in but holding no role: sees nothing."""
    return make_user(django_user_model, "nobody")


def client_for(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def agent_client(client, agent):
    return client_for(client, agent)


@pytest.fixture
def manager_client(client, manager):
    return client_for(client, manager)


@pytest.fixture
def department_client(client, department_member):
    return client_for(client, department_member)


@pytest.fixture
def admin_client(client, administrator):
    return client_for(client, administrator)


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on loopback; Django sends to it."""
    from tests.services import SMTPServer

    with SMTPServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = server.port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        yield server


@pytest.fixture
def celery_worker(transactional_db, redis_url, settings):
    """Start a real Celery worker process on Redis against the test database.

    Returns a function taking extra environment (e.g. the SMTP server's port).
    """
    from guestdesk.celery import app
    from tests.services import Worker, database_url

    need(
        settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
        "a worker process shares the test database only on PostgreSQL",
    )
    workers = []

    def start(extra_env=None, concurrency=2):
        worker = Worker(
            app, redis_url, database_url(settings.DATABASES["default"]), extra_env, concurrency
        )
        workers.append(worker.__enter__())
        return worker

    yield start
    for worker in workers:
        worker.__exit__()
