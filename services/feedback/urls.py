from django.urls import path

from . import views

app_name = "service_feedback"
urlpatterns = [
    path("", views.rate, name="rate"),
    path("xiexie/", views.thanks, name="thanks"),
    path("tongji/", views.statistics, name="stats"),
    path("tongji/xlsx/", views.statistics, {"xlsx": True}, name="stats_xlsx"),
    path("tongji/bumen/<int:org_id>/", views.statistics, name="stats_org"),
    path("tongji/bumen/<int:org_id>/xlsx/", views.statistics, {"xlsx": True}, name="stats_org_xlsx"),
    path("tongji/shixiang/<str:item_code>/", views.statistics, name="stats_item"),
    path("tongji/shixiang/<str:item_code>/xlsx/", views.statistics, {"xlsx": True}, name="stats_item_xlsx"),
]
