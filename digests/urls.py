from django.urls import include, path

from digests import views

digest = [
    path("", views.detail, name="detail"),
    path("email.html", views.email_html, name="email_html"),
    path("resend/", views.resend, name="resend"),
    path("retry/", views.retry, name="retry"),
    path("acknowledge/", views.acknowledge, name="acknowledge"),
]
preview = [
    path("", views.preview, name="preview"),
    path("email.html", views.preview_html, name="preview_html"),
]

app_name = "digests"

urlpatterns = [
    path("", views.history, name="history"),
    path("<int:pk>/", include(digest)),
    path("subscriptions/", views.subscriptions, name="subscriptions"),
    path("subscriptions/<slug:code>/", views.subscription_edit, name="subscription"),
    path("preview/<slug:code>/<str:day>/", include(preview)),
    path("ack/<str:token>/", views.ack, name="ack"),
]
