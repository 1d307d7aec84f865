from django.urls import include, path

from guestdesk.imports.urls import import_routes
from reviews import views
from reviews.models import ReviewImport

review = [
    path("", views.review_detail, name="review"),
    path("respond/", views.review_respond, name="respond"),
    path("follow-up/", views.review_follow_up, name="follow_up"),
]

app_name = "reviews"

urlpatterns = [
    path("", views.review_list, name="list"),
    path("new/", views.review_add, name="add"),
    path("export.csv", views.review_export, name="export"),
    path("<int:pk>/", include(review)),
    path("import/", include(import_routes(views, ReviewImport))),
    path("report/", views.improvement_report, name="report"),
]
