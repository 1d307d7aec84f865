from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from guestdesk.celery import app
from guestdesk.registry import cards_for


def dashboard(request):
    return render(request, "guestdesk/dashboard.html", {"cards": cards_for(request)})


def _database_ok():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True, "ok"
    except Exception as exc:  # noqa: BLE001 - reported, not raised
        return False, type(exc).__name__


def _broker_ok():
    if settings.BROKER_EMBEDDED:
        return True, "embedded"
    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return True, "ok"
    except Exception as exc:  # noqa: BLE001 - reported, not raised
        return False, type(exc).__name__


@login_not_required
@never_cache
def healthz(request):
    db_ok, db_status = _database_ok()
    broker_ok, broker_status = _broker_ok()
    healthy = db_ok and broker_ok
    return JsonResponse(
        {
            "status": "ok" if healthy else "error",
            "database": db_status,
            "broker": broker_status,
        },
        status=200 if healthy else 503,
    )
