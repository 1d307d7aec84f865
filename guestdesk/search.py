"""The quick search in the top bar: one page of guests, stays and requests for a few words.

The apps do the finding (each its own `search.py`, see `registry.search_for`), so the
search knows nothing about guests or requests and every app decides who sees what. The
view is not called `search`: this module is itself found as guestdesk's `search.py`.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from guestdesk import roles
from guestdesk.registry import search_for
from guestdesk.roles import role_required

MIN_LENGTH = 2  # one letter finds half the hotel
MAX_LENGTH = 100


@role_required(*roles.READERS)
def search_page(request: HttpRequest) -> HttpResponse:
    q = " ".join(request.GET.get("q", "").split())[:MAX_LENGTH]
    groups = search_for(request, q) if len(q) >= MIN_LENGTH else []
    context = {"q": q, "groups": groups, "too_short": 0 < len(q) < MIN_LENGTH}
    return render(request, "guestdesk/search.html", context)
