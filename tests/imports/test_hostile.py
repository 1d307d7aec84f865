"""Random and hostile files: never an error escapes, never a stuck or half-written batch."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guestdesk.imports import batches
from tests.imports.cases import CASES

pytestmark = pytest.mark.django_db

ENDED = {"checked", "done", "failed"}
cells = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12
) | st.sampled_from(["", "NULL", "02.03.2026", "9", "31.02.2026", "booking", "\x00", "=1+1"])


@st.composite
def hostile_files(draw, case):
    kind = draw(st.sampled_from(["bytes", "csv", "utf16", "xlsx-ish"]))
    if kind == "bytes":
        return draw(st.binary(max_size=400))
    if kind == "xlsx-ish":
        return b"PK\x03\x04" + draw(st.binary(max_size=200))
    rows = draw(st.lists(st.lists(cells, max_size=8), max_size=6))
    header = case.header if draw(st.booleans()) else draw(st.lists(cells, max_size=6))
    delimiter = draw(st.sampled_from([";", ",", "\t", "|"]))
    text = "\n".join(delimiter.join(row) for row in [header, *rows])
    return text.encode("utf-16" if kind == "utf16" else "utf-8", errors="surrogatepass")


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_any_file_ends_checked_or_failed_and_imports_whole_rows_only(
    case, data, django_capture_on_commit_callbacks
):
    content = data.draw(hostile_files(case))
    before = case.stored()
    batch = case.batch(content)
    with django_capture_on_commit_callbacks(execute=True):
        batches.check(case.name, batch)
    batch.refresh_from_db()
    assert batch.status in ENDED
    assert case.stored() == before  # a dry run writes nothing
    if batch.status == "failed":
        assert batch.error
        return
    with django_capture_on_commit_callbacks(execute=True):
        batches.commit(case.name, batch)
    batch.refresh_from_db()
    assert batch.status == "done", batch.error
    created = batch.counts.get("created", 0)
    assert case.stored() == before + created
    assert batch.rows.filter(action="rejected").count() == batch.counts["rejected"]
