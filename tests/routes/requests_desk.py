from tests.routes import DESK, DESK_POST_ONLY, MANAGERS, expect

# The Housekeeping member of the route matrix has no request types routed to them: they
# read the board (empty) and get 404 for every request, as for a guessed URL.
READ_ONLY_404 = expect(department=404)


def number(name):
    return lambda world: {"number": world[name].number}


ROUTES = {
    "requests_desk:board": {"expect": expect()},
    "requests_desk:create": {"expect": DESK},
    "requests_desk:lead_times": {"expect": MANAGERS},
    "requests_desk:detail": {"kwargs": number("transfer"), "expect": READ_ONLY_404},
    "requests_desk:edit": {"kwargs": number("transfer"), "expect": DESK},
    "requests_desk:status": {"kwargs": number("transfer"), "expect": DESK_POST_ONLY},
    "requests_desk:take": {"kwargs": number("transfer"), "expect": DESK_POST_ONLY},
    "requests_desk:upload": {"kwargs": number("transfer"), "expect": DESK_POST_ONLY},
    "requests_desk:attachment": {
        "kwargs": lambda world: {"number": world["transfer"].number, "pk": world["file"].pk},
        "expect": READ_ONLY_404,
    },
    "requests_desk:waybill": {"kwargs": number("transfer"), "expect": READ_ONLY_404},
    "requests_desk:permit": {"kwargs": number("permit"), "expect": READ_ONLY_404},
    "requests_desk:itinerary": {"kwargs": number("transfer"), "expect": DESK},
    "requests_desk:confirm": {"kwargs": number("transfer"), "expect": DESK_POST_ONLY},
}


def world(users):
    from tests.requests_desk.factories import make_attachment, make_request

    transfer = make_request("transfer", created_by=users["agent"])
    return {
        "transfer": transfer,
        "permit": make_request("permit", created_by=users["agent"]),
        "file": make_attachment(transfer),
    }
