"""Webhooks against a real HTTP receiver on the loopback interface."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core import mail

from api import webhooks
from api.models import WebhookDelivery, WebhookEndpoint, WebhookEvent
from api.tasks import deliver_webhook
from arrivals import services as stay_services
from arrivals.models import Stay
from digests import services as digest_services
from digests.models import Digest
from tests.api.conftest import stay_json
from tests.arrivals.factories import vip
from tests.conftest import make_user
from tests.digests.conftest import department
from tests.requests_desk.factories import make_request, make_stay, move_to
from tests.reviews.factories import ReviewFactory

SECRET = "whsec-test-secret"


class Receiver:
    """An HTTP server in a thread; `answers` is the status of each call in turn (then 200)."""

    def __init__(self, answers=(), verify=False):
        self.answers = list(answers)
        self.received: list = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                status = receiver.answers.pop(0) if receiver.answers else 200
                if verify and not webhooks.verify(
                    SECRET, self.headers.get("GuestDesk-Signature", ""), body
                ):
                    status = 401
                receiver.received.append((self.headers, body, status))
                self.send_response(status)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def events(self, status=200):
        return [json.loads(body) for _h, body, code in self.received if code == status]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver_factory():
    made = []

    def make(**kwargs):
        made.append(Receiver(**kwargs))
        return made[-1]

    yield make
    for receiver in made:
        receiver.close()


@pytest.fixture
def quick(settings):
    settings.WEBHOOK_RETRY_DELAY = 0
    settings.WEBHOOK_TIMEOUT = 5


def endpoint(url, events=("stay.arrived",), **fields):
    return WebhookEndpoint.objects.create(
        name="PMS", url=url, secret=SECRET, events=list(events), **fields
    )


@pytest.mark.django_db(transaction=True)
def test_a_receiver_failing_three_times_gets_the_event_on_the_fourth_try_once(
    receiver_factory, quick, agent
):
    receiver = receiver_factory(answers=[500, 500, 500])
    hook = endpoint(receiver.url)
    stay = make_stay()
    stay_services.transition(stay, Stay.Status.IN_HOUSE, agent)

    assert [code for _h, _b, code in receiver.received] == [500, 500, 500, 200]
    (event,) = receiver.events()
    assert event["type"] == "stay.arrived"
    assert event["data"]["id"] == stay.pk and event["data"]["status"] == "in_house"
    assert len({json.loads(body)["id"] for _h, body, _c in receiver.received}) == 1
    delivery = WebhookDelivery.objects.get(endpoint=hook)
    assert delivery.status == WebhookDelivery.Status.DELIVERED and delivery.attempts == 4
    assert [t.status_code for t in delivery.tries.all()] == [500, 500, 500, 200]
    # Running the task again (a duplicate message) sends nothing more.
    assert deliver_webhook(delivery.pk) is False
    assert len(receiver.received) == 4


@pytest.mark.django_db(transaction=True)
def test_a_verifying_receiver_accepts_every_delivery_and_rejects_a_tampered_one(
    receiver_factory, quick, agent
):
    receiver = receiver_factory(verify=True)
    endpoint(receiver.url, events=["stay.arrived", "request.status_changed"])
    stays = [make_stay() for _ in range(3)]
    for stay in stays:
        stay_services.transition(stay, Stay.Status.IN_HOUSE, agent)
    request = make_request("transfer", stay=stays[0])
    move_to(request, "in_progress", agent)
    assert [code for _h, _b, code in receiver.received] == [200] * 4
    kinds = [e["type"] for e in receiver.events()]
    assert kinds == ["stay.arrived"] * 3 + ["request.status_changed"]

    headers, body, _code = receiver.received[0]
    signature = headers["GuestDesk-Signature"]
    assert webhooks.verify(SECRET, signature, body)
    tampered = body.replace(b'"in_house"', b'"departed"')
    assert not webhooks.verify(SECRET, signature, tampered)
    assert not webhooks.verify("another-secret", signature, body)
    stale = webhooks.signature(SECRET, 1_000_000_000, body)
    assert not webhooks.verify(SECRET, stale, body)


@pytest.mark.django_db(transaction=True)
def test_events_of_one_object_arrive_in_order(receiver_factory, quick):
    receiver = receiver_factory(answers=[500])
    endpoint(receiver.url, events=["request.status_changed"])
    queued: list[int] = []
    retried: list[int] = []
    first = webhooks.emit("request.status_changed", "request:1", {"n": 1}, queued.append)
    second = webhooks.emit("request.status_changed", "request:1", {"n": 2}, queued.append)
    other = webhooks.emit("request.status_changed", "request:2", {"n": 3}, queued.append)
    d1, d2, d3 = (e.deliveries.get().pk for e in (first, second, other))
    assert queued == [d1, d2, d3]

    def deliver(pk):
        return webhooks.deliver(pk, queue=queued.append, retry=lambda pk, s: retried.append(pk))

    assert deliver(d1) is False and retried == [d1]  # the receiver answered 500
    assert deliver(d2) is False  # n+1 waits for n...
    assert deliver(d3) is True  # ...but another object's event does not
    assert len(receiver.received) == 2
    assert deliver(d1) is True and queued[-1] == d2  # n delivered: n+1 is queued
    assert deliver(d2) is True
    assert [e["data"]["n"] for e in receiver.events()] == [3, 1, 2]


@pytest.mark.django_db(transaction=True)
def test_an_endpoint_that_keeps_failing_is_paused_and_administrators_told(
    receiver_factory, quick, settings, django_user_model, agent
):
    settings.WEBHOOK_PAUSE_AFTER = 3
    settings.WEBHOOK_MAX_ATTEMPTS = 10
    make_user(django_user_model, "root", "Administrator")
    receiver = receiver_factory(answers=[503] * 20)
    hook = endpoint(receiver.url)
    stay = make_stay()
    stay_services.transition(stay, Stay.Status.IN_HOUSE, agent)

    hook.refresh_from_db()
    assert hook.paused_at is not None and hook.consecutive_failures == 3
    assert len(receiver.received) == 3
    (message,) = [m for m in mail.outbox if "root@hotel.example" in m.to]
    assert hook.name in message.subject
    # Events go on being kept while paused; resuming sends them in order.
    stay_services.transition(stay, Stay.Status.DEPARTED, agent)
    other = make_stay()
    stay_services.transition(other, Stay.Status.IN_HOUSE, agent)
    assert len(receiver.received) == 3
    receiver.answers = []
    assert webhooks.resume(hook, deliver_webhook.delay) == 2
    assert [e["data"]["id"] for e in receiver.events()] == [stay.pk, other.pk]
    assert WebhookEvent.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_no_endpoint_no_event(agent):
    stay_services.transition(make_stay(), Stay.Status.IN_HOUSE, agent)
    assert not WebhookEvent.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_vip_digest_and_review_events_reach_the_receiver(receiver_factory, quick, pms):
    receiver = receiver_factory()
    endpoint(receiver.url, events=["stay.vip_changed", "digest.acknowledged", "review.created"])
    vip("VIP1")
    pms.post("/api/v1/stays/", stay_json(vip_code="VIP1"), format="json")
    digest = Digest.objects.create(department=department("housekeeping"), date="2030-03-02")
    assert digest_services.acknowledge(digest, name="Olga") is True
    assert digest_services.acknowledge(digest, name="Olga") is False  # once only
    ReviewFactory()
    events = receiver.events()
    assert [e["type"] for e in events] == [
        "stay.vip_changed",
        "digest.acknowledged",
        "review.created",
    ]
    assert events[0]["data"]["vip_code"] == "VIP1"
    assert events[1]["data"]["department"] == "housekeeping"
    assert events[1]["data"]["acknowledged_by_name"] == "Olga"


def test_event_data_and_stored_answers_go_after_the_files_retention(db, pms, settings):
    from datetime import timedelta

    from django.utils import timezone

    from api.models import IdempotentWrite
    from guestdesk import erasure

    endpoint("http://127.0.0.1:9/hook")
    old = timezone.now() - timedelta(days=settings.RETENTION_FILES_DAYS + 1)
    event = WebhookEvent.objects.create(
        kind="stay.arrived", object_key="stay:1", payload={"guest": {"last_name": "Nurlanova"}}
    )
    pms.post("/api/v1/stays/", stay_json(), format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    WebhookEvent.objects.filter(pk=event.pk).update(created_at=old)
    IdempotentWrite.objects.update(created_at=old)
    erasure.purge()
    event.refresh_from_db()
    assert "Nurlanova" not in str(event.payload)
    assert "C-1001" not in str(IdempotentWrite.objects.get().body)


@pytest.mark.django_db(transaction=True)
def test_a_resolved_trace_reaches_the_receiver_once_with_its_stay_and_department(
    receiver_factory, quick, department_client, department_member, agent
):
    from django.urls import reverse

    from guestdesk.transitions import ChangedMeanwhile
    from tests.traces.conftest import a_trace
    from traces import services as trace_services

    receiver = receiver_factory(verify=True)
    endpoint(receiver.url, events=["trace.resolved"])
    done = a_trace(text="Qx-Fruit plate")
    department_client.post(
        reverse("traces:resolve", args=[done.pk]),
        {"status": "done", "expected": "open", "next": "/departments/housekeeping/"},
    )
    not_done = a_trace(text="Qx-Welcome dessert")
    trace_services.resolve(not_done, "not_done", agent, expected="open", reason="Qx-No cake")
    # A second click on a resolved trace changes nothing and sends nothing.
    with pytest.raises(ChangedMeanwhile):
        trace_services.resolve(done, "done", agent, expected="open")

    events = receiver.events()
    assert [(e["type"], e["data"]["id"]) for e in events] == [
        ("trace.resolved", done.pk),
        ("trace.resolved", not_done.pk),
    ]
    first, second = (e["data"] for e in events)
    done.refresh_from_db()
    assert first == {
        "id": done.pk,
        "stay_id": done.stay_id,
        "confirmation_number": done.stay.confirmation_number,
        "request_id": None,
        "department": "housekeeping",
        "status": "done",
        "reason": "",
        "resolved_at": done.resolved_at.isoformat(),
    }
    assert second["status"] == "not_done" and second["reason"] == "Qx-No cake"
    assert WebhookEvent.objects.filter(kind="trace.resolved").count() == 2


@pytest.mark.django_db(transaction=True)
def test_a_cancelled_trace_sends_no_trace_resolved_event(receiver_factory, quick, agent):
    from guestdesk import transitions
    from tests.traces.conftest import a_trace

    receiver = receiver_factory()
    endpoint(receiver.url, events=["trace.resolved"])
    transitions.transition(a_trace(), "cancelled", None)
    assert receiver.received == []
    assert not WebhookEvent.objects.exists()
