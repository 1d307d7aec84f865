"""The public guest page and calendar feed, cached per language until the board changes.

Both are the same for every guest, so they are rendered once per language and kept in
Django's cache (Redis when CACHE_URL is set, so gunicorn processes share it; process
memory otherwise). Saving or deleting anything on the board bumps a version number that
is part of every key (board/signals.py); the minute is part of the key too, because the
page says what is open now and shows the current time.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.cache import cache
from django.utils import timezone

VERSION_KEY = "board:public:version"
# Long enough for a burst of guests scanning the QR code, short enough to free memory.
TIMEOUT = 120


def version() -> int:
    """The board's current version (1 until something changes)."""
    current = cache.get(VERSION_KEY)
    if current is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        current = cache.get(VERSION_KEY, 1)
    return current


def bump(**_signal_kwargs: object) -> None:
    """Forget every cached public page: the board has changed."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet, or it was evicted
        cache.set(VERSION_KEY, 2, timeout=None)


def cached(name: str, language: str, build: Callable[[], bytes], vary: str = "") -> bytes:
    """The body of the public page `name` in `language`, built by `build()` on a miss."""
    minute = timezone.now().strftime("%Y%m%d%H%M")
    key = f"board:public:{name}:{language}:{vary}:{version()}:{minute}"
    body = cache.get(key)
    if body is None:
        body = build()
        cache.set(key, body, timeout=TIMEOUT)
    return body
