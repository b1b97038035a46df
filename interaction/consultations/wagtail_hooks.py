from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from . import admin_views
from .models import Comment, ConsultationPage


class CommentEditView(EditView):
    def save_instance(self):
        comment = self.form.save(commit=False)
        comment.moderated_at = timezone.now()
        comment.moderated_by = self.request.user
        comment.save()
        return comment


class CommentViewSet(SnippetViewSet):
    """意见审核: comments are public only once approved here; flagged ones
    (敏感词) wait for a person like any other."""

    model = Comment
    edit_view_class = CommentEditView
    icon = "comment"
    menu_label = _("意见审核")
    menu_name = "consultation_comments"
    menu_order = 330
    add_to_admin_menu = True
    list_display = ["text", "consultation", "section_label", "status", "sensitive_words", "adoption", "created"]
    list_filter = ["status", "adoption"]
    search_fields = ["text"]
    ordering = ["-created"]
    inspect_view_enabled = True
    panels = [
        MultiFieldPanel([
            FieldPanel("consultation", read_only=True),
            FieldPanel("section_label", read_only=True),
            FieldPanel("text", read_only=True),
            FieldRowPanel([FieldPanel("name", read_only=True), FieldPanel("show_name", read_only=True)]),
            FieldPanel("sensitive_words", read_only=True),
        ], heading=_("意见")),
        FieldPanel("status"),
        FieldPanel("adoption"),
        FieldPanel("adoption_note"),
    ]

    def get_queryset(self, request):
        qs = Comment.objects.select_related("consultation")
        if request.user.is_superuser:
            return qs
        pages = PagePermissionPolicy().instances_user_has_permission_for(request.user, "change")
        return qs.filter(consultation__in=pages.type(ConsultationPage))


register_snippet(CommentViewSet)


@hooks.register("register_admin_urls")
def consultation_urls():
    return [path("consultations/<int:page_id>/comments.xlsx", admin_views.export_comments,
                 name="consultations_export")]


@hooks.register("register_page_header_buttons")
def export_button(page, user, view_name=None, next_url=None):
    if isinstance(page.specific_deferred, ConsultationPage):
        yield Button(_("导出意见（xlsx）"), reverse("consultations_export", args=[page.pk]), icon_name="download",
                     priority=90)
