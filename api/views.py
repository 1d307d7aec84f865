"""The API's endpoints: thin, each calling the same QuerySet methods and services as the screens."""

import hashlib
import json
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.http import Http404
from django.utils import timezone, translation
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, generics, mixins, pagination, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from api import stays as stay_upsert
from api.auth import can_see_contacts, key_of
from api.models import ApiCall, IdempotentWrite
from api.problems import Conflict, TooLarge
from api.serializers import (
    EventSerializer,
    GuestSerializer,
    InformationSerializer,
    RequestCreateSerializer,
    RequestSerializer,
    RequestStatusSerializer,
    StayPushSerializer,
    StaySerializer,
    StayStatusSerializer,
    UpsertResponseSerializer,
)
from arrivals import services as stay_services
from arrivals.models import Guest, Stay
from board.models import Event, ServiceEntry, hotel_midnight
from guestdesk import roles
from guestdesk.client_ip import client_ip
from requests_desk import services as request_services
from requests_desk.models import ServiceRequest

BIGGEST_ID = 2**63 - 1
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class Cursor(pagination.CursorPagination):
    page_size = 100
    page_size_query_param = "limit"
    max_page_size = 500
    ordering: Any = "-id"


class ByUpdate(Cursor):
    """Oldest change first, so a client syncing with updated_since can resume."""

    ordering = ("updated_at", "id")


class ApiView(generics.GenericAPIView):
    """Every endpoint: body size limit, the call log, idempotent writes, 404 on wild ids."""

    scopes: dict[str, str] = {}
    read_roles: tuple[str, ...] = roles.READERS

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.API_MAX_BODY_KB * 1024:
            raise TooLarge(_("At most %(kb)s KB per request.") % {"kb": settings.API_MAX_BODY_KB})
        super().initial(request, *args, **kwargs)

    def finalize_response(self, request: Request, response: Any, *args: Any, **kwargs: Any) -> Any:
        response = super().finalize_response(request, response, *args, **kwargs)
        auth, user = getattr(request, "_auth", None), getattr(request, "_user", None)
        ApiCall.objects.create(
            key=auth if key_of(request) is not None else None,
            user=user if user is not None and user.is_authenticated else None,
            method=(request.method or "")[:10],
            path=request.get_full_path()[:300],
            status=response.status_code,
            address=client_ip(request._request)[:45],
        )
        return response

    def get_object_or_404(self, queryset: models.QuerySet, pk: Any) -> Any:
        if not isinstance(pk, int) or not 0 < pk <= BIGGEST_ID:
            raise Http404
        found = queryset.filter(pk=pk).first()
        if found is None:
            raise Http404
        return found

    def idempotent(self, request: Request, produce: Callable[[], Response]) -> Response:
        """A write with an Idempotency-Key answers a repeat with the first answer."""
        token = request.headers.get("Idempotency-Key", "").strip()[:200]
        key = key_of(request)
        if not token or key is None:
            return produce()
        document = json.dumps([request.path, request.data], sort_keys=True, default=str)
        fingerprint = hashlib.sha256(document.encode()).hexdigest()
        try:
            with transaction.atomic():
                response = produce()
                if response.status_code < 500:
                    IdempotentWrite.objects.create(
                        key=key,
                        token=token,
                        fingerprint=fingerprint,
                        status=response.status_code,
                        body=response.data,
                    )
                return response
        except IntegrityError:
            pass  # the first call with this key got there first: answer as it was answered
        first = IdempotentWrite.objects.filter(key=key, token=token).first()
        if first is None:
            raise Conflict(_("The same Idempotency-Key is being used right now."))
        if first.fingerprint != fingerprint:
            raise exceptions.ValidationError(
                {"Idempotency-Key": [_("This key was used for a different request.")]}
            )
        return Response(first.body, status=first.status, headers={"Idempotent-Replayed": "true"})

    def language(self, request: Request) -> str:
        lang = request.query_params.get("lang") or translation.get_language()
        if lang not in LANGUAGE_CODES:
            raise exceptions.ValidationError({"lang": [_("One of: kk, ru, en.")]})
        return lang


def _date_param(request: Request, name: str) -> date | None:
    text = request.query_params.get(name)
    if text is None:
        return None
    try:
        value = parse_date(text)
    except ValueError:
        value = None
    if value is None:
        raise exceptions.ValidationError({name: [_("A date as YYYY-MM-DD.")]})
    return value


