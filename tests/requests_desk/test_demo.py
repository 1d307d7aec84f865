import pytest

from requests_desk import demo
from requests_desk.models import CLOSED_STATUSES, OPEN_STATUSES, ServiceRequest, Waybill
from requests_desk.types import RequestType
from tests.requests_desk.factories import make_stay, make_supplier

pytestmark = pytest.mark.django_db


def test_the_demo_adds_open_and_finished_requests_of_every_type_once(agent):
    for _ in range(4):
        make_stay()
    make_stay(vip=True)
    make_supplier("transfer", preferred=True)
    demo.load()
    count = ServiceRequest.objects.count()
    demo.load()
    assert ServiceRequest.objects.count() == count
    for type_ in RequestType.values:
        statuses = set(ServiceRequest.objects.filter(type=type_).values_list("status", flat=True))
        assert statuses & set(OPEN_STATUSES), type_
        assert statuses & set(CLOSED_STATUSES), type_
    transfer = Waybill.objects.select_related("request").get(request__type="transfer").request
    assert transfer.details["driver_name"] and transfer.details["plate"]
    assert transfer.status == "booked" and transfer.supplier is not None


def test_the_demo_works_without_stays(agent):
    demo.load()
    assert ServiceRequest.objects.filter(walk_in_name__startswith="Demo walk-in").exists()
