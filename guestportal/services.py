"""The guest's own actions: proving who they are, asking the desk, leaving feedback."""

from datetime import date, datetime, time
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from arrivals.models import Stay
from guestdesk.emails import queue_email
from guestportal import links
from guestportal.kinds import REQUEST_TYPE
from requests_desk import services as requests
from requests_desk.details import FORMS, known
from requests_desk.models import ServiceRequest
from requests_desk.tasks import manager_recipients
from requests_desk.types import TICKETS, RequestType
from reviews import services as reviews
from reviews.models import Review


def in_house(room: str, surname: str, today: date | None = None) -> Stay | None:
    """The stay in `room` today whose guest is called `surname` (case and spaces ignored).

    Only arrived guests count: status in house, and today between arrival and departure.
    """
    today = today or timezone.localdate()
    room, surname = room.strip(), " ".join(surname.split())
    if not room or not surname:
        return None
    return (
        Stay.objects.select_related("guest")
        .filter(
            status=Stay.Status.IN_HOUSE,
            arrival_date__lte=today,
            departure_date__gte=today,
            room__iexact=room,
            guest__last_name__iexact=surname,
        )
        .order_by("-arrival_date", "pk")
        .first()
    )


def ask(stay: Stay, kind: str, day: date, at: time, people: int, notes: str) -> ServiceRequest:
    """Create the request a guest sent from their page, marked as theirs, for the desk."""
    type_ = REQUEST_TYPE[kind]
    service_at = timezone.make_aware(datetime.combine(day, at))
    details = dict(requests.details_from_stay(stay)[type_])
    # What the stay suggests is for its arrival (a pickup at the airport, to the hotel);
    # a guest in house usually leaves from the hotel, to where their notes say.
    for arrival_only in ("destination", "meet_service"):
        details.pop(arrival_only, None)
    details.update(known(type_, {"pickup_place": settings.HOTEL_NAME}))
    details.update(known(type_, {"participants": people, "party_size": people}))
    if type_ not in TICKETS:
        details.update(known(type_, {"passengers": people}))
    field = FORMS[RequestType(type_)].service_field
    if field:
        details[field] = timezone.localtime(service_at).isoformat(timespec="minutes")
    request_obj = ServiceRequest(
        type=type_,
        stay=stay,
        guest=stay.guest,
        service_at=service_at,
        notes=notes.strip(),
        details=details,
        from_guest=True,
    )
    return requests.create_request(request_obj, None)


def requests_of(stay: Stay) -> list[ServiceRequest]:
    """The stay's own requests, newest first (one query)."""
    return list(ServiceRequest.objects.filter(stay=stay).order_by("-created_at", "-pk"))


def low_score() -> int:
    """Scores (out of 10) at or below this alert the managers at once."""
    return settings.GUESTPORTAL_LOW_SCORE


def leave_feedback(stay: Stay, score: int, text: str, language: str) -> Review:
    """Keep the guest's words as a guest-book review of the stay; a low score alerts managers."""
    with transaction.atomic():
        review = reviews.save_review(
            Review(
                source=Review.Source.GUEST_BOOK,
                date=timezone.localdate(),
                rating=Decimal(score),
                scale=Review.Scale.TEN,
                text=text.strip(),
                language=language,
                author=stay.guest.name,
                guest=stay.guest,
                stay=stay,
            )
        )
        if score <= low_score():
            to, manager_language = manager_recipients()
            if to:
                queue_email(
                    "guestportal-low-score",
                    {
                        "review": review,
                        "stay": stay,
                        "url": links.absolute(reverse("reviews:review", kwargs={"pk": review.pk})),
                        "hotel_name": settings.HOTEL_NAME,
                    },
                    to,
                    manager_language,
                )
    return review


def send_welcome(stay: Stay) -> bool:
    """Email the guest their page's link, if they gave an address (a stay moved back and forth
    within EMAIL_DEDUP_MINUTES sends it once)."""
    return _send_guest(stay, "guestportal-welcome")


def send_farewell(stay: Stay) -> bool:
    """At departure, email the guest the guest book's link, if they gave an address."""
    return _send_guest(stay, "guestportal-farewell")


def _send_guest(stay: Stay, name: str) -> bool:
    guest = stay.guest
    if not guest.email or not links.is_valid_for(stay):
        return False
    queue_email(
        name,
        {
            "guest": guest,
            "stay": stay,
            "page_url": links.page_url(stay),
            "ask_url": links.ask_url(stay),
            "feedback_url": links.feedback_url(stay),
            "hotel_name": settings.HOTEL_NAME,
        },
        [guest.email],
        guest.message_language,
        dedup_key=f"{name}:{stay.pk}",
    )
    return True
