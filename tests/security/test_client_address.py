"""The client address behind a proxy: one function for login throttling and rate limits."""

import pytest
from axes.helpers import get_client_ip_address
from axes.models import AccessAttempt
from django.test import Client, RequestFactory

from guestdesk.client_ip import client_ip

pytestmark = pytest.mark.django_db


def request(forwarded=None, remote="10.0.0.1"):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_a_proxy_the_forwarded_header_is_ignored(settings):
    settings.PROXY_COUNT = 0
    assert client_ip(request("198.51.100.7")) == "10.0.0.1"


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (1, "198.51.100.7", "198.51.100.7"),
        # What a visitor writes into the header themselves stands further left: ignored.
        (1, "6.6.6.6, 198.51.100.7", "198.51.100.7"),
        (2, "6.6.6.6, 198.51.100.7, 10.0.0.2", "198.51.100.7"),
        (1, "2001:db8::7", "2001:db8::7"),
        # A header missing or shorter than the proxies: the connecting address.
        (1, None, "10.0.0.1"),
        (2, "198.51.100.7", "10.0.0.1"),
        (1, "not-an-address", "10.0.0.1"),
    ],
)
def test_behind_proxies_it_takes_the_address_the_outer_proxy_saw(
    settings, count, forwarded, expected
):
    settings.PROXY_COUNT = count
    assert client_ip(request(forwarded)) == expected


def test_axes_uses_it(settings):
    settings.PROXY_COUNT = 1
    assert get_client_ip_address(request("198.51.100.7")) == "198.51.100.7"


def test_failed_logins_count_against_the_visitor_not_the_proxy(settings):
    settings.PROXY_COUNT = 1
    proxy = "10.0.0.1"
    Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="198.51.100.7").post(
        "/accounts/login/", {"username": "agent", "password": "wrong"}
    )
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["198.51.100.7"]


def test_the_public_rate_limit_uses_it(settings):
    from board import ratelimit
    from guestdesk import client_ip as module

    assert ratelimit.client_ip is module.client_ip
