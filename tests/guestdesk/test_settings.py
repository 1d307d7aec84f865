"""Settings come from the environment; production refuses to start without what it needs."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "q7-Vx2!mP9zR4tL0wE8yU3oI6aS1dF5gH+jK7lZ4xC9vB2nM0qW"


def run_check(env, *args):
    base = {k: v for k, v in os.environ.items() if not k.startswith(("GUESTDESK_", "DATABASE_URL"))}
    for name in ("SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE", "DEBUG", "TIME_ZONE"):
        base.pop(name, None)
    base.pop("ALLOWED_HOSTS", None)
    return subprocess.run(
        [sys.executable, "manage.py", "check", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {
    "GUESTDESK_ENV": "production",
    "SECRET_KEY": GOOD_KEY,
    "ALLOWED_HOSTS": "desk.hotel.example",
    "DATABASE_URL": "postgres://guestdesk@db.invalid:5432/guestdesk",
    "CELERY_BROKER_URL": "redis://redis.invalid:6379/0",
}


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_it_refuses_production_without_a_required_variable(missing):
    env = {k: v for k, v in PRODUCTION.items() if k != missing}
    result = run_check(env)
    assert result.returncode != 0
    assert f"Set the environment variable {missing}." in result.stderr


def test_it_names_a_malformed_variable():
    result = run_check({"DEBUG": "maybe"})
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


def test_it_refuses_an_unknown_time_zone():
    result = run_check({"TIME_ZONE": "Mars/Olympus"})
    assert result.returncode != 0
    assert "TIME_ZONE 'Mars/Olympus' is not a known time zone." in result.stderr


def test_it_refuses_sqlite_in_production():
    result = run_check({**PRODUCTION, "DATABASE_URL": "sqlite:////tmp/x.sqlite3"})
    assert result.returncode != 0
    assert "DATABASE_URL must name a PostgreSQL database" in result.stderr


def test_production_passes_the_deploy_check_with_no_warning():
    result = run_check(PRODUCTION, "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_development_defaults_need_nothing():
    result = run_check({})
    assert result.returncode == 0, result.stderr


def test_today_is_the_hotels_local_date(settings):
    import time_machine
    from django.utils import timezone

    assert settings.TIME_ZONE == "Asia/Almaty"
    # 20:30 UTC on 24 November is already 25 November in Almaty (UTC+5).
    with time_machine.travel("2026-11-24 20:30:00+00:00", tick=False):
        assert timezone.now().date().isoformat() == "2026-11-24"
        assert timezone.localdate().isoformat() == "2026-11-25"


@pytest.mark.parametrize("hosts", ["desk.hotel.example", "localhost,192.168.1.10", "*"])
def test_the_development_key_refuses_hosts_beyond_this_computer(hosts):
    result = run_check({"ALLOWED_HOSTS": hosts})
    assert result.returncode != 0
    assert "SECRET_KEY is the development key" in result.stderr


def test_the_development_key_serves_this_computer():
    result = run_check({"ALLOWED_HOSTS": "localhost,127.0.0.1,[::1]"})
    assert result.returncode == 0, result.stderr


def test_a_development_server_on_the_network_needs_its_own_key():
    result = run_check({"ALLOWED_HOSTS": "192.168.1.10", "SECRET_KEY": GOOD_KEY})
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("name", ["PROXY_COUNT", "SESSION_IDLE_HOURS"])
def test_it_refuses_a_negative_or_zero_count(name):
    result = run_check({name: "-1"})
    assert result.returncode != 0
    assert name in result.stderr
