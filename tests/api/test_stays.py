"""Stays through the API: push (upsert), read, status moves, errors as problem details."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from arrivals.models import Stay, StayChange
from tests.api.conftest import stay_json
from tests.arrivals.factories import vip

pytestmark = pytest.mark.django_db
STAYS = "/api/v1/stays/"


def test_it_creates_then_updates_then_leaves_unchanged(pms):
    first = pms.post(STAYS, stay_json(), format="json")
    assert first.status_code == 200, first.content
    (result,) = first.json()["results"]
    assert result["result"] == "created"
    stay = Stay.objects.select_related("guest").get(pk=result["id"])
    assert (stay.source, stay.confirmation_number, stay.room) == ("OPERA", "C-1001", "701")
    assert stay.guest.email == "asem@example.kz" and stay.guest.phone.as_e164 == "+77011234567"

    moved = pms.post(STAYS, stay_json(room="702"), format="json").json()["results"][0]
    assert moved == {**result, "result": "updated"}
    stay.refresh_from_db()
    assert stay.room == "702"
    change = StayChange.objects.filter(stay=stay).first()
    assert change.changes["room"] == ["701", "702"]

    again = pms.post(STAYS, stay_json(room="702"), format="json").json()["results"][0]
    assert again["result"] == "unchanged"
    assert Stay.objects.count() == 1


def test_a_field_left_out_is_not_overwritten(pms):
    pms.post(STAYS, stay_json(), format="json")
    partial = {k: v for k, v in stay_json().items() if k not in ("room", "email")}
    assert pms.post(STAYS, partial, format="json").json()["results"][0]["result"] == "unchanged"
    stay = Stay.objects.select_related("guest").get()
    assert stay.room == "701" and stay.guest.email == "asem@example.kz"


def test_a_list_is_all_or_nothing_with_a_pointer_per_refused_stay(pms):
    good = stay_json("C-1")
    bad_date = stay_json("C-2", arrival_date="2030-02-31")
    backwards = stay_json("C-3", departure_date="2030-03-01")
    answer = pms.post(STAYS, [good, bad_date, backwards], format="json")
    assert answer.status_code == 422
    assert answer["Content-Type"] == "application/problem+json"
    problem = answer.json()
    assert problem["status"] == 422 and problem["title"]
    pointers = {e["pointer"]: e["detail"] for e in problem["errors"]}
    assert set(pointers) == {"/1", "/2"}
    assert "Unreadable arrival date" in pointers["/1"]
    assert "Departure is before arrival" in pointers["/2"]
    assert not Stay.objects.exists()


def test_unknown_fields_and_wrong_shapes_are_refused(pms):
    answer = pms.post(STAYS, [stay_json(colour="red"), 7, stay_json(room=["a"])], format="json")
    assert answer.status_code == 422
    pointers = {e["pointer"] for e in answer.json()["errors"]}
    assert pointers == {"/0/colour", "/1", "/2/room"}


def test_the_bulk_cap_is_enforced(pms, settings):
    settings.API_BULK_MAX = 3
    answer = pms.post(STAYS, [stay_json(f"C-{i}") for i in range(4)], format="json")
    assert answer.status_code == 422 and "At most 3" in answer.json()["detail"]
    three = [stay_json(f"C-{i}") for i in range(3)]
    assert pms.post(STAYS, three, format="json").status_code == 200


def test_a_body_over_the_size_limit_gets_413(pms, settings):
    settings.API_MAX_BODY_KB = 1
    answer = pms.post(STAYS, [stay_json(f"C-{i}") for i in range(20)], format="json")
    assert answer.status_code == 413
    assert answer["Content-Type"] == "application/problem+json"


def test_vip_codes_follow_the_import_rules_and_announce_late_vips(pms):
    level = vip("VIP1")
    answer = pms.post(STAYS, stay_json(vip_code="VIP9"), format="json")
    assert answer.status_code == 422 and "Unknown VIP code" in answer.json()["errors"][0]["detail"]
    pms.post(STAYS, stay_json(vip_code="vip1"), format="json")
    assert Stay.objects.get().vip_level == level


def test_it_reads_a_days_arrivals_with_cursor_pages(pms):
    day = timezone.localdate() + timedelta(days=30)
    other = day + timedelta(days=1)
    items = [
        stay_json(f"D-{i}", arrival_date=day.isoformat(), departure_date=other.isoformat())
        for i in range(3)
    ]
    items.append(stay_json("E-1", arrival_date=other.isoformat(), departure_date=other.isoformat()))
    pms.post(STAYS, items, format="json")
    page = pms.get(STAYS, {"arrival_date": day.isoformat(), "limit": 2}).json()
    assert [s["confirmation_number"] for s in page["results"]] == ["D-0", "D-1"]
    rest = pms.get(page["next"]).json()
    assert [s["confirmation_number"] for s in rest["results"]] == ["D-2"]
    assert rest["next"] is None
    assert page["results"][0]["guest"]["email"] == "asem@example.kz"


def test_updated_since_lists_only_later_changes(pms):
    pms.post(STAYS, [stay_json("U-1"), stay_json("U-2")], format="json")
    later = timezone.now() + timedelta(seconds=1)
    Stay.objects.filter(confirmation_number="U-2").update(updated_at=later + timedelta(minutes=1))
    found = pms.get(STAYS, {"updated_since": later.isoformat()}).json()["results"]
    assert [s["confirmation_number"] for s in found] == ["U-2"]
    assert pms.get(STAYS, {"updated_since": "yesterday"}).status_code == 400
    assert pms.get(STAYS, {"arrival_date": "2030-13-01"}).status_code == 400


def test_contact_fields_need_their_scope(make_client, pms):
    pms.post(STAYS, stay_json(), format="json")
    reader = make_client("stays:read", "guests:read")
    stay = reader.get(STAYS).json()["results"][0]
    assert "email" not in stay["guest"] and "phone" not in stay["guest"]
    guest = reader.get(f"/api/v1/guests/{stay['guest']['id']}/").json()
    assert "email" not in guest and "phone" not in guest
    full = pms.get(f"/api/v1/guests/{stay['guest']['id']}/").json()
    assert full["email"] == "asem@example.kz" and full["phone"] == "+77011234567"


def test_reads_carry_an_etag_and_answer_304_when_unchanged(pms):
    pms.post(STAYS, stay_json(), format="json")
    pk = Stay.objects.get().pk
    first = pms.get(f"{STAYS}{pk}/")
    assert first.status_code == 200 and first["ETag"]
    assert pms.get(f"{STAYS}{pk}/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    pms.post(STAYS, stay_json(room="999"), format="json")
    assert pms.get(f"{STAYS}{pk}/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_a_repeated_write_with_the_same_idempotency_key_returns_the_first_result(pms):
    headers = {"HTTP_IDEMPOTENCY_KEY": "push-2030-03-02"}
    first = pms.post(STAYS, stay_json(), format="json", **headers)
    again = pms.post(STAYS, stay_json(), format="json", **headers)
    assert again.status_code == 200 and again.json() == first.json()
    assert again.json()["results"][0]["result"] == "created"  # not "unchanged"
    assert again["Idempotent-Replayed"] == "true"
    other = pms.post(STAYS, stay_json(room="1"), format="json", **headers)
    assert other.status_code == 400 and other.json()["errors"][0]["pointer"] == "/Idempotency-Key"
    assert Stay.objects.get().room == "701"


def test_status_moves_follow_the_screens_transitions(pms):
    pms.post(STAYS, stay_json(), format="json")
    stay = Stay.objects.get()
    url = reverse("api:stay_status", kwargs={"pk": stay.pk})
    arrived = pms.post(url, {"status": "in_house", "expected": "expected"}, format="json")
    assert arrived.status_code == 200 and arrived.json()["status"] == "in_house"
    change = StayChange.objects.filter(stay=stay, kind=StayChange.Kind.STATUS).get()
    assert change.changes == {"status": ["expected", "in_house"]}
    # A second client that still saw "expected": told, nothing changed.
    late = pms.post(url, {"status": "no_show", "expected": "expected"}, format="json")
    assert late.status_code == 409 and late["Content-Type"] == "application/problem+json"
    assert "Already changed" in late.json()["detail"]
    wrong = pms.post(url, {"status": "no_show"}, format="json")
    assert wrong.status_code == 409 and "cannot become" in wrong.json()["detail"]
    assert pms.post(url, {"status": "departed"}, format="json").json()["status"] == "departed"
    assert pms.post(url, {"status": "flying"}, format="json").status_code == 400
    stay.refresh_from_db()
    assert stay.status == "departed"


def test_unknown_and_absurd_ids_are_404(pms):
    for pk in (999999, 2**63 + 5):
        answer = pms.get(f"{STAYS}{pk}/")
        assert answer.status_code == 404
        assert answer["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize("count", [5, 150])
def test_a_page_of_stays_costs_the_same_queries_whatever_its_length(
    pms, count, django_assert_num_queries
):
    pms.post(STAYS, [stay_json(f"Q-{i}") for i in range(count)], format="json")
    # Key lookup, its last use, the page, the call log.
    with django_assert_num_queries(4):
        answer = pms.get(STAYS, {"limit": 200})
    assert len(answer.json()["results"]) == count
