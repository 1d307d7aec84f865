import datetime

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from reviews import services
from reviews.models import Review, ReviewImport

pytestmark = pytest.mark.django_db

GOOD = (
    "source;external_id;date;rating;title;text;language;author\n"
    "booking;B-1;2026-03-01;9,2;Great;Clean room, friendly staff.;en;Tom\n"
    "google;G-7;02.03.2026;2;;Очень шумно ночью, не выспались.;ru;Анна\n"
    "2gis;2G-3;2026-03-03;5;;Таңғы ас дәмді.;kk;Әсем\n"
)
BAD = (
    "source,external_id,date,rating,text\n"
    "booking,B-1,2026-03-01,9,Fine\n"
    "booking,,2026-03-01,9,No id\n"
    "tripadvisor,T-1,2026-03-01,7,Rating above five\n"
    "yelp,Y-1,2026-03-01,4,Unknown site\n"
    "booking,B-2,2026-12-01,8,From the future\n"
    "booking,B-3,yesterday,8,Bad date\n"
    "booking,B-4,2026-03-01,8,\n"
    "booking,B-1,2026-03-02,9,Same review again\n"
)


def batch_of(content, source="", name="reviews.csv"):
    batch = ReviewImport(original_name=name, source=source)
    batch.file.save(name, ContentFile(content.encode("utf-8")), save=True)
    return batch


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime.datetime(2026, 3, 10, 12), tick=False):
        yield


def test_it_checks_without_saving():
    batch = batch_of(GOOD)
    counts = services.run_import(batch, commit=False)
    assert counts == {"created": 3, "updated": 0, "unchanged": 0, "rejected": 0}
    assert batch.status == ReviewImport.Status.CHECKED
    assert not Review.objects.exists()


def test_it_imports_scores_and_topics():
    services.run_import(batch_of(GOOD), commit=True)
    booking = Review.objects.get(source="booking", external_id="B-1")
    google = Review.objects.get(source="google", external_id="G-7")
    assert (booking.rating, booking.scale, str(booking.score)) == (booking.rating, 10, "9.2")
    assert (google.scale, str(google.score), google.date) == (5, "4.0", datetime.date(2026, 3, 2))
    assert {link.topic.code for link in google.topic_links.all()} == {"noise"}
    assert {link.topic.code for link in booking.topic_links.all()} == {"cleanliness", "staff"}


def test_importing_the_same_file_twice_changes_nothing():
    services.run_import(batch_of(GOOD), commit=True)
    counts = services.run_import(batch_of(GOOD), commit=True)
    assert counts == {"created": 0, "updated": 0, "unchanged": 3, "rejected": 0}
    assert Review.objects.count() == 3


def test_a_changed_review_is_updated_and_analysed_again():
    services.run_import(batch_of(GOOD), commit=True)
    changed = GOOD.replace("Очень шумно ночью, не выспались.", "Грязные полотенца.")
    counts = services.run_import(batch_of(changed), commit=True)
    assert counts["updated"] == 1
    google = Review.objects.get(external_id="G-7")
    assert {link.topic.code for link in google.topic_links.all()} == {"cleanliness", "bathroom"}


def test_every_bad_row_is_reported_with_its_number_and_reason():
    batch = batch_of(BAD)
    counts = services.run_import(batch, commit=True)
    # A review without an ID is imported (matched later by its fingerprint).
    assert counts == {"created": 2, "updated": 0, "unchanged": 0, "rejected": 6}
    reasons = dict(batch.rows.filter(action="rejected").values_list("number", "reason"))
    assert reasons == {
        4: "The rating 7 is outside the scale 1 to 5.",
        5: "Unknown source “yelp”.",
        6: "The date 2026-12-01 is in the future.",
        7: "Unreadable date “yesterday” (expected YYYY-MM-DD).",
        8: "The review has no text.",
        9: "The same review is on row 2.",
    }


def test_the_form_source_fills_rows_without_one():
    batch = batch_of("external_id,date,rating,text\nTA-1,2026-03-01,4,Lovely pool\n", "tripadvisor")
    services.run_import(batch, commit=True)
    review = Review.objects.get()
    assert (review.source, review.scale, str(review.score)) == ("tripadvisor", 5, "8.0")


