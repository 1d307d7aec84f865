"""When digests go out, exactly once, and what the manager can do about them."""

import datetime
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError

from digests import services
from digests.models import Digest, LateAlert
from digests.tasks import tick
from guestdesk.models import OutboxMessage
from tests.arrivals.factories import GuestFactory, StayFactory
from tests.digests.conftest import DAY, level, subscribe

pytestmark = pytest.mark.django_db


def almaty(day, hour, minute=0):
    tz = datetime.timezone(datetime.timedelta(hours=5))
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=tz)


def test_nothing_is_due_before_the_send_time_in_hotel_time(db):
    subscribe("housekeeping", ["vip"])  # 07:00 hotel time
    # 01:30 UTC is 06:30 in Almaty: not yet, although it is long past 07:00 nowhere.
    with time_machine.travel(almaty(DAY, 6, 30), tick=False):
        assert services.due_department_ids() == []


def test_the_send_time_is_hotel_time_across_midnight(db, django_capture_on_commit_callbacks):
    sub = subscribe("security", ["vip"], send_time=datetime.time(0, 15))
    # 19:20 UTC on the 24th is 00:20 on the 25th in Almaty: the 25th's digest is due,
    # although the server's UTC date is still the 24th.
    with time_machine.travel(
        datetime.datetime(2026, 11, 24, 19, 20, tzinfo=datetime.UTC), tick=False
    ):
        assert services.due_department_ids() == [sub.department_id]
        with django_capture_on_commit_callbacks(execute=True):  # tasks wait for the commit
            tick.delay()
    digest = Digest.objects.get()
    assert digest.date == DAY
    with time_machine.travel(
        datetime.datetime(2026, 11, 24, 19, 10, tzinfo=datetime.UTC), tick=False
    ):
        # 00:10 on the 25th: before 00:15, and the 24th is not due again.
        Digest.objects.all().delete()
        assert services.due_department_ids() == []


