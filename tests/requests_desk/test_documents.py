from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from guestdesk.models import OutboxMessage
from requests_desk.models import Attachment, Waybill
from tests.requests_desk.factories import PDF, PNG, make_attachment, make_request, make_stay

pytestmark = pytest.mark.django_db


def upload(client, r, name, content, content_type="application/pdf"):
    return client.post(
        reverse("requests_desk:upload", args=[r.number]),
        {"file": SimpleUploadedFile(name, content, content_type=content_type)},
        follow=True,
    )


def test_it_keeps_a_pdf_or_an_image_and_serves_it_to_staff(agent, agent_client):
    r = make_request("air", created_by=agent)
    assert "Attachment added." in upload(agent_client, r, "e-ticket.pdf", PDF).content.decode()
    upload(agent_client, r, "voucher.png", PNG, "image/png")
    pdf, png = Attachment.objects.order_by("pk")
    assert (pdf.name, pdf.content_type, png.content_type) == (
        "e-ticket.pdf",
        "application/pdf",
        "image/png",
    )
    assert not pdf.file.name.endswith("e-ticket.pdf")  # stored under a random name
    response = agent_client.get(pdf.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF
    assert "private" in response["Cache-Control"]
    assert r.events.filter(kind="attachment").count() == 2


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("script.html", b"<script>alert(1)</script>", "Only PDF files and images"),
        ("fake.pdf", b"MZ\x90\x00 not a pdf", "Only PDF files and images"),
        ("ticket.docx", b"PK\x03\x04", "Only PDF files and images"),
    ],
)
def test_it_refuses_other_file_types(name, content, message, agent, agent_client):
    r = make_request("air", created_by=agent)
    assert message in upload(agent_client, r, name, content).content.decode()
    assert not Attachment.objects.exists()


def test_it_refuses_a_file_that_is_too_large(settings, agent, agent_client):
    settings.REQUESTS_ATTACHMENT_MAX_MB = 1
    r = make_request("air", created_by=agent)
    big = PDF + b"0" * (1024 * 1024)
    assert (
        "The file is too large: at most 1 MB."
        in upload(agent_client, r, "big.pdf", big).content.decode()
    )
    assert not Attachment.objects.exists()


def test_attachments_are_never_served_outside_a_users_reach(
    agent, client, department_member, transport_member, outsider
):
    air = make_request("air", created_by=agent)
    transfer = make_request("transfer", created_by=agent)
    ticket = make_attachment(air)
    voucher = make_attachment(transfer)
    # Not logged in: to the login page.
    assert client.get(ticket.get_absolute_url()).status_code == 302
    # No role at all.
    client.force_login(outsider)
    assert client.get(ticket.get_absolute_url()).status_code == 403
    # Housekeeping sees no request types; Transport sees transfers but not air tickets.
    client.force_login(department_member)
    assert client.get(voucher.get_absolute_url()).status_code == 404
    client.force_login(transport_member)
    assert client.get(ticket.get_absolute_url()).status_code == 404
    assert client.get(voucher.get_absolute_url()).status_code == 200
    # Guessing: another request's attachment under a visible request's number.
    guessed = reverse("requests_desk:attachment", args=[transfer.number, ticket.pk])
    assert client.get(guessed).status_code == 404
    # And the file is not reachable under MEDIA_URL.
    assert client.get("/media/" + ticket.file.name).status_code == 404


def test_the_waybill_gets_a_sequential_number_once(agent, agent_client):
    first = make_request("transfer", created_by=agent)
    second = make_request("car_hire", created_by=agent)
    url = reverse("requests_desk:waybill", args=[first.number])
    page = agent_client.get(url).content.decode()
    assert "Issue the waybill number" in page and "№ ________" in page
    agent_client.post(url)
    agent_client.post(url)  # printing again keeps the number
    agent_client.post(reverse("requests_desk:waybill", args=[second.number]))
    year = timezone.localdate().year
    assert list(Waybill.objects.order_by("number").values_list("request", "number")) == [
        (first.pk, f"W-{year}-000001"),
        (second.pk, f"W-{year}-000002"),
    ]
    html = agent_client.get(url).content.decode()
    for text in (
        f"W-{year}-000001",
        "Serik Akhmetov",
        "Toyota Camry",
        "123 ABC 02",
        "ALA airport, terminal 1 → Hotel",
        "Odometer, km",
        "Pre-trip medical check passed",
    ):
        assert text in html


