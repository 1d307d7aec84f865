import datetime

from django.urls import path, register_converter

from vendors import views


class MonthConverter:
    """YYYY-MM in the URL, the month's first day in the view."""

    regex = r"[0-9]{4}-[0-9]{2}"

    def to_python(self, value):
        year, month = value.split("-")
        return datetime.date(int(year), int(month), 1)  # ValueError: no match, a 404

    def to_url(self, value):
        if isinstance(value, str):
            value = self.to_python(value)
        return f"{value.year:04d}-{value.month:02d}"


register_converter(MonthConverter, "vendors_month")

app_name = "vendors"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("suppliers/new/", views.supplier_create, name="supplier_create"),
    path("suppliers/<int:pk>/", views.supplier_detail, name="supplier"),
    path("suppliers/<int:pk>/edit/", views.supplier_edit, name="supplier_edit"),
    path("commission/", views.commission_current, name="commission_current"),
    path("commission/<vendors_month:month>/", views.commission, name="commission"),
    path("commission/<vendors_month:month>.csv", views.commission_csv, name="commission_csv"),
    path("guide/", views.guide, name="guide"),
    path("guide/new/", views.place_create, name="place_create"),
    path("guide/<int:pk>/", views.place_detail, name="place"),
    path("guide/<int:pk>/edit/", views.place_edit, name="place_edit"),
    path("guide/<int:pk>/verified/", views.place_verify, name="place_verify"),
    path("sheets/new/", views.sheet_new, name="sheet_new"),
    path("sheets/<int:pk>/", views.sheet_detail, name="sheet"),
    path("sheets/<int:pk>/edit/", views.sheet_edit, name="sheet_edit"),
    path("sheets/<int:pk>/print/", views.sheet_print, name="sheet_print"),
    path("sheets/<int:pk>/printed/", views.sheet_printed, name="sheet_printed"),
    path("sheets/<int:pk>/email/", views.sheet_email, name="sheet_email"),
    path("sheets/<int:pk>/delete/", views.sheet_delete, name="sheet_delete"),
]
