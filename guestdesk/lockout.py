"""Login throttling: a user name on one address, and one address across all user names.

axes checks every combination in AXES_LOCKOUT_PARAMETERS against one failure limit (the
largest count wins). This limit is therefore per request: the user-name limit once that
(user name, address) pair reached it, otherwise the larger per-address limit. A sprayer
trying many user names from one address is stopped after AXES_IP_FAILURE_LIMIT failures;
the real user, logging in from the front desk, is never locked by someone else's address.
"""

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest


def failure_limit(request: HttpRequest, credentials: dict | None) -> int:
    """The failure count at which this request is locked out (AXES_FAILURE_LIMIT)."""
    user_limit = settings.AXES_USER_FAILURE_LIMIT
    handler = AxesProxyHandler.get_implementation()
    attempts = getattr(handler, "get_user_attempts", None)
    if attempts is None:  # a handler that keeps no rows: the user-name limit only
        return user_limit
    pair = attempts(request, credentials)[0]  # the (username, ip_address) combination
    failures = pair.aggregate(total=Sum("failures_since_start"))["total"] or 0
    return user_limit if failures >= user_limit else settings.AXES_IP_FAILURE_LIMIT
