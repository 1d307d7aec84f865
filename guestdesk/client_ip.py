"""The client's address, the one way: login throttling and public rate limits agree on it.

Behind PROXY_COUNT reverse proxies the address is the one the outermost proxy saw: the
PROXY_COUNT-th entry from the right of X-Forwarded-For, so whatever a visitor writes into
that header themselves (further left) is ignored. With PROXY_COUNT=0 the header is
ignored altogether: anyone can send it.
"""

from django.conf import settings
from django.http import HttpRequest
from ipware import get_client_ip


def client_ip(request: HttpRequest) -> str:
    """The visitor's address as text; empty when the server was not told one."""
    proxies = getattr(settings, "PROXY_COUNT", 0)
    if proxies > 0:
        # python-ipware counts the proxies *inside* the header: the one that connects to
        # us is REMOTE_ADDR, not listed there.
        address, _routable = get_client_ip(
            request,
            proxy_count=proxies - 1,
            request_header_order=["HTTP_X_FORWARDED_FOR"],
            strict=False,
        )
        if address:
            return address
    return request.META.get("REMOTE_ADDR", "") or ""