def test_a_file_without_required_columns_fails_clearly():
    batch = batch_of("name,comment\nTom,Nice\n")
    services.run_import(batch, commit=False)
    assert batch.status == ReviewImport.Status.FAILED
    assert "no column date, rating, text" in batch.error


def test_a_windows_1251_file_is_read():
    raw = "external_id;date;rating;text\nY-1;2026-03-01;2;Грязно\n".encode("cp1251")
    batch = ReviewImport(original_name="y.csv", source="yandex")
    batch.file.save("y.csv", ContentFile(raw), save=True)
    assert services.run_import(batch, commit=True)["created"] == 1


def post(client, url, data=None, *, tasks):
    """A page's POST; the import step it queues runs (Celery is eager in tests)."""
    with tasks(execute=True):
        response = client.post(url, data or {})
    return client.get(response.url)


def test_the_page_checks_then_imports_and_keeps_the_file(
    agent_client, django_capture_on_commit_callbacks
):
    tasks = django_capture_on_commit_callbacks
    upload = SimpleUploadedFile("march.csv", GOOD.encode("utf-8"), content_type="text/csv")
    response = post(agent_client, "/reviews/import/", {"file": upload}, tasks=tasks)
    assert "Dry run — nothing saved yet:" in response.content.decode()
    batch = ReviewImport.objects.get()
    assert not Review.objects.exists()
    response = post(agent_client, f"/reviews/import/{batch.pk}/commit/", tasks=tasks)
    assert "new 3, updated 0, unchanged 0, rejected 0" in response.content.decode()
    assert Review.objects.count() == 3
    kept = agent_client.get(f"/reviews/import/{batch.pk}/file/")
    assert b"".join(kept.streaming_content).decode() == GOOD
    with tasks(execute=True):
        again = agent_client.post(f"/reviews/import/{batch.pk}/commit/", follow=True)
    assert "already imported" in again.content.decode()
    assert Review.objects.count() == 3


def test_the_page_shows_rejected_rows(agent_client, django_capture_on_commit_callbacks):
    upload = SimpleUploadedFile("bad.csv", BAD.encode("utf-8"), content_type="text/csv")
    response = post(
        agent_client, "/reviews/import/", {"file": upload}, tasks=django_capture_on_commit_callbacks
    )
    html = response.content.decode()
    assert "Rejected" in html and "The rating 7 is outside the scale 1 to 5." in html


def test_the_page_refuses_other_files(agent_client):
    upload = SimpleUploadedFile("photo.png", b"\x89PNG", content_type="image/png")
    response = agent_client.post("/reviews/import/", {"file": upload})
    assert "Upload a CSV or XLSX file." in response.content.decode()
    assert not ReviewImport.objects.exists()


