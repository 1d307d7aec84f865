"""Automatic traces from VIP levels: once per stay and rule, whatever happens to the stay."""

import threading

import pytest
from django.db import connection

from arrivals import importer
from arrivals import services as stays
from arrivals.models import ImportProfile, Stay
from tests.arrivals.factories import StayFactory, vip
from tests.traces.conftest import in_days
from traces import services
from traces.models import Trace

pytestmark = pytest.mark.django_db


def texts(stay, status=None):
    traces = Trace.objects.filter(stay=stay)
    if status:
        traces = traces.filter(status=status)
    return sorted(traces.values_list("text", flat=True))


def edit(stay, callbacks, **values):
    """A manager's edit through the stay service, with the commit's receivers run."""
    stay = Stay.objects.select_related("vip_level").get(pk=stay.pk)
    stays.remember(stay)
    for name, value in values.items():
        setattr(stay, name, value)
    with callbacks(execute=True):
        stays.update_stay(stay, list(values), None)
    return stay


def test_raising_a_stay_to_vip1_creates_its_traces_once(rules, django_capture_on_commit_callbacks):
    stay = StayFactory(arrival_date=in_days(5))
    edit(stay, django_capture_on_commit_callbacks, vip_level=vip("VIP1"))
    assert texts(stay) == ["Qx-Fruit plate", "Qx-Room check", "Qx-Welcome dessert"]
    fruit = Trace.objects.get(stay=stay, text="Qx-Fruit plate")
    assert fruit.due_date == in_days(5) and fruit.due_time.hour == 14
    assert fruit.department.code == "housekeeping" and fruit.rule == rules[0]
    assert Trace.objects.get(stay=stay, text="Qx-Welcome dessert").due_date == in_days(4)
    # Saving again, or syncing again, adds nothing.
    edit(stay, django_capture_on_commit_callbacks, special_attention="Qx-late check-in")
    services.sync_stays([stay.pk, stay.pk])
    assert Trace.objects.filter(stay=stay).count() == 3
    # The audit trail keeps the creation.
    assert fruit.history.filter(history_type="+").count() == 1


def test_a_lowered_level_cancels_open_traces_and_raising_again_reopens_them(
    rules, django_capture_on_commit_callbacks
):
    stay = StayFactory(arrival_date=in_days(5), vip_level=vip("VIP1"))
    services.sync_stays([stay.pk])
    done = Trace.objects.get(stay=stay, text="Qx-Room check")
    services.resolve(done, Trace.Status.DONE, None, expected="open")

    edit(stay, django_capture_on_commit_callbacks, vip_level=vip("VIP2"))
    assert texts(stay, "cancelled") == ["Qx-Fruit plate", "Qx-Welcome dessert"]
    assert texts(stay, "open") == ["Qx-Small fruit"]
    assert texts(stay, "done") == ["Qx-Room check"]  # what was done stays done

    edit(stay, django_capture_on_commit_callbacks, vip_level=vip("VIP1"))
    assert texts(stay, "open") == ["Qx-Fruit plate", "Qx-Welcome dessert"]
    assert texts(stay, "cancelled") == ["Qx-Small fruit"]
    assert Trace.objects.filter(stay=stay).count() == 4  # nothing deleted, nothing doubled
    fruit = Trace.objects.get(stay=stay, text="Qx-Fruit plate")
    assert list(fruit.history.order_by("history_id").values_list("status", flat=True)) == [
        "open",
        "cancelled",
        "open",
    ]


def test_a_cancelled_or_no_show_stay_cancels_its_automatic_traces_only(
    rules, django_capture_on_commit_callbacks, agent
):
    from tests.traces.conftest import a_trace

    stay = StayFactory(arrival_date=in_days(3), vip_level=vip("VIP1"))
    services.sync_stays([stay.pk])
    manual = a_trace(stay=stay, text="Qx-Manual", due=in_days(3))
    with django_capture_on_commit_callbacks(execute=True):
        stays.transition(stay, Stay.Status.CANCELLED, agent)
    assert texts(stay, "cancelled") == ["Qx-Fruit plate", "Qx-Room check", "Qx-Welcome dessert"]
    manual.refresh_from_db()
    assert manual.status == "open"
    with django_capture_on_commit_callbacks(execute=True):
        stays.transition(stay, Stay.Status.EXPECTED, agent)
    assert texts(stay, "open") == sorted(
        ["Qx-Fruit plate", "Qx-Room check", "Qx-Welcome dessert", "Qx-Manual"]
    )


