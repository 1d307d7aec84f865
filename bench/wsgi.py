"""WSGI application for the throughput benchmark: the project plus the floor page."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "guestdesk.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.handlers.wsgi import WSGIHandler  # noqa: E402

settings.ROOT_URLCONF = "bench.urls"
application = WSGIHandler()
