from tests.routes import DESK, DESK_POST_ONLY, EVERY_STAFF, POST_ONLY, expect


def trace_kwargs(world):
    return {"pk": world["trace"].pk}


ROUTES = {
    # A member of one department goes straight to its day page.
    "traces:departments": {"expect": expect(department=302)},
    # The department member of the fixtures belongs to Housekeeping.
    "traces:department": {"kwargs": {"code": "housekeeping"}, "expect": EVERY_STAFF},
    "traces:acknowledge_digest": {"kwargs": {"code": "housekeeping"}, "expect": POST_ONLY},
    "traces:report": {"expect": DESK},
    "traces:add": {"kwargs": lambda world: {"pk": world["trace_stay"].pk}, "expect": POST_ONLY},
    "traces:add_for_request": {
        "kwargs": lambda world: {"pk": world["trace_request"].pk},
        "expect": DESK_POST_ONLY,
    },
    "traces:resolve": {"kwargs": trace_kwargs, "expect": POST_ONLY},
}


def world(users):
    from django.utils import timezone

    from arrivals.models import VipLevel
    from guestdesk.models import Department
    from tests.arrivals.factories import StayFactory
    from traces.models import Trace, TraceRule

    housekeeping = Department.objects.get(code="housekeeping")
    TraceRule.objects.create(
        vip_level=VipLevel.objects.get(code="VIP1"), department=housekeeping, text="Fruit plate"
    )
    stay = StayFactory(arrival_date=timezone.localdate())
    trace = Trace.objects.create(
        stay=stay,
        department=housekeeping,
        due_date=stay.arrival_date,
        text="Fruit plate",
    )
    from tests.requests_desk.factories import make_request

    return {
        "trace_stay": stay,
        "trace": trace,
        "trace_request": make_request("transfer", stay=stay),
    }
