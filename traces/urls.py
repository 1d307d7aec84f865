from django.urls import path

from traces import views

app_name = "traces"

urlpatterns = [
    path("departments/", views.departments, name="departments"),
    path("departments/<slug:code>/", views.department_day, name="department"),
    path(
        "departments/<slug:code>/acknowledge/",
        views.acknowledge_digest,
        name="acknowledge_digest",
    ),
    path("traces/report/", views.report, name="report"),
    path("traces/stay/<int:pk>/add/", views.add, name="add"),
    path("traces/request/<int:pk>/add/", views.add_for_request, name="add_for_request"),
    path("traces/<int:pk>/resolve/", views.resolve, name="resolve"),
]