def test_there_is_no_waybill_for_a_taxi_or_a_self_drive_car(agent, agent_client):
    taxi = make_request("taxi", created_by=agent)
    from tests.requests_desk.factories import sample_details

    details = sample_details("car_hire")
    del details["with_driver"], details["driver_name"]  # the guest drives: nobody is named
    self_drive = make_request("car_hire", created_by=agent, details=details)
    for r in (taxi, self_drive):
        assert (
            agent_client.get(reverse("requests_desk:waybill", args=[r.number])).status_code == 404
        )


def test_the_permit_prints_holder_vehicle_and_validity(agent, agent_client):
    r = make_request("permit", created_by=agent, status="booked")
    html = agent_client.get(reverse("requests_desk:permit", args=[r.number])).content.decode()
    for text in ("Parking permit", "Anna Berg", "001 AAA 02", "Underground car park", "Айгерім"):
        assert text in html
    other = make_request("taxi", created_by=agent)
    assert agent_client.get(reverse("requests_desk:permit", args=[other.number])).status_code == 404


def itinerary_stay(agent):
    stay = make_stay()
    later = make_request("theatre", stay=stay, created_by=agent, status="booked")
    sooner = make_request("transfer", stay=stay, created_by=agent, status="booked")
    make_request("taxi", stay=stay, created_by=agent)  # not booked: not listed
    make_request("air", stay=stay, created_by=agent, status="cancelled")
    return stay, sooner, later


def test_the_itinerary_lists_booked_items_of_the_stay_in_time_order(agent, agent_client):
    stay, sooner, later = itinerary_stay(agent)
    response = agent_client.get(reverse("requests_desk:itinerary", args=[later.number]))
    items = response.context["items"]
    assert [i.pk for i in items] == [sooner.pk, later.pk]
    html = response.content.decode()
    assert html.index("Transfer") < html.index("Theatre")
    assert "Taxi" not in html.split('data-testid="itinerary"')[1]


@pytest.mark.parametrize(
    "language,subject",
    [
        ("ru", "Ваши бронирования"),
        ("kk", "брондауларыңыз"),
        ("en", "Your bookings with"),
        ("de", "Your bookings with"),
    ],
)
def test_the_confirmation_email_goes_in_the_guests_language(language, subject, agent, agent_client):
    stay, sooner, later = itinerary_stay(agent)
    stay.guest.language = language
    stay.guest.save()
    response = agent_client.post(reverse("requests_desk:confirm", args=[later.number]), follow=True)
    assert "Confirmation queued for" in response.content.decode()
    message = OutboxMessage.objects.get()
    assert message.to == [stay.guest.email]
    assert message.template == "requests_desk-confirmation"
    assert message.language == (language if language in ("kk", "ru", "en") else "en")
    assert subject in message.subject
    assert message.body_text.index("123 ABC 02") < message.body_text.index("Kyz Zhibek")
    assert "Kyz Zhibek" in message.body_html
    assert later.events.filter(kind="email").exists()


def test_no_confirmation_without_an_address_or_without_bookings(agent, agent_client):
    stay = make_stay()
    stay.guest.email = ""
    stay.guest.save()
    r = make_request("taxi", stay=stay, created_by=agent, status="booked")
    response = agent_client.post(reverse("requests_desk:confirm", args=[r.number]), follow=True)
    assert "has no email address" in response.content.decode()
    nothing = make_request("taxi", created_by=agent)
    response = agent_client.post(
        reverse("requests_desk:confirm", args=[nothing.number]), follow=True
    )
    assert "Nothing is booked yet" in response.content.decode()
    assert not OutboxMessage.objects.exists()


def test_the_stay_and_guest_panels_list_requests_with_create_buttons(agent, rf):
    from requests_desk.panels import panels

    stay = make_stay()
    r = make_request("transfer", stay=stay, created_by=agent)
    other = make_request("taxi", created_by=agent, due_at=timezone.now() + timedelta(hours=1))
    request = rf.get("/")
    request.user = agent
    (card,) = panels(request, "stay", stay)
    assert [row[0] for row in card.context["rows"]] == [r]
    from django.template.loader import render_to_string

    html = render_to_string(card.template, {"card": card.context, "request": request})
    assert f"/requests/new/?stay={stay.pk}&amp;type=transfer" in html
    (guest_card,) = panels(request, "guest", stay.guest)
    assert other not in [row[0] for row in guest_card.context["rows"]]
