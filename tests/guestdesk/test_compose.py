"""docker-compose.yml lines up with the settings (parsed, not run: no Docker engine here)."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SETTINGS_SOURCE = (ROOT / "guestdesk" / "settings.py").read_text()
APP_SERVICES = ("web", "worker", "beat")


def variables_read_by_settings():
    return set(re.findall(r'env\.\w+\(\s*"([A-Z_]+)"', SETTINGS_SOURCE)) | set(
        re.findall(r'_required\(env\.\w+, "([A-Z_]+)"', SETTINGS_SOURCE)
    )


def test_it_has_every_service_with_a_health_check():
    services = COMPOSE["services"]
    assert set(services) == {"db", "redis", "web", "worker", "beat", "mailpit"}
    for name, service in services.items():
        assert "healthcheck" in service, f"{name} has no health check"
        assert service["healthcheck"]["test"], name


def test_the_app_services_get_the_production_variables():
    for name in APP_SERVICES:
        env = COMPOSE["services"][name]["environment"]
        assert env["GUESTDESK_ENV"] == "production"
        for required in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "CELERY_BROKER_URL"):
            assert env.get(required), f"{name} misses {required}"
        assert env["DATABASE_URL"].startswith("postgres://guestdesk:")
        assert env["DATABASE_URL"].endswith("@db:5432/guestdesk")
        assert env["CELERY_BROKER_URL"].startswith("redis://redis:6379/")
        assert env["EMAIL_HOST"] == "${EMAIL_HOST:-mailpit}"


def test_every_variable_it_sets_is_read_by_the_settings():
    read = variables_read_by_settings() | {"GUNICORN_WORKERS", "GUESTDESK_ENV"}
    for name in APP_SERVICES:
        unknown = set(COMPOSE["services"][name]["environment"]) - read
        assert not unknown, f"{name} sets variables the settings ignore: {unknown}"


def test_the_database_credentials_agree():
    db = COMPOSE["services"]["db"]["environment"]
    url = COMPOSE["services"]["web"]["environment"]["DATABASE_URL"]
    assert f"postgres://{db['POSTGRES_USER']}:" in url
    assert url.endswith(f"/{db['POSTGRES_DB']}")


def test_the_processes_run_the_project():
    services = COMPOSE["services"]
    assert "gunicorn guestdesk.wsgi" in services["web"]["command"]
    assert "migrate" in services["web"]["command"]
    assert services["worker"]["command"][:4] == ["celery", "-A", "guestdesk", "worker"]
    assert services["beat"]["command"][:4] == ["celery", "-A", "guestdesk", "beat"]
    assert services["web"]["healthcheck"]["test"][-1].count("/healthz") == 1


def test_the_image_is_buildable_from_the_project():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "pip install --no-cache-dir ." in dockerfile
    assert "collectstatic" in dockerfile
    assert COMPOSE["services"]["web"]["build"] == "."


EXAMPLE_SECRETS = {
    "SECRET_KEY": "example-" + "k7Q2vX9pL4mN8rT1wZ6yB3cF5hJ0dS2gA9eU4iO7qW1xE3tR5yU8",
    "POSTGRES_PASSWORD": "example-password",
}


def substitute(value, overrides=None):
    """Compose's ${VAR:-default} and ${VAR:?message}, with example secrets for the latter."""
    overrides = overrides or {}

    def one(match):
        name, kind, rest = match.group(1), match.group(2), match.group(3)
        if name in overrides:
            return overrides[name]
        if kind == "?":
            return EXAMPLE_SECRETS[name]
        return rest or ""

    return re.sub(r"\$\{(\w+)(?::([-?])([^}]*))?\}", one, str(value))


def web_environment(overrides=None):
    env = COMPOSE["services"]["web"]["environment"]
    return {name: substitute(value, overrides) for name, value in env.items()}


def test_only_the_web_port_is_published_to_the_network():
    for name, service in COMPOSE["services"].items():
        for port in service.get("ports", []):
            if name == "web":
                continue
            assert port.startswith("127.0.0.1:"), f"{name} publishes {port} on every interface"
    assert {"db", "redis"}.isdisjoint(
        name for name, service in COMPOSE["services"].items() if service.get("ports")
    )


def test_the_mail_inbox_can_be_put_behind_a_login():
    assert COMPOSE["services"]["mailpit"]["environment"]["MP_UI_AUTH"] == "${MAILPIT_UI_AUTH:-}"


def test_it_is_secure_by_default():
    env = web_environment()
    assert env["SECURE_SSL_REDIRECT"] == "true"
    assert env["SECURE_COOKIES"] == "true"
    assert env["PROXY_COUNT"] == "0"  # X-Forwarded-For is trusted only when told


def test_its_environment_passes_the_deploy_check():
    from tests.guestdesk.test_settings import run_check

    result = run_check(web_environment(), "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_a_plain_http_trial_is_an_explicit_choice_that_the_deploy_check_reports():
    from tests.guestdesk.test_settings import run_check

    trial = web_environment({"SECURE_SSL_REDIRECT": "false", "SECURE_COOKIES": "false"})
    result = run_check(trial, "--deploy", "--fail-level", "WARNING")
    assert result.returncode != 0
    assert "SECURE_SSL_REDIRECT" in result.stderr + result.stdout
