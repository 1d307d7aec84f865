"""The audit trail: every listed model records who changed which field, when, and by which path."""

from importlib import import_module

import pytest
from django.conf import settings
from django.db import models
from django.test import RequestFactory
from simple_history.models import HistoricalRecords

from guestdesk import audit
from tests.arrivals.factories import GuestFactory, StayFactory

MARK = "Qx-Audit"


@pytest.fixture
def users(agent, manager, department_member, administrator):
    return {
        "anonymous": None,
        "agent": agent,
        "manager": manager,
        "department": department_member,
        "admin": administrator,
    }


@pytest.fixture
def world(db, users):
    """One object of every kind, as the route tables build them."""
    objects: dict = {}
    for name in settings.PROJECT_APPS:
        objects.update(import_module(f"tests.routes.{name}").world(users))
    from digests.models import DigestSubscription
    from guestdesk.models import Department

    DigestSubscription.objects.get_or_create(
        department=Department.objects.order_by("pk").first(), defaults={"language": "en"}
    )
    return objects


@pytest.fixture
def as_user():
    """Make saves look like a web request of `user`, as HistoryRequestMiddleware does."""

    def start(user):
        request = RequestFactory().get("/")
        request.user = user
        HistoricalRecords.context.request = request

    yield start
    if hasattr(HistoricalRecords.context, "request"):
        del HistoricalRecords.context.request


def change_something(obj) -> tuple[str, str]:
    """Change one plain field of `obj`; returns (its label, the new value as shown)."""
    try:
        field = editable_text_field(type(obj))
    except AssertionError:
        field = next(
            f
            for f in type(obj)._meta.concrete_fields
            if isinstance(f, models.BooleanField) and f.editable
        )
        setattr(obj, field.name, not getattr(obj, field.name))
        return str(field.verbose_name), str(audit._display(field, getattr(obj, field.name), {}))
    setattr(obj, field.name, MARK)
    return str(field.verbose_name), MARK


def editable_text_field(model) -> models.Field:
    for field in model._meta.concrete_fields:
        if (
            isinstance(field, (models.CharField, models.TextField))
            and field.editable
            and not field.unique
            and not field.choices
            and not field.name.endswith(("_en", "_ru", "_kk"))
            and type(field) in (models.CharField, models.TextField)
            and (field.max_length or 100) >= len(MARK)
        ):
            return field
    raise AssertionError(f"{model} has no text field to change")


def test_it_lists_every_model_that_keeps_history():
    assert audit.check_audited() == []
    assert {m._meta.label for m in audit.audited_models()} >= {
        "arrivals.Guest",
        "arrivals.Stay",
        "arrivals.VipLevel",
        "requests_desk.ServiceRequest",
        "vendors.Supplier",
        "vendors.Place",
        "board.ServiceEntry",
        "board.Event",
        "reviews.Review",
        "guestdesk.Department",
        "digests.DigestSubscription",
    }


@pytest.mark.parametrize("label", audit.AUDITED)
def test_it_records_a_change_with_its_user(label, world, manager, as_user):
    from django.apps import apps

    model = apps.get_model(label)
    obj = model._default_manager.order_by("pk").first()
    assert obj is not None, f"no {label} in the route worlds"
    as_user(manager)
    label_and_value = change_something(obj)
    obj.save()

    latest = obj.history.order_by("-history_date", "-history_id").first()
    assert latest.history_user == manager
    assert latest.history_change_reason == audit.SCREEN
    change = audit.changes(obj, limit=5)[0]
    assert change.who == manager
    # Records older than the audit trail have no earlier row: all their fields show as new.
    assert label_and_value in [(f.label, f.new) for f in change.fields]


def test_a_named_path_is_recorded(db):
    guest = GuestFactory()
    with audit.path("import batch 12"):
        guest.email = "new@example.kz"
        guest.save()
    latest = guest.history.latest()
    assert latest.history_change_reason == "import batch 12"
    assert latest.history_user is None


def test_a_change_outside_a_request_is_a_command(db):
    guest = GuestFactory()
    assert guest.history.latest().history_change_reason == audit.COMMAND


def test_record_bulk_writes_history_for_bulk_writes(db):
    from arrivals.models import Guest

    guests = Guest.objects.bulk_create([Guest(last_name="Bulk1"), Guest(last_name="Bulk2")])
    audit.record_bulk(Guest, guests, created=True, reason="import batch 7")
    rows = Guest.history.filter(last_name__startswith="Bulk")
    assert sorted(r.history_change_reason for r in rows) == ["import batch 7"] * 2
    assert {r.history_type for r in rows} == {"+"}


def test_changes_are_newest_first_with_old_and_new_values(db, manager, as_user):
    guest = GuestFactory(email="old@example.kz")
    as_user(manager)
    guest.email = "new@example.kz"
    guest.save()
    guest.allergies = "nuts"
    guest.save()
    history = audit.changes(guest)
    assert [[(f.label, f.old, f.new) for f in c.fields] for c in history[:2]] == [
        [("allergies", "—", "nuts")],
        [("email", "old@example.kz", "new@example.kz")],
    ]
    assert history[-1].kind == "created"


def test_changes_name_related_records_in_a_fixed_number_of_queries(
    db, django_assert_num_queries, django_assert_max_num_queries
):
    from arrivals.models import VipLevel

    stay = StayFactory()
    levels = list(VipLevel.objects.all()[:3])
    for level in levels:
        stay.vip_level = level
        stay.room = f"{level.pk}01"
        stay.save()
    with django_assert_num_queries(2):
        history = audit.changes(stay, limit=3)
    assert str(levels[-1]) in [f.new for f in history[0].fields]

    for n in range(30):
        stay.room = f"9{n:02d}"
        stay.save()
    with django_assert_max_num_queries(2):
        assert len(audit.changes(stay, limit=20)) == 20


def test_a_status_move_is_in_the_audit_trail_with_who_made_it(db, agent):
    from arrivals import services

    stay = StayFactory(status="expected")
    services.transition(stay, "in_house", agent)
    latest = stay.history.order_by("-history_date", "-history_id").first()
    assert (latest.status, latest.history_user) == ("in_house", agent)
    change = audit.changes(stay)[0]
    assert [(c.old, c.new) for c in change.fields if "status" in c.label.lower()] == [
        ("expected", "in house")
    ]
