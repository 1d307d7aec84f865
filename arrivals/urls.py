app_name = "arrivals"

urlpatterns = []
