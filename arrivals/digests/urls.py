app_name = "digests"

urlpatterns = []