def _moment_param(request: Request, name: str) -> datetime | None:
    text = request.query_params.get(name)
    if text is None:
        return None
    try:
        value = parse_datetime(text) or (
            datetime.combine(d, datetime.min.time()) if (d := parse_date(text)) else None
        )
    except ValueError:
        value = None
    if value is None:
        raise exceptions.ValidationError({name: [_("A date and time in ISO 8601.")]})
    offset = value.utcoffset()
    if (offset is not None and abs(offset) > timedelta(hours=14)) or not 1900 <= value.year <= 9998:
        raise exceptions.ValidationError({name: [_("A date and time in ISO 8601.")]})
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value


def _wild_check(serializer: serializers.BaseSerializer, data: Any) -> Any:
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


# -- stays ---------------------------------------------------------------------------------

STAY_FILTERS = [
    OpenApiParameter("arrival_date", OpenApiTypes.DATE, description="stays arriving that day"),
    OpenApiParameter(
        "updated_since", OpenApiTypes.DATETIME, description="stays changed at or after"
    ),
    OpenApiParameter("status", str, enum=[s.value for s in Stay.Status]),
]


class StayList(ApiView):
    """Stays: read (cursor pages, oldest change first) and push (upsert)."""

    scopes = {"GET": "stays:read", "POST": "stays:write"}
    serializer_class = StaySerializer
    pagination_class = ByUpdate

    def get_queryset(self) -> models.QuerySet:
        stays = Stay.objects.select_related("guest", "vip_level")
        day = _date_param(self.request, "arrival_date")
        if day is not None:
            stays = stays.arriving_on(day)
        since = _moment_param(self.request, "updated_since")
        if since is not None:
            stays = stays.filter(updated_at__gte=since)
        status = self.request.query_params.get("status")
        if status is not None:
            if status not in Stay.Status.values:
                raise exceptions.ValidationError({"status": [_("Unknown status.")]})
            stays = stays.filter(status=status)
        return stays

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "contacts": can_see_contacts(self.request)}

    @extend_schema(parameters=STAY_FILTERS, responses=StaySerializer(many=True))
    def get(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        assert page is not None
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(
        request=StayPushSerializer(many=True),
        responses={200: UpsertResponseSerializer},
        description=(
            "Create or update stays: one object or a list of at most API_BULK_MAX (1000). "
            "Matched by source and confirmation number, checked and written by the PMS "
            "import. All or nothing: 422 lists every refused object."
        ),
    )
    def post(self, request: Request) -> Response:
        def produce() -> Response:
            data = request.data
            items = data if isinstance(data, list) else [data]
            key = key_of(request)
            assert key is not None
            return Response({"results": stay_upsert.upsert(items, key)})

        return self.idempotent(request, produce)


class StayDetail(ApiView):
    scopes = {"GET": "stays:read"}
    serializer_class = StaySerializer

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "contacts": can_see_contacts(self.request)}

    def get(self, request: Request, pk: int) -> Response:
        stay = self.get_object_or_404(Stay.objects.select_related("guest", "vip_level"), pk)
        return Response(self.get_serializer(stay).data)


class StayStatus(ApiView):
    """Mark a stay arrived, departed or no-show: the screens' moves; 409 on a wrong one."""

    scopes = {"POST": "stays:write"}
    serializer_class = StayStatusSerializer

    @extend_schema(request=StayStatusSerializer, responses={200: StaySerializer})
    def post(self, request: Request, pk: int) -> Response:
        def produce() -> Response:
            stay = self.get_object_or_404(Stay.objects.all(), pk)
            values = _wild_check(self.get_serializer(data=request.data), request.data)
            stay_services.transition(stay, values["status"], None, values.get("expected"))
            fresh = Stay.objects.select_related("guest", "vip_level").get(pk=stay.pk)
            context = {"contacts": can_see_contacts(request)}
            return Response(StaySerializer(fresh, context=context).data)

        return self.idempotent(request, produce)


# -- guests --------------------------------------------------------------------------------


class GuestView(ApiView):
    """Guests, without email and phone unless the caller may see contacts."""

    scopes = {"GET": "guests:read"}
    read_roles = roles.DESK
    serializer_class = GuestSerializer

    def get_queryset(self) -> models.QuerySet:
        return Guest.objects.filter(anonymised_at__isnull=True)

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "contacts": can_see_contacts(self.request)}


class GuestList(mixins.ListModelMixin, GuestView):
    pagination_class = Cursor

    def get(self, request: Request) -> Response:
        return self.list(request)


