"""What every importer must do alike (run for PMS stays and for reviews)."""

import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from guestdesk.imports import batches, engine
from guestdesk.imports.errors import FileRefused
from guestdesk.imports.limits import Limits

pytestmark = pytest.mark.django_db


def run(case, content, commit=True, name="file.csv", limits=None, **profile):
    path_batch = case.batch(content, name=name)
    importer = case.importer(
        {**case.profile, **profile}, batch=path_batch, limits=limits or Limits()
    )
    return importer.run(path_batch.file.path, commit=commit)


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16", b""),  # Python's utf-16 writes its BOM
        ("cp1251", b""),
        ("kz1048", b""),
    ],
)
def test_it_reads_each_encoding(case, encoding, bom):
    text = "Тихий номер" if encoding == "cp1251" else "Тихий номер, Әсем қала"
    content = bom + case.csv(case.rows(3, text=text)).encode(encoding)
    report = run(case, content, encoding="utf-8" if encoding.startswith("utf") else encoding)
    assert report["counts"]["created"] == 3 and report["counts"]["rejected"] == 0
    assert case.stored() == 3


def test_a_windows_1251_file_is_read_even_when_the_profile_says_utf8(case):
    content = case.csv(case.rows(2, text="Грязно")).encode("cp1251")
    assert run(case, content)["counts"]["created"] == 2


@pytest.mark.parametrize("delimiter", [";", ",", "\t", "|"])
def test_the_separator_is_detected(case, delimiter):
    rows = case.rows(2, text="Quiet room")
    assert run(case, case.csv(rows, delimiter).encode())["counts"]["created"] == 2


def test_an_undecodable_file_is_refused_naming_the_encoding_and_line(case):
    text = case.csv(case.rows(3))  # a header and three rows: four lines
    # 0x98 is no letter in Windows-1251 either, so no fallback reads it.
    with pytest.raises(FileRefused, match=r"not in utf-8: line 5 cannot be decoded"):
        run(case, text.encode() + b"\x98\xff;x\n")
    lone_surrogate = b"\x00\xd8A\x00"
    with pytest.raises(FileRefused, match=r"not in utf-16: line 5 cannot be decoded"):
        run(case, text.encode("utf-16") + lone_surrogate)
    assert case.stored() == 0


