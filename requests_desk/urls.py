from django.urls import include, path

from requests_desk import views

# The documents a request prints: for the guest, the driver, the supplier.
documents = [
    path("waybill/", views.waybill, name="waybill"),
    path("permit/", views.permit, name="permit"),
    path("itinerary/", views.itinerary, name="itinerary"),
    path("confirmation/", views.confirm, name="confirm"),
]
request = [
    path("", views.detail, name="detail"),
    path("edit/", views.edit, name="edit"),
    path("status/", views.change_status, name="status"),
    path("take/", views.take, name="take"),
    path("attachments/", views.upload, name="upload"),
    path("attachments/<int:pk>/", views.attachment, name="attachment"),
    *documents,
]

app_name = "requests_desk"

urlpatterns = [
    path("", views.board, name="board"),
    path("new/", views.create, name="create"),
    path("lead-times/", views.lead_times, name="lead_times"),
    path("<str:number>/", include(request)),
]
