import json
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from arrivals import importer
from arrivals.models import Guest, ImportBatch, ImportProfile, Stay, StayChange
from arrivals.signals import vip_stay_changed
from tests.arrivals.factories import StayFactory, vip

pytestmark = pytest.mark.django_db

COLUMNS = {
    "confirmation_number": "Conf No",
    "full_name": "Guest Name",
    "arrival_date": "Arrival",
    "arrival_time": "ETA",
    "departure_date": "Departure",
    "room": "Room",
    "adults": "Adults",
    "vip_code": "VIP",
    "nationality": "Nationality",
    "language": "Language",
    "email": "Email",
    "phone": "Phone",
    "notes": "Comments",
}
HEADER = (
    "Conf No;Guest Name;Arrival;ETA;Departure;Room;Adults;VIP;Nationality;Language;Email;Phone;"
    "Comments"
)
ROWS = [
    # Windows-1251 has no Kazakh letters such as ә or ұ: a cp1251 file carries Russian names.
    "A1;Иванова, Анна;02.03.2026;14:30;05.03.2026;701;2;VIP1;KAZ;kk;asem@example.kz;"
    "+7 701 123 4567;Цветы",
    "A2;Smith, John;02.03.2026;;04.03.2026;702;1;;United Kingdom;en-GB;;;",
    "A3;Mueller, Jonas;02.03.2026;09:00;03.03.2026;;1;;DE;de;;;",
]
BAD = [
    ";No Number;02.03.2026;;04.03.2026;;1;;;;;;",
    "B2;Bad Date;31.02.2026;;04.03.2026;;1;;;;;;",
    "B3;Backwards;05.03.2026;;04.03.2026;;1;;;;;;",
    "B4;Unknown Vip;02.03.2026;;04.03.2026;;1;VIP9;;;;;",
    "B5;Unknown Country;02.03.2026;;04.03.2026;;1;;Atlantis;;;;",
    "B6;Bad Phone;02.03.2026;;04.03.2026;;1;;;;;12;",
]


@pytest.fixture
def profile():
    return ImportProfile.objects.create(
        name="OPERA",
        source="OPERA",
        encoding="cp1251",
        delimiter=";",
        date_format="%d.%m.%Y",
        columns=COLUMNS,
    )


def write(tmp_path, rows, encoding="cp1251", name="arrivals.csv", bom=False):
    path = tmp_path / name
    data = "\r\n".join([HEADER, *rows]).encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def run(path, profile, commit=True, **kwargs):
    return importer.Importer(profile.as_dict(), **kwargs).run(path, commit=commit)


def test_it_imports_a_cp1251_semicolon_file(tmp_path, profile):
    report = run(write(tmp_path, ROWS), profile)
    assert report["counts"]["created"] == 3 and report["counts"]["rejected"] == 0
    stay = Stay.objects.get(confirmation_number="A1")
    assert stay.source == "OPERA" and stay.vip_level.code == "VIP1" and stay.room == "701"
    assert stay.guest.first_name == "Анна" and stay.guest.last_name == "Иванова"
    assert stay.guest.nationality.code == "KZ" and stay.guest.language == "kk"
    assert stay.guest.phone.as_e164 == "+77011234567"
    assert stay.eta.strftime("%H:%M") == "14:30" and stay.special_attention == "Цветы"
    smith = Stay.objects.get(confirmation_number="A2").guest
    assert smith.nationality.code == "GB" and smith.language == "en"


def test_utf8_with_bom_and_comma_also_work(tmp_path, profile):
    settings = {**profile.as_dict(), "encoding": "utf-8", "delimiter": ""}
    rows = [
        r.replace(", ", "/").replace(";", ",").replace("Иванова/Анна", "Әсем Нұрланқызы")
        for r in ROWS
    ]
    path = tmp_path / "a.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "\n".join([HEADER.replace(";", ","), *rows]).encode())
    report = importer.Importer(settings).run(path, commit=True)
    assert report["counts"]["created"] == 3
    assert Guest.objects.filter(first_name="Әсем", last_name="Нұрланқызы").exists()


def test_xlsx(tmp_path, profile):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(HEADER.split(";"))
    sheet.append(["X1", "Ким, Ольга", date(2026, 3, 2), "15:00", date(2026, 3, 4), 305, 2])
    path = tmp_path / "a.xlsx"
    book.save(path)
    report = run(path, profile)
    assert report["counts"]["created"] == 1
    assert Stay.objects.get(confirmation_number="X1").room == "305"


