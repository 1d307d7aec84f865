from django.urls import include, path

from board import views

event = [
    path("", views.event_detail, name="event_detail"),
    path("edit/", views.event_edit, name="event_edit"),
    path("delete/", views.event_delete, name="event_delete"),
]
# Staff board (login required).
staff = [
    path("", views.index, name="index"),
    path("events/", views.day, name="day"),
    path("events/week/", views.week, name="week"),
    path("events/new/", views.event_create, name="event_create"),
    path("events/<int:pk>/", include(event)),
    path("info/new/", views.entry_create, name="entry_create"),
    path("info/<int:pk>/edit/", views.entry_edit, name="entry_edit"),
    path("info/<int:pk>/delete/", views.entry_delete, name="entry_delete"),
    path("venues/", views.venues, name="venues"),
    path("venues/new/", views.venue_create, name="venue_create"),
    path("venues/<int:pk>/edit/", views.venue_edit, name="venue_edit"),
]
# Public guest pages (no login; rate-limited; public information only).
public = [
    path("", views.guest, name="guest"),
    path("today/", views.guest_print, name="guest_print"),
    path("events.ics", views.guest_ics, name="guest_ics"),
    path("qr.svg", views.guest_qr, name="guest_qr"),
    path("qr.png", views.guest_qr_png, name="guest_qr_png"),
]

app_name = "board"

urlpatterns = [
    path("board/", include(staff)),
    path("guest/", include(public)),
]
