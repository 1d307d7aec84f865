from tests.routes import DESK, PUBLIC

ROUTES = {
    # Public: room and surname, or a stay's signed link.
    "guestportal:room": {"expect": PUBLIC},
    "guestportal:room_qr": {"expect": PUBLIC},
    "guestportal:home": {"kwargs": lambda w: {"token": w["portal_token"]}, "expect": PUBLIC},
    "guestportal:ask": {"kwargs": lambda w: {"token": w["portal_token"]}, "expect": PUBLIC},
    "guestportal:feedback": {"kwargs": lambda w: {"token": w["portal_token"]}, "expect": PUBLIC},
    # Staff: a stay's welcome card.
    "guestportal:card": {"kwargs": lambda w: {"pk": w["portal_stay"].pk}, "expect": DESK},
}


def world(users):
    from datetime import timedelta

    from django.utils import timezone

    from arrivals.models import Guest, Stay
    from guestportal.links import token_for

    today = timezone.localdate()
    guest = Guest.objects.create(first_name="Aigerim", last_name="Routes", language="kk")
    stay = Stay.objects.create(
        guest=guest,
        confirmation_number="GP-ROUTES",
        room="210",
        arrival_date=today,
        departure_date=today + timedelta(days=2),
        status=Stay.Status.IN_HOUSE,
    )
    return {"portal_stay": stay, "portal_token": token_for(stay)}