def test_each_rejected_row_has_its_number_and_reason(tmp_path, profile):
    report = run(write(tmp_path, ROWS + BAD), profile)
    rejected = {row[0]: row[4] for row in report["rows"] if row[1] == "rejected"}
    assert report["counts"] == {
        "created": 3,
        "updated": 0,
        "unchanged": 0,
        "rejected": 6,
        "flagged": 0,
    }
    assert "Confirmation number is missing" in rejected[5]
    assert "31.02.2026" in rejected[6]
    assert "Departure is before arrival" in rejected[7]
    assert "VIP9" in rejected[8]
    assert "Atlantis" in rejected[9]
    assert "phone" in rejected[10]


def test_importing_the_same_file_twice_changes_nothing(tmp_path, profile):
    path = write(tmp_path, ROWS)
    run(path, profile)
    changes = StayChange.objects.count()
    report = run(path, profile)
    assert report["counts"]["unchanged"] == 3 and report["counts"]["created"] == 0
    assert StayChange.objects.count() == changes
    assert Guest.objects.count() == 3


def test_a_later_file_updates_and_records_what_changed(tmp_path, profile, agent):
    run(write(tmp_path, ROWS), profile)
    later = [
        ROWS[0],
        ROWS[1].replace(";702;", ";808;").replace(";;United", ";VIP2;United"),
        ROWS[2],
    ]
    calls = []
    vip_stay_changed.connect(
        lambda **kw: calls.append(kw["stay_ids"]), weak=False, dispatch_uid="test-vip-calls"
    )
    try:
        report = run(write(tmp_path, later, name="b.csv"), profile, user=agent)
    finally:
        # Only this test's receiver: the digests' late-alert receiver must stay connected.
        vip_stay_changed.disconnect(dispatch_uid="test-vip-calls")
    assert report["counts"]["updated"] == 1 and report["counts"]["unchanged"] == 2
    stay = Stay.objects.get(confirmation_number="A2")
    assert stay.room == "808" and stay.vip_level.code == "VIP2"
    change = StayChange.objects.filter(stay=stay, kind="import").first()
    assert change.changes["room"] == ["702", "808"] and change.changed_by == agent


def test_the_dry_run_writes_nothing(tmp_path, profile):
    report = run(write(tmp_path, ROWS + BAD), profile, commit=False)
    assert report["counts"]["created"] == 3 and report["counts"]["rejected"] == 6
    assert not Stay.objects.exists() and not Guest.objects.exists()


def test_a_stay_missing_from_a_full_day_file_is_flagged_not_deleted(tmp_path, profile):
    run(write(tmp_path, ROWS), profile)
    batch = ImportBatch.objects.create(original_name="b.csv", file="b.csv")
    report = run(write(tmp_path, ROWS[:2], name="b.csv"), profile, batch=batch, full_day=True)
    assert report["counts"]["flagged"] == 1
    stay = Stay.objects.get(confirmation_number="A3")
    assert stay.missing_from_batch == batch and stay.status == "expected"


def test_a_returning_guest_is_matched_by_email(tmp_path, profile):
    old = StayFactory(
        source="OPERA",
        guest__email="asem@example.kz",
        arrival_date=date(2025, 1, 1),
        departure_date=date(2025, 1, 3),
        status="departed",
    )
    run(write(tmp_path, ROWS[:1]), profile)
    assert Stay.objects.get(confirmation_number="A1").guest == old.guest
    assert Stay.objects.for_lists().get(confirmation_number="A1").is_returning


def test_the_command_prints_a_summary_and_rejected_rows(tmp_path, profile, capsys):
    call_command("import_stays", str(write(tmp_path, ROWS + BAD[:2])), profile="OPERA")
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "created 3, updated 0, unchanged 0, rejected 2"
    assert out[1].startswith("row 5:") and "Confirmation number is missing" in out[1]
    batch = ImportBatch.objects.get()
    assert batch.status == "done" and Path(batch.file.path).exists()


def test_the_command_takes_a_json_profile_and_a_dry_run(tmp_path, profile, capsys):
    path = tmp_path / "opera.json"
    path.write_text(json.dumps(profile.as_dict()), encoding="utf-8")
    call_command("import_stays", str(write(tmp_path, ROWS)), profile=str(path), dry_run=True)
    assert capsys.readouterr().out.startswith("created 3, updated 0, unchanged 0, rejected 0")
    assert not Stay.objects.exists() and not ImportBatch.objects.exists()


