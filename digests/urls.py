from django.urls import path

from digests import views

app_name = "digests"

urlpatterns = [
    path("", views.history, name="history"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/email.html", views.email_html, name="email_html"),
    path("<int:pk>/resend/", views.resend, name="resend"),
    path("<int:pk>/retry/", views.retry, name="retry"),
    path("<int:pk>/acknowledge/", views.acknowledge, name="acknowledge"),
    path("subscriptions/", views.subscriptions, name="subscriptions"),
    path("subscriptions/<slug:code>/", views.subscription_edit, name="subscription"),
    path("preview/<slug:code>/<str:day>/", views.preview, name="preview"),
    path("preview/<slug:code>/<str:day>/email.html", views.preview_html, name="preview_html"),
    path("ack/<str:token>/", views.ack, name="ack"),
]
