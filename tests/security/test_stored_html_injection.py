"""Stored HTML injection: markup typed into a guest, stay, request or supplier stays text.

Every text field that reaches a page, an email or a document carries the attacks below;
then every staff page of that data and every email is read: the raw markup never appears
in HTML (it must come out escaped); a plain-text email body may carry it literally.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from digests import services as digests
from digests.models import Section
from guestdesk.models import OutboxMessage
from requests_desk import services as requests
from tests.digests.conftest import level, subscribe
from tests.requests_desk.factories import make_request, sample_details
from tests.vendors.conftest import make_contact

pytestmark = pytest.mark.django_db
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
LINK = '<a href="https://evil.example">click</a>'
ATTACK = f"{SCRIPT} {IMG} {LINK}"
RAW = ("<script>", "<img src=x", '<a href="https://evil')


def assert_escaped(html, where):
    for raw in RAW:
        assert raw not in html, f"{raw!r} unescaped in {where}"


def assert_shows_text(html, where):
    """The attack is there, as text (so the test reads the field at all)."""
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, f"the field is not shown in {where}"


@pytest.fixture
def world(agent):
    from arrivals.models import Guest, Stay
    from vendors.models import Supplier

    today = timezone.localdate()
    vip = level("VIP1")
    guest = Guest.objects.create(
        first_name=f"Anna {SCRIPT}",
        last_name=f"Berg {IMG} {LINK}",
        email="anna@guest.example",
        language="en",
        room_preference=ATTACK,
        pillow_preference=ATTACK,
        dietary_needs=ATTACK,
        allergies=ATTACK,
        occasions=ATTACK,
        preferences_notes=ATTACK,
        notes=ATTACK,
    )
    stay = Stay.objects.create(
        guest=guest,
        confirmation_number="C-XSS-1",
        room="501",
        arrival_date=today,
        departure_date=today + timedelta(days=3),
        vip_level=vip,
        special_attention=ATTACK,
        security_note=ATTACK,
        transport_number="KC 851",
        company=ATTACK,
        pickup_needed=True,
    )
    supplier = Supplier.objects.create(
        name=f"Taxi {ATTACK}", offer=ATTACK, address=ATTACK, working_hours=ATTACK,
        payment_terms=ATTACK, notes=ATTACK, commission_value=10,
    )  # fmt: skip
    supplier.set_categories(["transfer"])
    make_contact(supplier, name=f"Dispatcher {ATTACK}", role=ATTACK)
    details = sample_details("transfer")
    details.update(pickup_place=ATTACK, destination=ATTACK, driver_name=ATTACK, vehicle=ATTACK)
    transfer = make_request(
        "transfer", stay=stay, created_by=agent, details=details, notes=ATTACK,
        cancellation_terms=ATTACK, supplier=supplier,
    )  # fmt: skip
    transfer = requests.transition(transfer, "booked", agent, reference="REF-1")
    other = make_request(
        "other", stay=stay, created_by=agent, status="booked",
        details={"description": ATTACK, "wanted_at": sample_details("other")["wanted_at"]},
    )  # fmt: skip
    for code in ("housekeeping", "security", "transport"):
        subscribe(code, [s.value for s in Section], language="en")
    return {"stay": stay, "guest": guest, "transfer": transfer, "other": other,
            "supplier": supplier, "today": today}  # fmt: skip


def pages(world):
    today, stay = world["today"], world["stay"]
    transfer = world["transfer"]
    return [
        reverse("arrivals:day", kwargs={"day": today}),
        reverse("arrivals:in_house", kwargs={"day": today}),
        reverse("arrivals:departures", kwargs={"day": today + timedelta(days=3)}),
        reverse("arrivals:vip_list", kwargs={"day": today}),
        reverse("arrivals:stay", args=[stay.pk]),
        reverse("arrivals:guest", args=[world["guest"].pk]),
        reverse("arrivals:guests") + "?q=Anna",
        reverse("digests:preview", kwargs={"code": "security", "day": today.isoformat()}),
        reverse("digests:preview", kwargs={"code": "transport", "day": today.isoformat()}),
        reverse("requests_desk:board"),
        reverse("requests_desk:detail", args=[transfer.number]),
        reverse("requests_desk:detail", args=[world["other"].number]),
        reverse("requests_desk:itinerary", args=[transfer.number]),
        reverse("requests_desk:waybill", args=[transfer.number]),
        reverse("vendors:directory"),
        reverse("vendors:supplier", args=[world["supplier"].pk]),
    ]


def test_staff_pages_show_imported_markup_as_text(manager_client, world):
    for url in pages(world):
        response = manager_client.get(url)
        assert response.status_code == 200, url
        assert_escaped(response.content.decode(), url)


def test_the_digest_preview_shows_the_text_part_escaped(manager_client, world):
    url = reverse("digests:preview", kwargs={"code": "security", "day": world["today"].isoformat()})
    html = manager_client.get(url).content.decode()
    text = html.split('data-testid="preview-text">')[1].split("</pre>")[0]
    assert_escaped(text, "the preview's text part")
    assert_shows_text(text, "the preview's text part")
    html_part = manager_client.get(url + "email.html").content.decode()
    assert_escaped(html_part, "the preview's HTML part")


def emails_of(template):
    return list(OutboxMessage.objects.filter(template=template))


def check_email(message):
    assert_escaped(message.body_html, f"{message.template} HTML")
    assert "&lt;script&gt;" in message.body_html, f"{message.template}: field not in HTML"
    # Plain text: the guest's name as typed, not turned into entities.
    assert SCRIPT in message.body_text, f"{message.template}: text body mangled"
    assert "&lt;" not in message.body_text and "&quot;" not in message.body_text


def test_emails_escape_html_and_keep_text_literal(world, agent, django_capture_on_commit_callbacks):
    today = world["today"]
    security = subscribe("security", [s.value for s in Section], language="en")
    with django_capture_on_commit_callbacks(execute=True):
        digests.send_daily_digest(security.department_id, today)
        # A VIP arriving after the digest went out: the late alert.
        from arrivals.models import Stay

        late = Stay.objects.create(
            guest=world["guest"], confirmation_number="C-XSS-2", room="502", arrival_date=today,
            departure_date=today + timedelta(days=1), vip_level=level("VIP1"),
            special_attention=ATTACK,
        )  # fmt: skip
        assert late.pk
        assert digests.send_late_alerts(today) >= 1
        requests.send_confirmation(world["transfer"], agent)
    for template in ("digests-daily", "digests-late-alert", "requests_desk-confirmation"):
        messages = emails_of(template)
        assert messages, template
        for message in messages:
            check_email(message)
    assert len(mail.outbox) >= 3
    for sent in mail.outbox:
        html = sent.alternatives[0][0]
        assert_escaped(html, sent.subject)


def test_a_digest_detail_shows_the_sent_text_escaped(
    manager_client, world, django_capture_on_commit_callbacks
):
    security = subscribe("security", [s.value for s in Section], language="en")
    with django_capture_on_commit_callbacks(execute=True):
        digests.send_daily_digest(security.department_id, world["today"])
    digest = security.department.digests.get()
    html = manager_client.get(reverse("digests:detail", args=[digest.pk])).content.decode()
    assert_escaped(html, "digest detail")
    assert_shows_text(html, "digest detail")