def xlsx(case, rows, sheet_title=None, extra_sheet=False):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    if extra_sheet:
        sheet.title = "Notes"
        sheet.append(["nothing here"])
        sheet = book.create_sheet(sheet_title)
    sheet.append(case.header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_xlsx_first_sheet_or_a_named_one(case):
    report = run(case, xlsx(case, case.rows(2)), name="a.xlsx")
    assert report["counts"]["created"] == 2
    named = xlsx(case, case.rows(2, start=10), sheet_title="Export", extra_sheet=True)
    assert run(case, named, name="b.xlsx", sheet="Export")["counts"]["created"] == 2
    with pytest.raises(FileRefused, match="no sheet Missing"):
        run(case, named, name="c.xlsx", sheet="Missing")
    assert case.stored() == 4


def test_a_decompression_bomb_is_refused_before_it_is_opened(case):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", "<row/>" * 2_000_000)  # 12 MB
    assert len(buffer.getvalue()) < 100_000
    limits = Limits(xlsx_unpacked_bytes=5 * 2**20)
    with pytest.raises(FileRefused, match="unpacks to 11.4 MB; at most 5.0 MB"):
        run(case, buffer.getvalue(), name="bomb.xlsx", limits=limits)


@pytest.mark.parametrize(
    ("limits", "message"),
    [
        (Limits(upload_bytes=200), "at most 0.0 MB"),
        (Limits(rows=4), "more than 4 rows"),
        (Limits(columns=5), "6 columns; at most 5"),
        (Limits(cell_chars=20), "at most 20 are allowed"),
    ],
)
def test_past_a_limit_nothing_is_imported(case, limits, message):
    content = case.csv(case.rows(5, text="A rather long text for a cell")).encode()
    with pytest.raises(FileRefused, match=message):
        run(case, content, limits=limits)
    assert case.stored() == 0


def test_the_page_refuses_a_file_over_the_upload_limit(case, agent_client, settings):
    settings.IMPORT_LIMITS = {"upload_bytes": 100}
    url = "/arrivals/import/" if case.name == "stays" else "/reviews/import/"
    content = case.csv(case.rows(5)).encode()
    response = agent_client.post(url, {"file": SimpleUploadedFile("big.csv", content)})
    assert "at most 0.0 MB can be uploaded here" in response.content.decode()
    assert not case.importer.batch_model.objects.exists()


def test_a_nul_or_control_character_rejects_its_row_only(case):
    rows = case.rows(3)
    rows[1][-1] = "Ник\x00ита"
    rows[2][-1] = "bell\x07"
    report = run(case, case.csv(rows).encode())
    rejected = {row[0]: row[4] for row in report["rows"] if row[1] == "rejected"}
    assert set(rejected) == {3, 4} and "control character" in rejected[3]
    assert report["counts"]["created"] == 1 and case.stored() == 1


def test_importing_the_same_file_again_adds_nothing(case):
    content = case.csv(case.rows(4)).encode()
    run(case, content)
    again = run(case, content)
    assert again["counts"]["unchanged"] == 4 and again["counts"]["created"] == 0
    assert case.stored() == 4


def test_the_dry_run_writes_nothing_but_reports(case):
    report = run(case, case.csv(case.rows(3)).encode(), commit=False)
    assert report["counts"]["created"] == 3 and case.stored() == 0


def queued(case, content, django_capture_on_commit_callbacks):
    batch = case.batch(content)
    with django_capture_on_commit_callbacks(execute=True):
        batches.check(case.name, batch)
    batch.refresh_from_db()
    return batch


def test_committing_twice_or_at_once_has_one_effect(case, django_capture_on_commit_callbacks):
    batch = queued(case, case.csv(case.rows(3)).encode(), django_capture_on_commit_callbacks)
    assert batch.status == "checked" and batch.total_rows == 3
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert batches.commit(case.name, batch) is True
        assert batches.commit(case.name, batch) is False  # the second click
    assert len(callbacks) == 1
    batch.refresh_from_db()
    assert batch.status == "done" and case.stored() == 3
    assert engine.run_batch(case.importer, batch.pk, True) is None  # a task delivered twice
    assert case.stored() == 3


def test_a_file_that_cannot_be_read_fails_once_with_its_reason(
    case, django_capture_on_commit_callbacks
):
    batch = queued(
        case, "\ufeffnothing;useful\n1;2\n".encode("utf-16"), django_capture_on_commit_callbacks
    )
    assert batch.status == "failed" and "no column" in batch.error
    assert batches.resume_stalled(datetime.datetime(2026, 3, 11, tzinfo=datetime.UTC)) == []


class WorkerLost(BaseException):
    """What a killed worker looks like from inside: the step simply stops."""


def test_a_worker_killed_mid_import_resumes_then_gives_up(
    case, django_capture_on_commit_callbacks, monkeypatch
):
    batch = queued(case, case.csv(case.rows(5)).encode(), django_capture_on_commit_callbacks)
    engine.claim_commit(type(batch), batch.pk)
    monkeypatch.setattr(engine, "CHUNK", 2)
    write = case.importer.write
    calls = []

    def dies_on_the_second_chunk(self, rows, commit):
        calls.append(len(rows))
        if len(calls) == 2:
            raise WorkerLost
        return write(self, rows, commit)

    monkeypatch.setattr(case.importer, "write", dies_on_the_second_chunk)
    with pytest.raises(WorkerLost):
        engine.run_batch(case.importer, batch.pk, True)
    batch.refresh_from_db()
    assert batch.status == "importing" and case.stored() == 2  # the first chunk only
    monkeypatch.setattr(case.importer, "write", write)
    later = datetime.datetime(2026, 3, 10, 13, tzinfo=datetime.UTC)
    with django_capture_on_commit_callbacks(execute=True):
        assert batches.resume_stalled(later) == [batch.pk]
    batch.refresh_from_db()
    assert batch.status == "done" and case.stored() == 5
    assert batch.counts["created"] == 3 and batch.counts["unchanged"] == 2

    # A step that never finishes is retried a bounded number of times, then fails.
    type(batch).objects.filter(pk=batch.pk).update(
        status="importing", attempts=engine.MAX_ATTEMPTS, progress_at=later
    )
    assert batches.resume_stalled(later + datetime.timedelta(hours=1)) == []
    batch.refresh_from_db()
    assert batch.status == "failed" and "stopped 3 times" in batch.error
