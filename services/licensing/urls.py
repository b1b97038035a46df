from django.urls import path

from . import views

app_name = "licensing"
urlpatterns = [
    path("apply/<int:item_id>/", views.apply, name="apply"),
    path("draft/<str:public_id>/", views.resume, name="resume"),
    path("draft/<str:public_id>/remove/<int:material_id>/", views.remove_draft_file, name="remove_draft_file"),
    path("receipt/<str:number>/", views.receipt, name="receipt"),
    path("receipt/<str:number>/pdf", views.receipt_pdf, name="receipt_pdf"),
    path("query/", views.query, name="query"),
    path("query/<str:number>/", views.case, name="case"),
    path("query/<str:number>/supplement/", views.supplement, name="supplement"),
    path("query/<str:number>/withdraw/", views.withdraw, name="withdraw"),
    path("document/<str:token>/", views.document, name="document"),
]
