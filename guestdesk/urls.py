from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from guestdesk import search, views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("healthz", views.healthz, name="healthz"),
    path("search/", search.search_page, name="search"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "accounts/password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    # The language switch is on the login and guest pages too.
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("admin/", admin.site.urls),
    path("", include("board.urls")),
    path("digests/", include("digests.urls")),
    path("arrivals/", include("arrivals.urls")),
    path("requests/", include("requests_desk.urls")),
    path("vendors/", include("vendors.urls")),
    path("reviews/", include("reviews.urls")),
    path("guest/", include("guestportal.urls")),
    path("api/v1/", include("api.urls")),
    path("", include("traces.urls")),
]