def write_file(tmp_path, name, content, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(content.encode(encoding))
    return path


BOOKING = (
    "Review date|Liked|Disliked|Guest|Score\n"
    "01.03.2026|Чистый номер, вежливый персонал|Шумно ночью|Асель|4\n"
    "02.03.2026||Грязные полотенца|Tom|2\n"
)
BOOKING_PROFILE = {
    "name": "Booking export",
    "date_format": "%d.%m.%Y",
    "source": "booking",
    "scale": 5,
    "columns": {
        "date": "Review date",
        "positive_text": "Liked",
        "negative_text": "Disliked",
        "author": "Guest",
        "rating": "Score",
    },
}


def test_a_profile_maps_columns_fixes_source_and_scale_and_keeps_both_texts(tmp_path, capsys):
    import json

    from django.core.management import call_command

    profile = write_file(tmp_path, "booking.json", json.dumps(BOOKING_PROFILE))
    path = write_file(tmp_path, "booking.csv", BOOKING)
    call_command("import_reviews", str(path), profile=str(profile))
    assert capsys.readouterr().out.splitlines() == ["created 2, unchanged 0, rejected 0"]
    asel = Review.objects.get(author="Асель")
    assert (asel.source, asel.scale, str(asel.score)) == ("booking", 5, "8.0")
    assert asel.positive_text.startswith("Чистый") and asel.negative_text == "Шумно ночью"
    # What the guest disliked is a complaint even in a good review.
    sentiments = {link.topic.code: link.sentiment for link in asel.topic_links.all()}
    assert sentiments["noise"] == "negative" and sentiments["staff"] == "positive"
    # No review ID: the same file again is matched by source, date, author and text.
    call_command("import_reviews", str(path), profile=str(profile))
    assert capsys.readouterr().out.splitlines() == ["created 0, unchanged 2, rejected 0"]
    assert Review.objects.count() == 2


def test_the_command_prints_each_rejected_row_and_fails_only_on_an_unreadable_file(
    tmp_path, capsys
):
    import json

    from django.core.management import CommandError, call_command

    profile = write_file(tmp_path, "p.json", json.dumps(BOOKING_PROFILE))
    bad = BOOKING + "yesterday|Fine||Ann|4\n01.03.2026|Nice||Bob|9\n"
    call_command("import_reviews", str(write_file(tmp_path, "b.csv", bad)), profile=str(profile))
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "created 2, unchanged 0, rejected 2"
    assert out[1] == "row 4: Ann: Unreadable date “yesterday” (expected YYYY-MM-DD)."
    assert out[2] == "row 5: Bob: The rating 9 is outside the scale 1 to 5."
    with pytest.raises(CommandError, match="no column"):
        call_command(
            "import_reviews", str(write_file(tmp_path, "x.csv", "a;b\n1;2\n")), profile=str(profile)
        )
    with pytest.raises(CommandError, match="No import profile named nope"):
        call_command("import_reviews", str(tmp_path / "b.csv"), profile="nope")
    with pytest.raises(CommandError, match="scale must be 5 or 10"):
        broken = write_file(tmp_path, "s.json", json.dumps({**BOOKING_PROFILE, "scale": 7}))
        call_command("import_reviews", str(tmp_path / "b.csv"), profile=str(broken))


def test_a_dry_run_from_the_command_writes_nothing(tmp_path, capsys):
    from django.core.management import call_command

    path = write_file(tmp_path, "g.csv", GOOD)
    profile = write_file(
        tmp_path,
        "p.json",
        '{"name": "plain", "columns": {"external_id": "external_id", "date": "date",'
        ' "source": "source", "rating": "rating", "text": "text", "author": "author",'
        ' "title": "title", "language": "language"}}',
    )
    call_command("import_reviews", str(path), profile=str(profile), dry_run=True)
    assert capsys.readouterr().out.startswith("created 3, unchanged 0, rejected 0 (dry run)")
    assert not Review.objects.exists() and not ReviewImport.objects.exists()


def test_a_response_column_is_kept_as_the_hotel_answer(tmp_path):
    batch = batch_of("external_id,date,rating,text,response\nB-9,2026-03-01,8,Good,Thank you!\n")
    batch.source = "booking"
    batch.save()
    services.run_import(batch, commit=True)
    review = Review.objects.get()
    assert review.response == "Thank you!" and review.responded_at is not None


def test_a_utf16_file_or_random_bytes_never_give_a_server_error(
    agent_client, django_capture_on_commit_callbacks
):
    for content in (GOOD.encode("utf-16"), bytes(range(256)) * 3):
        upload = SimpleUploadedFile("r.csv", content, content_type="text/csv")
        with django_capture_on_commit_callbacks(execute=True):
            response = agent_client.post("/reviews/import/", {"file": upload})
        assert response.status_code == 302
        assert agent_client.get(response.url).status_code == 200
    statuses = list(ReviewImport.objects.order_by("pk").values_list("status", flat=True))
    assert statuses == ["checked", "failed"]


@pytest.mark.parametrize("rejected", [5, 500])
def test_the_import_pages_run_a_fixed_number_of_queries(
    agent_client, django_assert_max_num_queries, rejected
):
    content = GOOD + "".join(f"booking,X-{n},2026-03-01,11,Too high\n" for n in range(rejected))
    for __ in range(3):
        services.run_import(batch_of(content.replace(";", ",")), commit=False)
    batch = ReviewImport.objects.first()
    assert batch.rows.count() == rejected
    with django_assert_max_num_queries(10):
        assert agent_client.get("/reviews/import/").status_code == 200
    with django_assert_max_num_queries(10):
        page = agent_client.get(f"/reviews/import/{batch.pk}/")
    assert "outside the scale" in page.content.decode()