def test_new_dates_move_open_traces_and_leave_resolved_ones(
    rules, django_capture_on_commit_callbacks
):
    from tests.traces.conftest import a_trace

    stay = StayFactory(arrival_date=in_days(5), vip_level=vip("VIP1"))
    services.sync_stays([stay.pk])
    manual = a_trace(stay=stay, text="Qx-Manual", due=in_days(6))
    done = Trace.objects.get(stay=stay, text="Qx-Room check")
    services.resolve(done, Trace.Status.DONE, None, expected="open")
    edit(
        stay,
        django_capture_on_commit_callbacks,
        arrival_date=in_days(9),
        departure_date=in_days(12),
    )
    assert Trace.objects.get(stay=stay, text="Qx-Fruit plate").due_date == in_days(9)
    assert Trace.objects.get(stay=stay, text="Qx-Welcome dessert").due_date == in_days(8)
    manual.refresh_from_db()
    assert manual.due_date == in_days(10)  # one day after arrival, as before
    done.refresh_from_db()
    assert done.due_date == in_days(5)


PROFILE_COLUMNS = {
    "confirmation_number": "Conf",
    "full_name": "Name",
    "arrival_date": "Arrival",
    "departure_date": "Departure",
    "vip_code": "VIP",
    "status": "Status",
}


def import_file(tmp_path, rows, callbacks):
    profile = ImportProfile.objects.get_or_create(
        name="Qx-PMS",
        defaults={
            "source": "OPERA",
            "delimiter": ";",
            "date_format": "%d.%m.%Y",
            "columns": PROFILE_COLUMNS,
        },
    )[0]
    path = tmp_path / "arrivals.csv"
    lines = ["Conf;Name;Arrival;Departure;VIP;Status"]
    for conf, code, status in rows:
        lines.append(
            f"{conf};Qx-Guest, {conf};{in_days(4):%d.%m.%Y};{in_days(6):%d.%m.%Y};{code};{status}"
        )
    path.write_text("\n".join(lines))
    with callbacks(execute=True):
        importer.Importer(profile.as_dict()).run(path, commit=True)


def test_repeated_imports_create_each_trace_once(
    rules, tmp_path, django_capture_on_commit_callbacks
):
    rows = [("T1", "VIP1", "reserved"), ("T2", "VIP2", "reserved"), ("T3", "", "reserved")]
    for _ in range(3):
        import_file(tmp_path, rows, django_capture_on_commit_callbacks)
    t1, t2, t3 = (Stay.objects.get(confirmation_number=c) for c in ("T1", "T2", "T3"))
    assert texts(t1) == ["Qx-Fruit plate", "Qx-Room check", "Qx-Welcome dessert"]
    assert texts(t2) == ["Qx-Small fruit"]
    assert texts(t3) == []
    # A later file lowers T1, raises T3 and cancels T2.
    later = [("T1", "VIP2", "reserved"), ("T2", "VIP2", "cancelled"), ("T3", "VIP2", "reserved")]
    for _ in range(2):
        import_file(tmp_path, later, django_capture_on_commit_callbacks)
    assert texts(t1, "open") == ["Qx-Small fruit"]
    assert texts(t1, "cancelled") == ["Qx-Fruit plate", "Qx-Room check", "Qx-Welcome dessert"]
    assert texts(t2, "cancelled") == ["Qx-Small fruit"]
    assert texts(t3, "open") == ["Qx-Small fruit"]
    assert Trace.objects.count() == 6


@pytest.mark.django_db(transaction=True)
def test_concurrent_syncs_and_edits_create_each_trace_once(rules, postgres):
    stay = StayFactory(arrival_date=in_days(5))
    barrier = threading.Barrier(4)
    errors = []

    def work(index):
        try:
            barrier.wait()
            if index % 2:
                services.sync_stays([stay.pk])
            else:  # two managers raise the stay at once; each commit syncs its traces
                mine = Stay.objects.select_related("vip_level").get(pk=stay.pk)
                stays.remember(mine)
                mine.vip_level = vip("VIP1")
                stays.update_stay(mine, ["vip_level"], None)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert texts(stay) == ["Qx-Fruit plate", "Qx-Room check", "Qx-Welcome dessert"]


@pytest.mark.django_db(transaction=True)
def test_the_constraint_refuses_a_second_automatic_trace(rules, postgres):
    from django.db import IntegrityError

    stay = StayFactory(arrival_date=in_days(5), vip_level=vip("VIP1"))
    services.sync_stays([stay.pk])
    first = Trace.objects.filter(stay=stay).first()
    with pytest.raises(IntegrityError):
        Trace.objects.create(
            stay=stay,
            department=first.department,
            due_date=first.due_date,
            text="again",
            rule=first.rule,
        )
