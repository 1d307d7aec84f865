import pytest
from django.urls import reverse

from arrivals import services
from arrivals.models import Stay, StayChange
from arrivals.signals import vip_stay_changed
from guestdesk.transitions import TransitionError
from tests.arrivals.factories import StayFactory, vip

pytestmark = pytest.mark.django_db


def post_status(client, stay, to, seen="expected"):
    url = reverse("arrivals:stay_status", args=[stay.pk])
    return client.post(url, {"status": to, "from": seen, "next": "/arrivals/"}, follow=True)


def test_it_marks_arrived_and_keeps_who_and_when(agent_client, agent):
    stay = StayFactory()
    response = post_status(agent_client, stay, "in_house")
    stay.refresh_from_db()
    assert stay.status == "in_house"
    change = StayChange.objects.get(stay=stay, kind="status")
    assert change.changes == {"status": ["expected", "in_house"]}
    assert change.changed_by == agent
    assert "in house" in response.content.decode()


def test_a_departed_stay_cannot_become_expected_again(agent_client):
    stay = StayFactory(status="departed")
    response = post_status(agent_client, stay, "expected", seen="departed")
    stay.refresh_from_db()
    assert stay.status == "departed"
    assert "cannot become" in response.content.decode()
    assert not StayChange.objects.filter(stay=stay).exists()


@pytest.mark.parametrize(
    ("start", "to"),
    [("expected", "departed"), ("cancelled", "in_house"), ("no_show", "departed")],
)
def test_wrong_moves_are_refused(agent, start, to):
    stay = StayFactory(status=start)
    with pytest.raises(TransitionError):
        services.transition(stay, to, agent)
    assert Stay.objects.get(pk=stay.pk).status == start


def test_the_second_of_two_clicks_gets_already_changed(agent_client, agent, manager):
    stay = StayFactory()
    # Another agent marked the stay arrived while this page still showed "expected".
    services.transition(Stay.objects.get(pk=stay.pk), "in_house", manager)
    response = post_status(agent_client, stay, "no_show", seen="expected")
    html = response.content.decode()
    assert "Already changed" in html and "in house" in html
    stay.refresh_from_db()
    assert stay.status == "in_house"
    assert StayChange.objects.filter(stay=stay, kind="status").count() == 1


def test_the_same_move_twice_is_a_clear_no_op(agent, manager):
    stay = StayFactory()
    services.transition(Stay.objects.get(pk=stay.pk), "in_house", agent)
    with pytest.raises(TransitionError, match="Already changed"):
        services.transition(Stay.objects.get(pk=stay.pk), "in_house", manager, "expected")


def test_unknown_status_is_404(agent_client):
    stay = StayFactory()
    url = reverse("arrivals:stay_status", args=[stay.pk])
    assert agent_client.post(url, {"status": "teleported"}).status_code == 404


