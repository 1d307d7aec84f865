import datetime

from tests.routes import DESK, EVERY_STAFF, MANAGER_POST_ONLY, MANAGERS, POST_ONLY, expect

DAY = datetime.date(2026, 11, 25)


def digest_kwargs(world):
    return {"pk": world["digest"].pk}


ROUTES = {
    "digests:history": {"expect": EVERY_STAFF},
    # A department member reads the digests of their own department (Housekeeping here).
    "digests:detail": {"kwargs": digest_kwargs, "expect": EVERY_STAFF},
    "digests:email_html": {"kwargs": digest_kwargs, "expect": EVERY_STAFF},
    "digests:resend": {"kwargs": digest_kwargs, "expect": MANAGER_POST_ONLY},
    "digests:retry": {"kwargs": digest_kwargs, "expect": MANAGER_POST_ONLY},
    "digests:acknowledge": {"kwargs": digest_kwargs, "expect": POST_ONLY},
    "digests:subscriptions": {"expect": MANAGERS},
    "digests:subscription": {"kwargs": {"code": "housekeeping"}, "expect": MANAGERS},
    "digests:preview": {"kwargs": {"code": "housekeeping", "day": "2026-11-25"}, "expect": DESK},
    "digests:preview_html": {
        "kwargs": {"code": "housekeeping", "day": "2026-11-25"},
        "expect": DESK,
    },
    # The acknowledge link needs no login: it is signed for one digest.
    "digests:ack": {
        "kwargs": lambda world: {"token": world["ack_token"]},
        "expect": expect(anonymous=200),
    },
}


def world(users):
    from digests.models import Digest
    from digests.services import ack_token
    from guestdesk.models import Department, OutboxMessage

    department = Department.objects.get(code="housekeeping")
    outbox = OutboxMessage.objects.create(
        template="digests-daily",
        to=["hk@hotel.example"],
        subject="Digest",
        body_text="text",
        body_html="<p>html</p>",
        language="ru",
    )
    digest = Digest.objects.create(department=department, date=DAY, outbox=outbox)
    return {"digest": digest, "ack_token": ack_token(digest)}