def test_a_digest_missed_while_workers_were_down_goes_out_later_the_same_day(
    db, django_capture_on_commit_callbacks
):
    sub = subscribe("housekeeping", ["vip"])
    with time_machine.travel(almaty(DAY, 15, 40), tick=False):
        assert services.due_department_ids() == [sub.department_id]
        with django_capture_on_commit_callbacks(execute=True):  # tasks wait for the commit
            assert tick() == 1
        assert services.due_department_ids() == []  # sent: not due again
        assert tick() == 0
    assert Digest.objects.filter(date=DAY, department=sub.department).count() == 1
    # The next morning, only the new day is due; yesterday is not sent late.
    next_morning = almaty(DAY + datetime.timedelta(days=1), 7, 5)
    with (
        time_machine.travel(next_morning, tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        tick.delay()
    assert sorted(Digest.objects.values_list("date", flat=True)) == [
        DAY,
        DAY + datetime.timedelta(days=1),
    ]


def test_switched_off_inactive_or_addressless_departments_get_nothing(db):
    subscribe("spa", ["vip"], enabled=False)
    inactive = subscribe("security", ["vip"])
    inactive.department.active = False
    inactive.department.save()
    with time_machine.travel(almaty(DAY, 9), tick=False):
        assert services.due_department_ids() == []
    nobody = subscribe("transport", ["vip"])
    nobody.department.recipients = ""
    nobody.department.save()
    outcome = services.send_daily_digest(nobody.department_id, DAY)
    assert (outcome.status, outcome.detail) == ("skipped", "no recipients")


def test_a_second_send_for_the_same_day_is_skipped(db, mailoutbox):
    sub = subscribe("housekeeping", ["vip"])
    assert services.send_daily_digest(sub.department_id, DAY).status == "sent"
    assert services.send_daily_digest(sub.department_id, DAY).status == "skipped"
    assert Digest.objects.count() == 1
    assert OutboxMessage.objects.count() == 1


def test_the_command_sends_a_date_once_and_says_so(db, mailoutbox):
    for code in ("housekeeping", "security", "transport"):
        subscribe(code, ["vip"])
    out = StringIO()
    call_command("send_digests", "--date", "2026-11-25", stdout=out)
    assert out.getvalue().strip().splitlines()[-1] == "sent 3, skipped 0, failed 0"
    assert len(mailoutbox) == 3
    out = StringIO()
    call_command("send_digests", "--date", "2026-11-25", stdout=out)
    assert out.getvalue().strip().splitlines()[-1] == "sent 0, skipped 3, failed 0"
    assert len(mailoutbox) == 3


def test_the_command_reports_a_failed_delivery(db, settings):
    subscribe("housekeeping", ["vip"])
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 1
    settings.EMAIL_MAX_ATTEMPTS = 1
    out, err = StringIO(), StringIO()
    call_command("send_digests", "--date", "2026-11-25", stdout=out, stderr=err)
    assert out.getvalue().strip().splitlines()[-1] == "sent 0, skipped 0, failed 1"
    assert "ConnectionRefusedError" in err.getvalue()
    digest = Digest.objects.get()
    assert digest.status == "failed"


def test_the_command_refuses_a_malformed_date(db):
    with pytest.raises(CommandError, match="--date must be YYYY-MM-DD"):
        call_command("send_digests", "--date", "25.11.2026")


def test_the_command_without_a_date_sends_what_is_due(db, mailoutbox):
    subscribe("housekeeping", ["vip"])
    subscribe("spa", ["vip"], send_time=datetime.time(18, 0))
    out = StringIO()
    with time_machine.travel(almaty(DAY, 9), tick=False):
        call_command("send_digests", stdout=out)
    assert out.getvalue().strip().splitlines()[-1] == "sent 1, skipped 1, failed 0"


def test_resend_is_recorded_as_a_separate_deliberate_send(db, manager, mailoutbox):
    sub = subscribe("housekeeping", ["vip"])
    services.send_daily_digest(sub.department_id, DAY)
    first = Digest.objects.get()
    copy = services.resend(first, manager)
    assert copy.kind == Digest.Kind.RESEND
    assert copy.created_by == manager
    assert Digest.objects.filter(department=sub.department, date=DAY).count() == 2
    assert copy.outbox_id != first.outbox_id


def test_a_vip_added_after_the_digest_gets_one_late_alert(db, mailoutbox):
    sub = subscribe("housekeeping", ["vip"])
    subscribe("spa", ["arrivals"])  # no VIP section: no alerts
    StayFactory(arrival_date=DAY, vip_level=level("VIP2"), guest=GuestFactory(last_name="Early"))
    with time_machine.travel(almaty(DAY, 8), tick=False):
        services.send_daily_digest(sub.department_id, DAY)
        assert services.send_late_alerts() == 0  # Early was in the digest
        late = StayFactory(
            arrival_date=DAY, vip_level=level("VIP1"), guest=GuestFactory(last_name="Latecomer")
        )
        assert services.send_late_alerts() == 1
        assert services.send_late_alerts() == 0  # once per stay and department
    alert = LateAlert.objects.get()
    assert alert.stay == late and alert.department == sub.department
    assert "Latecomer" in alert.outbox.subject


def test_a_stay_raised_to_vip_after_the_digest_gets_a_late_alert(db):
    sub = subscribe("housekeeping", ["vip"])
    stay = StayFactory(arrival_date=DAY, guest=GuestFactory(last_name="Raised"))
    with time_machine.travel(almaty(DAY, 8), tick=False):
        services.send_daily_digest(sub.department_id, DAY)
        stay.vip_level = level("VIP1")
        stay.save()
        assert services.send_late_alerts() == 1


def test_the_vip_signal_sends_the_alert_without_waiting_for_the_tick(
    db, django_capture_on_commit_callbacks
):
    from arrivals.signals import announce_vip

    sub = subscribe("housekeeping", ["vip"])
    with time_machine.travel(almaty(DAY, 8), tick=False):
        services.send_daily_digest(sub.department_id, DAY)
        stay = StayFactory(arrival_date=DAY, vip_level=level("VIP1"))
        with django_capture_on_commit_callbacks(execute=True):
            announce_vip([stay.pk])
    assert LateAlert.objects.filter(stay=stay).count() == 1


def test_no_late_alert_before_the_digest_went_out(db):
    subscribe("housekeeping", ["vip"])
    StayFactory(arrival_date=DAY, vip_level=level("VIP1"))
    with time_machine.travel(almaty(DAY, 6), tick=False):
        assert services.send_late_alerts() == 0
