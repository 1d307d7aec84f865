from django.urls import path

from guestportal import views

app_name = "guestportal"

urlpatterns = [
    # Public (no login): room and surname, or a stay's signed link.
    path("room/", views.room, name="room"),
    path("room/qr.svg", views.room_qr, name="room_qr"),
    path("s/<str:token>/", views.home, name="home"),
    path("s/<str:token>/ask/", views.ask, name="ask"),
    path("s/<str:token>/feedback/", views.feedback, name="feedback"),
    # Staff: a stay's printable welcome card.
    path("card/<int:pk>/", views.card, name="card"),
]
