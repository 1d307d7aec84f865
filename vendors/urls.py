from django.urls import include, path

from guestdesk import converters  # noqa: F401  (registers <month:...>)
from vendors import views

commission = [
    path("", views.commission_current, name="commission_current"),
    path("<month:month>/", views.commission, name="commission"),
    path("<month:month>.csv", views.commission_csv, name="commission_csv"),
]
place = [
    path("", views.place_detail, name="place"),
    path("edit/", views.place_edit, name="place_edit"),
    path("verified/", views.place_verify, name="place_verify"),
]
# A printed recommendation sheet for a guest: composed, printed or emailed.
sheet = [
    path("", views.sheet_detail, name="sheet"),
    path("edit/", views.sheet_edit, name="sheet_edit"),
    path("print/", views.sheet_print, name="sheet_print"),
    path("printed/", views.sheet_printed, name="sheet_printed"),
    path("email/", views.sheet_email, name="sheet_email"),
    path("delete/", views.sheet_delete, name="sheet_delete"),
]

app_name = "vendors"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("suppliers/new/", views.supplier_create, name="supplier_create"),
    path("suppliers/<int:pk>/", views.supplier_detail, name="supplier"),
    path("suppliers/<int:pk>/edit/", views.supplier_edit, name="supplier_edit"),
    path("commission/", include(commission)),
    path("guide/", views.guide, name="guide"),
    path("guide/new/", views.place_create, name="place_create"),
    path("guide/<int:pk>/", include(place)),
    path("sheets/new/", views.sheet_new, name="sheet_new"),
    path("sheets/<int:pk>/", include(sheet)),
]