def test_the_command_fails_only_when_the_file_cannot_be_read(tmp_path, profile):
    with pytest.raises(CommandError):
        call_command("import_stays", str(tmp_path / "absent.csv"), profile="OPERA")
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("something,else\n1,2\n")
    with pytest.raises(CommandError, match="no column"):
        call_command("import_stays", str(wrong), profile="OPERA")
    with pytest.raises(CommandError):
        call_command("import_stays", str(write(tmp_path, ROWS)), profile="nope")


@pytest.fixture(autouse=True)
def background(django_capture_on_commit_callbacks):
    """Every import step runs in a Celery task queued on commit (eager in tests)."""
    global run_tasks

    def run_tasks():
        return django_capture_on_commit_callbacks(execute=True)

    yield


def upload(client, path, **extra):
    with path.open("rb") as handle:
        data = {"file": SimpleUploadedFile(path.name, handle.read()), **extra}
    with run_tasks():
        return client.post(reverse("arrivals:imports"), data)


def commit(client, batch):
    with run_tasks():
        return client.post(reverse("arrivals:import_commit", args=[batch.pk]))


def test_the_page_does_a_dry_run_then_commits_and_keeps_the_file(agent_client, tmp_path, profile):
    response = upload(agent_client, write(tmp_path, ROWS + BAD[:1]), profile=profile.pk)
    batch = ImportBatch.objects.get()
    assert response.url == reverse("arrivals:import_batch", args=[batch.pk])
    page = agent_client.get(response.url).content.decode()
    assert "created 3, updated 0, unchanged 0, rejected 1" in page
    assert "Confirmation number is missing" in page
    assert not Stay.objects.exists()
    commit(agent_client, batch)
    batch.refresh_from_db()
    assert batch.status == "done" and Stay.objects.count() == 3
    assert batch.counts["created"] == 3
    kept = agent_client.get(reverse("arrivals:import_file", args=[batch.pk]))
    assert b"".join(kept.streaming_content).startswith(HEADER.encode("cp1251"))
    # A second commit of the same batch does nothing.
    commit(agent_client, batch)
    assert Stay.objects.count() == 3


def test_the_page_builds_a_new_profile(agent_client, tmp_path):
    response = upload(
        agent_client,
        write(tmp_path, ROWS),
        name="Fidelio",
        source="FIDELIO",
        encoding="cp1251",
        delimiter=";",
        date_format="%d.%m.%Y",
        columns=json.dumps(COLUMNS),
    )
    assert response.status_code == 302
    profile = ImportProfile.objects.get(name="Fidelio")
    exported = agent_client.get(reverse("arrivals:profile_json", args=[profile.pk]))
    assert json.loads(exported.content)["columns"] == COLUMNS


def test_a_new_profile_needs_its_columns(agent_client, tmp_path):
    response = upload(agent_client, write(tmp_path, ROWS), name="X", date_format="%d.%m.%Y")
    assert response.status_code == 200
    assert not ImportBatch.objects.exists()


def test_every_file_runs_in_a_task_with_progress(
    agent_client, tmp_path, profile, django_capture_on_commit_callbacks
):
    # Even a small file: the page never does the import's work inside the request.
    path = write(tmp_path, ROWS)
    data = {"file": SimpleUploadedFile(path.name, path.read_bytes()), "profile": profile.pk}
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        agent_client.post(reverse("arrivals:imports"), data)
    batch = ImportBatch.objects.get()
    assert batch.status == "pending"
    progress = agent_client.get(reverse("arrivals:import_progress", args=[batch.pk])).json()
    assert progress["running"] is True
    page = agent_client.get(reverse("arrivals:import_batch", args=[batch.pk])).content.decode()
    assert "data-import-progress" in page
    for callback in callbacks:
        callback()  # Celery runs eagerly in tests
    progress = agent_client.get(reverse("arrivals:import_progress", args=[batch.pk])).json()
    assert progress == {
        "status": "checked",
        "running": False,
        "progress": 100,
        "processed": 3,
        "total": 3,
    }


def test_an_unreadable_upload_is_reported(agent_client, tmp_path, profile):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(BytesIO(b"not a workbook").getvalue())
    upload(agent_client, path, profile=profile.pk)
    batch = ImportBatch.objects.get()
    assert batch.status == "failed" and batch.error


def test_department_members_cannot_import(department_client, tmp_path, profile):
    assert upload(department_client, write(tmp_path, ROWS), profile=profile.pk).status_code == 403


def test_vip_is_announced_for_imported_vips(tmp_path, profile, django_capture_on_commit_callbacks):
    calls = []
    vip_stay_changed.connect(
        lambda **kw: calls.append(kw["stay_ids"]), weak=False, dispatch_uid="test-vip-calls"
    )
    try:
        with django_capture_on_commit_callbacks(execute=True):
            run(write(tmp_path, ROWS), profile)
    finally:
        # Only this test's receiver: the digests' late-alert receiver must stay connected.
        vip_stay_changed.disconnect(dispatch_uid="test-vip-calls")
    assert calls == [[Stay.objects.get(confirmation_number="A1").pk]]
    assert vip("VIP1").stays.count() == 1


