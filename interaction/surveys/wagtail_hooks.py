from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button

from . import admin_views
from .models import SurveyPage


@hooks.register("register_admin_urls")
def survey_urls():
    return [path("surveys/<int:page_id>/responses.xlsx", admin_views.export_responses, name="surveys_export")]


@hooks.register("register_page_header_buttons")
def export_button(page, user, view_name=None, next_url=None):
    if isinstance(page.specific_deferred, SurveyPage):
        yield Button(_("导出答卷（xlsx）"), reverse("surveys_export", args=[page.pk]), icon_name="download", priority=90)
