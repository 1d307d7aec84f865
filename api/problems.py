"""Errors as problem details (RFC 9457), `application/problem+json`, with field errors.

`{"type": "about:blank", "title": "...", "status": 422, "detail": "...",
  "errors": [{"pointer": "/0/arrival_date", "detail": "..."}]}`
"""

from typing import Any

from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from guestdesk.transitions import TransitionError

CONTENT_TYPE = "application/problem+json"


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "Conflict."
    default_code = "conflict"


class Unprocessable(exceptions.APIException):
    """Well-formed, but the content is refused (the import's row checks)."""

    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_detail = "The content cannot be processed."
    default_code = "unprocessable"

    def __init__(self, detail: str, errors: list[dict]) -> None:
        super().__init__(detail)
        self.errors = errors


class TooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request is too large."
    default_code = "too_large"


def _flatten(detail: Any, pointer: str = "") -> list[dict]:
    """DRF's nested error structure as a flat list of {pointer, detail}."""
    if isinstance(detail, dict):
        return [e for key, value in detail.items() for e in _flatten(value, f"{pointer}/{key}")]
    if isinstance(detail, list):
        if all(not isinstance(item, dict | list) for item in detail):
            return [{"pointer": pointer or "/", "detail": str(item)} for item in detail]
        return [e for i, value in enumerate(detail) for e in _flatten(value, f"{pointer}/{i}")]
    return [{"pointer": pointer or "/", "detail": str(detail)}]


TITLES = {
    400: "Bad request",
    401: "Not authenticated",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    406: "Not acceptable",
    409: "Conflict",
    412: "Precondition failed",
    413: "Request too large",
    415: "Unsupported media type",
    422: "Unprocessable content",
    429: "Too many requests",
}


def problem(status_code: int, detail: str, errors: list[dict] | None = None) -> dict:
    document: dict[str, Any] = {
        "type": "about:blank",
        "title": TITLES.get(status_code, "Error"),
        "status": status_code,
        "detail": detail,
    }
    if errors:
        document["errors"] = errors
    return document


def exception_handler(exc: Exception, context: dict) -> Response | None:
    if isinstance(exc, TransitionError):
        exc = Conflict(str(exc))
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    errors: list[dict] = getattr(exc, "errors", [])
    if isinstance(exc, exceptions.ValidationError):
        errors = _flatten(exc.detail)
        detail = _("The request has invalid fields.")
    elif isinstance(exc, Http404):
        detail = _("Not found.")
    elif isinstance(exc, exceptions.APIException):
        detail = str(exc.detail) if not isinstance(exc.detail, dict | list) else str(exc)
    else:
        detail = str(exc)
    response.data = problem(response.status_code, detail, errors)
    response.content_type = CONTENT_TYPE
    return response
