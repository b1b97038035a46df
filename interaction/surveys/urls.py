from django.urls import path

from . import views

app_name = "surveys"
urlpatterns = [
    path("", views.index, name="index"),
    path("<int:page_id>/chart/<str:key>.svg", views.chart, name="chart"),
]
