"""`load_demo` fills every screen and can run again without duplicating anything."""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def counts():
    # The audit trail records each run's saves: its rows are history, not duplicates.
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label
        in {"guestdesk", "board", "arrivals", "digests", "requests_desk", "vendors", "auth"}
        and not model.__name__.startswith("Historical")
    }


def test_it_loads_every_area_and_prints_the_logins():
    out = StringIO()
    call_command("load_demo", stdout=out)
    text = out.getvalue()
    for login in ("agent", "manager", "housekeeping", "admin"):
        assert login in text
    assert "guestdesk-demo" in text
    loaded = counts()
    assert loaded["auth.User"] >= 6
    assert loaded["digests.DigestSubscription"] == 7
    for label in ("arrivals.Stay", "arrivals.Guest", "board.Event"):
        assert loaded.get(label, 0) > 0, label


def test_running_it_twice_creates_no_duplicates():
    call_command("load_demo", stdout=StringIO())
    first = counts()
    call_command("load_demo", stdout=StringIO())
    assert counts() == first


def test_demo_names_use_kazakh_letters():
    from arrivals.models import Guest

    call_command("load_demo", stdout=StringIO())
    names = " ".join(f"{g.first_name} {g.last_name}" for g in Guest.objects.all())
    assert any(letter in names for letter in "әғқңөұүһі")
    assert any("a" <= c <= "z" for c in names.lower())
