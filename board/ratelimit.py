"""Per-address rate limit for the public guest pages, counted in Django's cache.

The cache is Redis when CACHE_URL is set, so every gunicorn process shares the counts.
A fixed window is enough here: the aim is to keep a scraper or a stuck phone from loading
the database, not to meter anyone precisely.
"""

import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import gettext as _

from guestdesk.client_ip import client_ip

# Requests per address per window; overridable in settings without a code change.
DEFAULT_LIMIT = 120
DEFAULT_WINDOW = 60


def hit(key, limit, window):
    """Count one request for `key`; True while the count stays within `limit`."""
    bucket = f"board:rate:{key}:{int(time.time() // window)}"
    cache.add(bucket, 0, timeout=window + 5)
    try:
        count = cache.incr(bucket)
    except ValueError:  # expired between add and incr
        cache.set(bucket, 1, timeout=window + 5)
        count = 1
    return count <= limit


def rate_limited(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        limit = getattr(settings, "BOARD_PUBLIC_RATE_LIMIT", DEFAULT_LIMIT)
        window = getattr(settings, "BOARD_PUBLIC_RATE_WINDOW", DEFAULT_WINDOW)
        if not hit(client_ip(request) or "unknown", limit, window):
            response = HttpResponse(
                _("Too many requests. Please wait a minute and try again."),
                status=429,
                content_type="text/plain; charset=utf-8",
            )
            response["Retry-After"] = str(window)
            return response
        return view(request, *args, **kwargs)

    return wrapped