class GuestDetail(GuestView):
    def get(self, request: Request, pk: int) -> Response:
        guest = self.get_object_or_404(self.get_queryset(), pk)
        return Response(self.get_serializer(guest).data)


# -- requests ------------------------------------------------------------------------------


class RequestView(ApiView):
    """Guest requests: a key reads them all, a staff session what its role reads."""

    scopes = {"GET": "requests:read"}
    serializer_class = RequestSerializer

    def get_queryset(self) -> models.QuerySet:
        requests = ServiceRequest.objects.all()
        if key_of(self.request) is None:
            requests = requests.visible_to(self.request.user)
        return requests


class RequestList(mixins.ListModelMixin, RequestView):
    scopes = {"GET": "requests:read", "POST": "requests:write"}
    pagination_class = Cursor

    def get(self, request: Request) -> Response:
        return self.list(request)

    @extend_schema(request=RequestCreateSerializer, responses={201: RequestSerializer})
    def post(self, request: Request) -> Response:
        def produce() -> Response:
            values = _wild_check(RequestCreateSerializer(data=request.data), request.data)
            stay = values["stay"]
            created = request_services.create_request(
                ServiceRequest(
                    type=values["type"],
                    stay=stay,
                    guest_id=stay.guest_id,
                    service_at=values.get("service_at"),
                    due_at=values.get("due_at"),
                    notes=values.get("notes", ""),
                ),
                None,
            )
            return Response(RequestSerializer(created).data, status=201)

        return self.idempotent(request, produce)


class RequestDetail(RequestView):
    def get(self, request: Request, pk: int) -> Response:
        found = self.get_object_or_404(self.get_queryset(), pk)
        return Response(self.get_serializer(found).data)


class RequestStatus(ApiView):
    scopes = {"POST": "requests:write"}
    serializer_class = RequestStatusSerializer

    @extend_schema(request=RequestStatusSerializer, responses={200: RequestSerializer})
    def post(self, request: Request, pk: int) -> Response:
        def produce() -> Response:
            found = self.get_object_or_404(ServiceRequest.objects.all(), pk)
            values = _wild_check(self.get_serializer(data=request.data), request.data)
            moved = request_services.transition(
                found,
                values["status"],
                None,
                expected=values.get("expected"),
                comment=values.get("comment", ""),
                reference=values.get("reference"),
                reason=values.get("reason", ""),
            )
            return Response(RequestSerializer(moved).data)

        return self.idempotent(request, produce)


# -- the board -----------------------------------------------------------------------------

LANG = OpenApiParameter("lang", str, enum=LANGUAGE_CODES, description="texts in this language")


class EventList(ApiView):
    """Events on the premises from `from` (today by default) for `days` days, in `lang`."""

    scopes = {"GET": "events:read"}
    serializer_class = EventSerializer

    @extend_schema(
        parameters=[
            LANG,
            OpenApiParameter("from", OpenApiTypes.DATE),
            OpenApiParameter("days", int, description="1 to 92, 14 by default"),
        ],
        responses=EventSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        lang = self.language(request)
        start = _date_param(request, "from") or timezone.localdate()
        try:
            days = int(request.query_params.get("days", 14))
        except ValueError:
            days = 0
        if not 1 <= days <= 92:
            raise exceptions.ValidationError({"days": [_("From 1 to 92.")]})
        events = list(Event.objects.between(*_day_bounds(start, days)).for_listing())
        with translation.override(lang):
            return Response(self.get_serializer(events, many=True).data)


def _day_bounds(start: date, days: int) -> tuple[datetime, datetime]:
    return hotel_midnight(start), hotel_midnight(start + timedelta(days=days))


class InformationList(ApiView):
    """The hotel information board's entries, in `lang`."""

    scopes = {"GET": "events:read"}
    serializer_class = InformationSerializer

    @extend_schema(parameters=[LANG], responses=InformationSerializer(many=True))
    def get(self, request: Request) -> Response:
        lang = self.language(request)
        entries = list(ServiceEntry.objects.order_by("category", "order", "pk"))
        with translation.override(lang):
            return Response(self.get_serializer(entries, many=True).data)


class NotFound(ApiView):
    """Any other path under /api/v1/: 404 as problem details, whoever asks."""

    permission_classes: list = []
    throttle_classes: list = []

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        raise Http404

    @extend_schema(exclude=True)
    def get(self, request: Request) -> Response:
        raise Http404
