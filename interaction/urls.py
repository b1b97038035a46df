from django.urls import path

from . import views

app_name = "interaction"
urlpatterns = [
    path("", views.mailboxes, name="mailboxes"),
    path("xie/", views.write, name="write"),
    path("xinxiang/<int:mailbox_id>/xie/", views.write, name="write_to"),
    path("huizhi/", views.receipt, name="receipt"),
    path("chaxun/", views.status, name="status"),
    path("chaxun/<str:number>/", views.letter_status, name="letter_status"),
    path("chaxun/<str:number>/<str:step>/", views.writer_step, name="writer_step"),
    path("xuandeng/", views.published, name="published"),
    path("xuandeng/xinxiang/<int:mailbox_id>/", views.published, name="published_mailbox"),
    path("xuandeng/<str:number>/", views.published_detail, name="published_detail"),
    path("tongji/", views.statistics, name="statistics"),
]