def test_an_import_whose_worker_died_is_resumed(
    agent_client, tmp_path, profile, django_capture_on_commit_callbacks
):
    import datetime as dt

    from django.utils import timezone

    from arrivals.tasks import resume_stalled_imports

    upload(agent_client, write(tmp_path, ROWS), profile=profile.pk)
    batch = ImportBatch.objects.get()
    # The worker took the import step, got through part of the file, then died. The
    # task delivered again finds the step running and does nothing.
    run(Path(batch.file.path), profile, batch=batch)  # the rows it had committed
    stalled = timezone.now() - dt.timedelta(minutes=20)
    ImportBatch.objects.filter(pk=batch.pk).update(status="importing", progress_at=stalled)
    assert importer.run_batch(batch.pk, commit=True) is None
    # Recent progress means a worker is still on it: left alone.
    later = stalled + dt.timedelta(minutes=5)
    assert importer.resume_stalled(now=later) == []
    with django_capture_on_commit_callbacks(execute=True):
        assert resume_stalled_imports() == [batch.pk]
        assert resume_stalled_imports() == []  # queued once
    batch.refresh_from_db()
    assert batch.status == "done"
    assert batch.counts["unchanged"] == 3  # nothing imported twice
    assert Stay.objects.count() == 3


def test_an_agents_file_imports_everything_but_vip_levels_which_wait_for_a_manager(
    agent_client, manager, tmp_path, profile
):
    from django.test import Client

    manager_client = Client()
    manager_client.force_login(manager)
    run(write(tmp_path, ROWS), profile)  # the nightly command: A1 is VIP1
    later = [ROWS[0].replace(";VIP1;", ";;"), ROWS[1].replace(";;United", ";VIP2;United"), ROWS[2]]
    later[1] = later[1].replace(";702;", ";808;")
    upload(agent_client, write(tmp_path, later, name="b.csv"), profile=profile.pk)
    batch = ImportBatch.objects.get()
    commit(agent_client, batch)
    batch.refresh_from_db()
    a1, a2 = Stay.objects.get(confirmation_number="A1"), Stay.objects.get(confirmation_number="A2")
    assert a2.room == "808" and a2.vip_level is None and a1.vip_level.code == "VIP1"
    assert batch.counts["waiting"] == 2
    page = agent_client.get(reverse("arrivals:import_batch", args=[batch.pk])).content.decode()
    assert (
        "VIP level — → VIP2 waits for a manager." in page and 'data-testid="apply-vip"' not in page
    )
    apply = reverse("arrivals:import_apply_vip", args=[batch.pk])
    assert agent_client.post(apply).status_code == 403
    manager_client.post(apply)
    manager_client.post(apply)  # a second click applies nothing more
    a1.refresh_from_db(), a2.refresh_from_db()
    assert a2.vip_level.code == "VIP2" and a1.vip_level is None
    assert StayChange.objects.filter(stay=a2, changes__vip_level=[None, "VIP2"]).count() == 1


def test_a_managers_upload_applies_the_files_vip_codes(manager_client, tmp_path, profile):
    upload(manager_client, write(tmp_path, ROWS), profile=profile.pk)
    batch = ImportBatch.objects.get()
    commit(manager_client, batch)
    assert Stay.objects.get(confirmation_number="A1").vip_level.code == "VIP1"
    assert "waiting" not in ImportBatch.objects.get().counts


@pytest.mark.parametrize("rejected", [5, 500])
def test_the_import_pages_run_a_fixed_number_of_queries(
    agent_client, tmp_path, profile, django_assert_max_num_queries, rejected
):
    bad = [f";No Number {n};02.03.2026;;04.03.2026;;1;;;;;;" for n in range(rejected)]
    for name in ("a.csv", "b.csv", "c.csv"):
        upload(agent_client, write(tmp_path, ROWS + bad, name=name), profile=profile.pk)
    batch = ImportBatch.objects.first()
    assert batch.rows.filter(action="rejected").count() == rejected
    with django_assert_max_num_queries(10):
        assert agent_client.get(reverse("arrivals:imports")).status_code == 200
    with django_assert_max_num_queries(10):
        page = agent_client.get(reverse("arrivals:import_batch", args=[batch.pk]))
    assert "Confirmation number is missing" in page.content.decode()
