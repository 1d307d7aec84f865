from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.urls import path, re_path
from django.views.decorators.http import conditional_page
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from api import views

app_name = "api"


def endpoint(view: Any) -> Callable:
    """Keys authenticate here, not the login page; reads carry an ETag (If-None-Match: 304)."""
    return login_not_required(conditional_page(view.as_view()))


urlpatterns = [
    path("stays/", endpoint(views.StayList), name="stays"),
    path("stays/<int:pk>/", endpoint(views.StayDetail), name="stay"),
    path("stays/<int:pk>/status/", endpoint(views.StayStatus), name="stay_status"),
    path("guests/", endpoint(views.GuestList), name="guests"),
    path("guests/<int:pk>/", endpoint(views.GuestDetail), name="guest"),
    path("requests/", endpoint(views.RequestList), name="requests"),
    path("requests/<int:pk>/", endpoint(views.RequestDetail), name="request"),
    path("requests/<int:pk>/status/", endpoint(views.RequestStatus), name="request_status"),
    path("events/", endpoint(views.EventList), name="events"),
    path("information/", endpoint(views.InformationList), name="information"),
    # The schema and its documentation page are public: they describe, they hold no data.
    path(
        "schema/",
        login_not_required(SpectacularAPIView.as_view(authentication_classes=[])),
        name="schema",
    ),
    path(
        "docs/",
        login_not_required(
            SpectacularSwaggerSplitView.as_view(
                url_name="api:schema",
                template_name="api/swagger_ui.html",
                authentication_classes=[],
            )
        ),
        name="docs",
    ),
    # Anything else under /api/v1/ is a problem document too, not the screens' HTML page.
    re_path(r"^.*$", endpoint(views.NotFound), name="not_found"),
]
