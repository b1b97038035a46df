from django.urls import path

from . import views

app_name = "yisqgk"
urlpatterns = [
    path("", views.request_form, name="form"),
    path("receipt/", views.receipt, name="receipt"),
    path("status/", views.status, name="status"),
    path("document/<str:token>/", views.document, name="document"),
]
