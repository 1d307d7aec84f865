from django.urls import path

from board import views

app_name = "board"

urlpatterns = [
    # Staff board (login required).
    path("board/", views.index, name="index"),
    path("board/events/", views.day, name="day"),
    path("board/events/week/", views.week, name="week"),
    path("board/events/new/", views.event_create, name="event_create"),
    path("board/events/<int:pk>/", views.event_detail, name="event_detail"),
    path("board/events/<int:pk>/edit/", views.event_edit, name="event_edit"),
    path("board/events/<int:pk>/delete/", views.event_delete, name="event_delete"),
    path("board/info/new/", views.entry_create, name="entry_create"),
    path("board/info/<int:pk>/edit/", views.entry_edit, name="entry_edit"),
    path("board/info/<int:pk>/delete/", views.entry_delete, name="entry_delete"),
    path("board/venues/", views.venues, name="venues"),
    path("board/venues/new/", views.venue_create, name="venue_create"),
    path("board/venues/<int:pk>/edit/", views.venue_edit, name="venue_edit"),
    # Public guest pages (no login; rate-limited; public information only).
    path("guest/", views.guest, name="guest"),
    path("guest/today/", views.guest_print, name="guest_print"),
    path("guest/events.ics", views.guest_ics, name="guest_ics"),
    path("guest/qr.svg", views.guest_qr, name="guest_qr"),
    path("guest/qr.png", views.guest_qr_png, name="guest_qr_png"),
]
