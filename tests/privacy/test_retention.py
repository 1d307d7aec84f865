"""Retention: guests and files past their retention periods are anonymised."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from arrivals import flow
from arrivals.models import Guest, ImportBatch, ImportRow, StayChange
from guestdesk import personal
from guestdesk.models import OutboxMessage
from requests_desk.models import Attachment, RequestEvent, ServiceRequest
from reviews import report
from tests.arrivals.factories import GuestFactory, StayFactory
from tests.reviews.factories import ReviewFactory
from vendors.models import RecommendationSheet

pytestmark = pytest.mark.django_db


def a_guest_with_everything(arrival, marker):
    guest = GuestFactory(
        birthday=arrival.replace(year=1980),
        room_preference="high floor",
        pillow_preference="feather",
        dietary_needs="halal",
        allergies="nuts",
        occasions="anniversary",
        preferences_notes="quiet room",
        notes=f"{marker} VIP of the minister",
    )
    Guest.objects.filter(pk=guest.pk).update(created_at=timezone.now() - timedelta(days=2000))
    stay = StayFactory(
        guest=guest,
        arrival_date=arrival,
        departure_date=arrival + timedelta(days=3),
        status="departed",
        special_attention="flowers",
        security_note="bodyguard",
        transport_number="KC 851",
        company="KazOil",
    )
    StayChange.objects.create(stay=stay, kind="edit", changes={"room": ["101", "102"]})
    req = ServiceRequest.objects.create(
        number=f"R-{marker}",
        guest=guest,
        stay=stay,
        type=ServiceRequest.Type.values[0],
        due_at=timezone.now(),
        notes="passport AB123",
        details={"passengers": f"{guest.first_name}, P1234567"},
    )
    RequestEvent.objects.create(request=req, kind="edited", comment="called the guest")
    attachment = Attachment(request=req, name="ticket.pdf", content_type="application/pdf", size=4)
    attachment.file.save("ticket.pdf", ContentFile(b"%PDF"), save=True)
    RecommendationSheet.objects.create(guest=guest, note="enjoy", emailed_to=guest.email)
    ReviewFactory(guest=guest, stay=stay, author=guest.name, date=arrival, rating=Decimal("8"))
    return guest


def held_rows(guest):
    for model in personal.personal_models():
        for obj in model._base_manager.filter(**{model.PERSONAL_OWNER: guest.pk}):
            yield model, obj


def filled_personal_fields(guest):
    """(model, field, value) of every personal field still holding something, history included."""
    filled = []
    for model, obj in held_rows(guest):
        for name, kind in personal.fields_of(model).items():
            value = getattr(obj, name)
            if kind is personal.DOCUMENT:
                value = value.name
            if not personal.is_anonymous(kind, value):
                filled.append((model._meta.label, name, value))
        history = getattr(model, "history", None)
        if history is not None:
            tracked = {f.name for f in history.model.tracked_fields}
            for row in history.model.objects.filter(id=obj.pk):
                for name, kind in personal.fields_of(model).items():
                    if name in tracked and not personal.is_anonymous(kind, getattr(row, name)):
                        filled.append((f"history of {model._meta.label}", name, row.pk))
    return filled


@pytest.fixture
def guests(settings):
    settings.RETENTION_GUEST_DAYS = 1095
    today = timezone.localdate()
    expired = a_guest_with_everything(today - timedelta(days=1200), "Old")
    current = a_guest_with_everything(today - timedelta(days=30), "New")
    return expired, current


def statistics(day):
    first, last = day - timedelta(days=5), day + timedelta(days=5)
    flow_figures = [
        (d.day, d.arrivals, d.departures, d.in_house, d.vip_arrivals, dict(d.nationalities))
        for d in flow.figures(first, last)
    ]
    summary = report._summary(first, last, (first - timedelta(days=30), first))
    return flow_figures, summary["count"], summary["average"]


def test_it_anonymises_every_personal_field_of_an_expired_guest(guests):
    expired, current = guests
    assert len(filled_personal_fields(expired)) > 20  # the test sees the data it should erase

    call_command("purge_personal_data")

    assert filled_personal_fields(expired) == []
    expired.refresh_from_db()
    assert expired.first_name[0] + "." == expired.first_name
    assert expired.anonymised_at is not None
    assert not Attachment.objects.get(request__guest=expired).file
    # A guest who stayed last month keeps everything.
    current.refresh_from_db()
    assert current.email and current.allergies == "nuts"
    assert filled_personal_fields(current) != []


def test_it_keeps_guest_flow_and_review_figures(guests):
    expired, _ = guests
    day = expired.stays.get().arrival_date
    before = statistics(day)
    assert before[1] == 1

    call_command("purge_personal_data")

    assert statistics(day) == before


def test_running_it_twice_changes_nothing_the_second_time(guests, capsys):
    call_command("purge_personal_data")
    first = capsys.readouterr().out
    assert "guests: 1 anonymised" in first
    expired, _ = guests
    history_rows = Guest.history.filter(id=expired.pk).count()

    call_command("purge_personal_data")

    assert "Nothing past its retention." in capsys.readouterr().out
    assert Guest.history.filter(id=expired.pk).count() == history_rows


def test_a_dry_run_lists_and_changes_nothing(guests, capsys):
    expired, _ = guests
    call_command("purge_personal_data", "--dry-run")
    out = capsys.readouterr().out
    assert f"guest #{expired.pk}" in out
    assert "Dry run: nothing changed." in out
    expired.refresh_from_db()
    assert expired.allergies == "nuts" and expired.anonymised_at is None


def test_files_reports_and_email_bodies_go_after_their_retention(db, settings):
    settings.RETENTION_FILES_DAYS = 90
    old = timezone.now() - timedelta(days=91)
    batch = ImportBatch(original_name="arrivals.csv", counts={"created": 2, "rejected": 1})
    batch.file.save("arrivals.csv", ContentFile(b"Anna Berg"), save=True)
    ImportBatch.objects.filter(pk=batch.pk).update(created_at=old)
    rejected = ImportRow.objects.create(
        batch=batch, number=3, action="rejected", key="C1", label="Anna Berg", reason="date"
    )
    stored = batch.file.name
    recent = ImportBatch(original_name="new.csv")
    recent.file.save("new.csv", ContentFile(b"x"), save=True)
    kept = ImportRow.objects.create(batch=recent, number=1, action="rejected", label="Anna Berg")
    sent = OutboxMessage.objects.create(
        template="t",
        to=["a@example.kz"],
        subject="Digest",
        body_text="Anna",
        body_html="<p>Anna",
        language="en",
        status="sent",
        sent_at=old,
    )

    call_command("purge_personal_data")

    batch.refresh_from_db()
    assert not batch.file and not batch.file.storage.exists(stored)
    assert batch.counts["created"] == 2  # the figures stay
    rejected.refresh_from_db()
    assert (rejected.number, rejected.action, rejected.label, rejected.key) == (
        3,
        "rejected",
        "",
        "",
    )
    recent.refresh_from_db()
    kept.refresh_from_db()
    assert recent.file and kept.label == "Anna Berg"
    sent.refresh_from_db()
    assert (sent.body_text, sent.body_html, sent.subject) == ("", "", "Digest")


def test_the_daily_task_is_in_the_beat_schedule():
    from guestdesk.apps import beat_schedule

    assert beat_schedule()["privacy-retention"]["task"] == "guestdesk.tasks.purge_personal_data"
