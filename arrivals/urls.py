from collections.abc import Callable

from django.urls import URLPattern, include, path

from arrivals import views
from arrivals.models import ImportBatch
from guestdesk import converters  # noqa: F401  (registers <day:...>)
from guestdesk.imports.urls import import_routes


def day_list(view: Callable, export: Callable, name: str) -> list[URLPattern]:
    """A day list's addresses: today's, a given day's and that day's CSV."""
    return [
        path("", view, name=f"{name}_today"),
        path("<day:day>/", view, name=name),
        path("<day:day>/export.csv", export, name=f"{name}_export"),
    ]


vip = [
    path("", views.vip_today, name="vip_today"),
    path("<day:day>/", views.vip_list, name="vip_list"),
    path("<day:day>/reviewed/", views.vip_review_all, name="vip_review_all"),
    path("stay/<int:pk>/", views.vip_review, name="vip_review"),
    path("levels/", views.vip_levels, name="vip_levels"),
    path("levels/new/", views.vip_level_edit, name="vip_level_new"),
    path("levels/<int:pk>/", views.vip_level_edit, name="vip_level"),
]
stay = [
    path("", views.stay_detail, name="stay"),
    path("edit/", views.stay_edit, name="stay_edit"),
    path("status/", views.stay_status, name="stay_status"),
    path("missing/", views.stay_missing, name="stay_missing"),
]
guest = [
    path("", views.guest_detail, name="guest"),
    path("edit/", views.guest_edit, name="guest_edit"),
    path("personal-data/", views.guest_data, name="guest_data"),
    path("personal-data.json", views.guest_data_json, name="guest_data_json"),
    path("anonymise/", views.guest_anonymise, name="guest_anonymise"),
]
imports = import_routes(
    views,
    ImportBatch,
    extra=[
        path("<int:pk>/apply-vip/", views.import_apply_vip, name="import_apply_vip"),
        path("profiles/<int:pk>.json", views.profile_json, name="profile_json"),
    ],
)

app_name = "arrivals"

urlpatterns = [
    path("", views.today, name="today"),
    path("<day:day>/", views.day, name="day"),
    path("<day:day>/export.csv", views.export, name="export"),
    path("in-house/", include(day_list(views.in_house, views.in_house_export, "in_house"))),
    path("departures/", include(day_list(views.departures, views.departures_export, "departures"))),
    path("vip/", include(vip)),
    path("stay/<int:pk>/", include(stay)),
    path("guests/", views.guests, name="guests"),
    path("guests/<int:pk>/", include(guest)),
    path("import/", include(imports)),
    path("flow/", views.guest_flow, name="flow"),
]
