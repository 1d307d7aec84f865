from datetime import date

from django.urls import path, register_converter

from arrivals import views


class DateConverter:
    """A hotel date in the URL: YYYY-MM-DD."""

    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValueError(value) from None

    def to_url(self, value):
        return value.isoformat() if isinstance(value, date) else value


register_converter(DateConverter, "day")

app_name = "arrivals"

urlpatterns = [
    path("", views.today, name="today"),
    path("<day:day>/", views.day, name="day"),
    path("<day:day>/export.csv", views.export, name="export"),
    path("in-house/", views.in_house, name="in_house_today"),
    path("in-house/<day:day>/", views.in_house, name="in_house"),
    path("in-house/<day:day>/export.csv", views.in_house_export, name="in_house_export"),
    path("departures/", views.departures, name="departures_today"),
    path("departures/<day:day>/", views.departures, name="departures"),
    path("departures/<day:day>/export.csv", views.departures_export, name="departures_export"),
    path("vip/", views.vip_today, name="vip_today"),
    path("vip/<day:day>/", views.vip_list, name="vip_list"),
    path("vip/<day:day>/reviewed/", views.vip_review_all, name="vip_review_all"),
    path("vip/stay/<int:pk>/", views.vip_review, name="vip_review"),
    path("vip/levels/", views.vip_levels, name="vip_levels"),
    path("vip/levels/new/", views.vip_level_edit, name="vip_level_new"),
    path("vip/levels/<int:pk>/", views.vip_level_edit, name="vip_level"),
    path("stay/<int:pk>/", views.stay_detail, name="stay"),
    path("stay/<int:pk>/edit/", views.stay_edit, name="stay_edit"),
    path("stay/<int:pk>/status/", views.stay_status, name="stay_status"),
    path("stay/<int:pk>/missing/", views.stay_missing, name="stay_missing"),
    path("guests/", views.guests, name="guests"),
    path("guests/<int:pk>/", views.guest_detail, name="guest"),
    path("guests/<int:pk>/edit/", views.guest_edit, name="guest_edit"),
    path("guests/<int:pk>/personal-data/", views.guest_data, name="guest_data"),
    path("guests/<int:pk>/personal-data.json", views.guest_data_json, name="guest_data_json"),
    path("guests/<int:pk>/anonymise/", views.guest_anonymise, name="guest_anonymise"),
    path("import/", views.imports, name="imports"),
    path("import/<int:pk>/", views.import_batch, name="import_batch"),
    path("import/<int:pk>/commit/", views.import_commit, name="import_commit"),
    path("import/<int:pk>/apply-vip/", views.import_apply_vip, name="import_apply_vip"),
    path("import/<int:pk>/progress/", views.import_progress, name="import_progress"),
    path("import/<int:pk>/file/", views.import_file, name="import_file"),
    path("import/profiles/<int:pk>.json", views.profile_json, name="profile_json"),
    path("flow/", views.guest_flow, name="flow"),
]
