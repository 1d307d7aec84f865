"""The project's URLs plus a floor: a page that renders base.html behind the same login.

Used only by the benchmarks (override_settings(ROOT_URLCONF="bench.urls") in process,
bench/wsgi.py under gunicorn); the product's URLs never include it.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path

from guestdesk.urls import urlpatterns as project_urlpatterns


@login_required
def floor(request: HttpRequest) -> HttpResponse:
    """The least a logged-in page costs: middleware, session, user and base.html."""
    return render(request, "base.html", {})


urlpatterns = [path("bench-floor/", floor, name="bench_floor"), *project_urlpatterns]
