from django.urls import path
from wagtail import hooks

from . import admin_views


@hooks.register("register_admin_urls")
def otp_urls():
    # under /admin/, behind Wagtail's own "signed in with admin access" check
    return [
        path("otp/", admin_views.verify, name="accounts_otp_verify"),
        path("otp/setup/", admin_views.setup, name="accounts_otp_setup"),
    ]
