"""Admin view of 撤稿: confirm the withdrawal of a live page and give the reason."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from . import withdrawal


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("撤稿原因"),
        max_length=withdrawal.REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("记入审计日志，例如：内容有误、涉密、已失效。"),
        error_messages={"required": gettext_lazy("请填写撤稿原因。")},
    )
    include_descendants = forms.BooleanField(required=False)

    def __init__(self, *args, live_descendant_count=0, **kwargs):
        super().__init__(*args, **kwargs)
        if live_descendant_count:
            self.fields["include_descendants"].label = _("同时撤下其下 %(count)d 个已发布的子页面") % {
                "count": live_descendant_count
            }
        else:
            del self.fields["include_descendants"]


class WithdrawView(WagtailAdminTemplateMixin, FormView):
    form_class = WithdrawForm
    template_name = "cluster/admin/withdraw.html"
    page_title = gettext_lazy("撤稿")
    header_icon = "download"
    breadcrumbs_items = []

    def setup(self, request, page_id, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.page = get_object_or_404(Page, pk=page_id).specific

    def dispatch(self, request, *args, **kwargs):
        if not withdrawal.may_withdraw_on_site(request.user, self.page):
            raise PermissionDenied
        if not self.page.live:
            messages.warning(request, _("“%(title)s”未发布，无需撤稿。") % {"title": self.page.get_admin_display_title()})
            return redirect(self.get_next_url())
        self.live_descendant_count = withdrawal.live_descendants(self.page).count()
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_next_url(self):
        return get_valid_next_url_from_request(self.request) or reverse(
            "wagtailadmin_explore", args=[self.page.get_parent().pk]
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "live_descendant_count": self.live_descendant_count}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page=self.page, next_url=self.get_next_url(), live_descendant_count=self.live_descendant_count, **kwargs
        )

    def form_valid(self, form):
        try:
            pages = withdrawal.withdraw_page(
                page=self.page,
                user=self.request.user,
                reason=form.cleaned_data["reason"],
                include_descendants=form.cleaned_data.get("include_descendants", False),
            )
        except ValidationError as exc:
            form.add_error("reason", exc)
            return self.form_invalid(form)
        message = _("已撤稿：“%(title)s”。") % {"title": self.page.get_admin_display_title()}
        if len(pages) > 1:
            message += " " + _("其下 %(count)d 个子页面也已撤下。") % {"count": len(pages) - 1}
        messages.success(request=self.request, message=message)
        return redirect(self.get_next_url())
