from django.urls import path

from requests_desk import views

app_name = "requests_desk"

urlpatterns = [
    path("", views.board, name="board"),
    path("new/", views.create, name="create"),
    path("lead-times/", views.lead_times, name="lead_times"),
    path("<str:number>/", views.detail, name="detail"),
    path("<str:number>/edit/", views.edit, name="edit"),
    path("<str:number>/status/", views.change_status, name="status"),
    path("<str:number>/take/", views.take, name="take"),
    path("<str:number>/attachments/", views.upload, name="upload"),
    path("<str:number>/attachments/<int:pk>/", views.attachment, name="attachment"),
    path("<str:number>/waybill/", views.waybill, name="waybill"),
    path("<str:number>/permit/", views.permit, name="permit"),
    path("<str:number>/itinerary/", views.itinerary, name="itinerary"),
    path("<str:number>/confirmation/", views.confirm, name="confirm"),
]
