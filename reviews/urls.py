from django.urls import path

from reviews import views

app_name = "reviews"

urlpatterns = [
    path("", views.review_list, name="list"),
    path("new/", views.review_add, name="add"),
    path("export.csv", views.review_export, name="export"),
    path("<int:pk>/", views.review_detail, name="review"),
    path("<int:pk>/respond/", views.review_respond, name="respond"),
    path("<int:pk>/follow-up/", views.review_follow_up, name="follow_up"),
    path("import/", views.imports, name="imports"),
    path("import/<int:pk>/", views.import_batch, name="import_batch"),
    path("import/<int:pk>/commit/", views.import_commit, name="import_commit"),
    path("import/<int:pk>/progress/", views.import_progress, name="import_progress"),
    path("import/<int:pk>/file/", views.import_file, name="import_file"),
    path("report/", views.improvement_report, name="report"),
]