def test_manager_reviews_and_changes_level_on_the_vip_list(
    manager_client, manager, django_capture_on_commit_callbacks
):
    stay = StayFactory(vip_level=vip("VIP3"))
    calls = []
    vip_stay_changed.connect(lambda **kw: calls.append(kw["stay_ids"]), weak=False)
    url = reverse("arrivals:vip_review", args=[stay.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(
            url,
            {"vip_level": vip("VIP1").pk, "special_attention": "Champagne", "reviewed": "on"},
        )
    assert response.status_code == 302
    stay.refresh_from_db()
    assert stay.vip_level.code == "VIP1" and stay.special_attention == "Champagne"
    assert stay.reviewed_by == manager and stay.reviewed_at
    assert calls == [[stay.pk]]
    kinds = set(StayChange.objects.filter(stay=stay).values_list("kind", flat=True))
    assert kinds == {"edit", "review"}
    page = manager_client.get(reverse("arrivals:vip_list", kwargs={"day": stay.arrival_date}))
    assert "Reviewed by" in page.content.decode()
    assert page.context["unreviewed"] == 0


def test_lowering_a_level_sends_no_vip_alert(manager_client, django_capture_on_commit_callbacks):
    stay = StayFactory(vip_level=vip("VIP1"))
    calls = []
    vip_stay_changed.connect(lambda **kw: calls.append(kw["stay_ids"]), weak=False)
    with django_capture_on_commit_callbacks(execute=True):
        manager_client.post(
            reverse("arrivals:vip_review", args=[stay.pk]), {"vip_level": vip("VIP4").pk}
        )
    assert calls == []


def test_only_managers_review_or_change_vip_levels(agent_client, department_client):
    stay = StayFactory(vip_level=vip("VIP3"))
    url = reverse("arrivals:vip_review", args=[stay.pk])
    data = {"vip_level": vip("VIP1").pk, "reviewed": "on"}
    assert agent_client.post(url, data).status_code == 403
    assert department_client.post(url, data).status_code == 403
    stay.refresh_from_db()
    assert stay.vip_level.code == "VIP3" and stay.reviewed_at is None
    page = agent_client.get(reverse("arrivals:vip_list", kwargs={"day": stay.arrival_date}))
    assert 'data-testid="vip-review-form"' not in page.content.decode()


def test_agent_edit_cannot_change_the_vip_level(agent_client):
    stay = StayFactory(vip_level=vip("VIP3"))
    url = reverse("arrivals:stay_edit", args=[stay.pk])
    data = {
        "room": "909",
        "arrival_date": stay.arrival_date.isoformat(),
        "departure_date": stay.departure_date.isoformat(),
        "adults": 2,
        "children": 0,
        "vip_level": vip("VIP1").pk,
    }
    assert agent_client.post(url, data).status_code == 302
    stay.refresh_from_db()
    assert stay.room == "909" and stay.vip_level.code == "VIP3"
    change = StayChange.objects.get(stay=stay, kind="edit")
    assert change.changes["room"][1] == "909" and "vip_level" not in change.changes


def test_manager_edit_raising_vip_announces_it(manager_client, django_capture_on_commit_callbacks):
    stay = StayFactory()
    calls = []
    vip_stay_changed.connect(lambda **kw: calls.append(kw["stay_ids"]), weak=False)
    url = reverse("arrivals:stay_edit", args=[stay.pk])
    data = {
        "room": stay.room,
        "arrival_date": stay.arrival_date.isoformat(),
        "departure_date": stay.departure_date.isoformat(),
        "adults": 1,
        "children": 0,
        "vip_level": vip("VIP2").pk,
    }
    with django_capture_on_commit_callbacks(execute=True):
        manager_client.post(url, data)
    assert calls == [[stay.pk]]


def test_stay_page_shows_history_and_panels(agent_client, agent):
    stay = StayFactory()
    services.transition(stay, "in_house", agent)
    response = agent_client.get(reverse("arrivals:stay", args=[stay.pk]))
    assert response.status_code == 200
    assert "Айгерім" in response.content.decode()
    assert isinstance(response.context["panels"], list)


def test_missing_stay_is_confirmed_by_an_agent(agent_client):
    from arrivals.models import ImportBatch

    batch = ImportBatch.objects.create(original_name="x.csv", file="x.csv")
    stay = StayFactory(missing_from_batch=batch)
    url = reverse("arrivals:stay_missing", args=[stay.pk])
    agent_client.post(url, {"decision": "cancel"})
    stay.refresh_from_db()
    assert stay.status == "cancelled" and stay.missing_from_batch is None


@pytest.fixture(autouse=True)
def _disconnect():
    receivers = list(vip_stay_changed.receivers)
    yield
    vip_stay_changed.receivers = receivers
    vip_stay_changed.sender_receivers_cache.clear()


def test_a_stay_made_vip_in_the_admin_is_announced(
    admin_client, django_capture_on_commit_callbacks
):
    stay = StayFactory()
    calls = []
    vip_stay_changed.connect(lambda **kw: calls.append(kw["stay_ids"]), weak=False)
    url = reverse("admin:arrivals_stay_change", args=[stay.pk])
    data = {
        "guest": stay.guest.pk,
        "source": stay.source,
        "confirmation_number": stay.confirmation_number,
        "arrival_date": stay.arrival_date.isoformat(),
        "departure_date": stay.departure_date.isoformat(),
        "adults": 1,
        "children": 0,
        "status": "expected",
        "vip_level": vip("VIP2").pk,
        "changes-TOTAL_FORMS": 0,
        "changes-INITIAL_FORMS": 0,
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert calls == [[stay.pk]]
