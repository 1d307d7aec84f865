"""Production defaults: no demo hotel, and no known administrator password, in production."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from guestdesk.demo import DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def test_load_demo_refuses_production(settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="--force"):
        call_command("load_demo", stdout=StringIO())
    assert not get_user_model().objects.filter(username="admin").exists()


def test_forced_in_production_the_logins_get_a_random_password_shown_once(settings):
    settings.PRODUCTION = True
    out = StringIO()
    call_command("load_demo", "--force", stdout=out)
    text = out.getvalue()
    assert DEMO_PASSWORD not in text
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert not admin.check_password(DEMO_PASSWORD)
    password = text.split("Demo logins (password: ")[1].split("):")[0]
    assert len(password) >= 16
    assert admin.check_password(password)
    # Run again: nobody's password changes, and no new one is printed as if it worked.
    again = StringIO()
    call_command("load_demo", "--force", stdout=again)
    admin.refresh_from_db()
    assert admin.check_password(password)
    assert "passwords unchanged" in again.getvalue()


def test_in_development_the_demo_password_is_the_documented_one(settings):
    settings.PRODUCTION = False
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert DEMO_PASSWORD in out.getvalue()
