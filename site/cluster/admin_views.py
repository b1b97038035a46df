"""Admin views for publish-once-show-on-many: offer an article, decide on offers."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Site

from . import service
from .models import ArticlePage, ColumnPage, Syndication


class OfferForm(forms.Form):
    sites = forms.ModelMultipleChoiceField(
        queryset=Site.objects.none(), widget=forms.CheckboxSelectMultiple, label=gettext_lazy("报送到")
    )
    note = forms.CharField(required=False, max_length=300, label=gettext_lazy("说明"))

    def __init__(self, *args, exclude_site=None, **kwargs):
        super().__init__(*args, **kwargs)
        qs = Site.objects.order_by("hostname")
        if exclude_site is not None:
            qs = qs.exclude(pk=exclude_site.pk)
        self.fields["sites"].queryset = qs


def offer(request, page_id: int):
    article = get_object_or_404(ArticlePage, pk=page_id)
    if not article.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    own_site = article.get_site()
    form = OfferForm(request.POST or None, exclude_site=own_site)
    if request.method == "POST" and form.is_valid():
        try:
            created = service.offer_article(
                article=article,
                target_sites=list(form.cleaned_data["sites"]),
                user=request.user,
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("已报送到 %(count)d 个网站，等待对方采用。") % {"count": len(created)})
            return redirect("wagtailadmin_pages:edit", article.pk)
    existing = article.syndications.select_related("target_site", "column")
    return TemplateResponse(
        request, "cluster/admin/offer.html", {"article": article, "form": form, "existing": existing}
    )


def inbox(request):
    pending = list(service.pending_for_user(request.user))
    for item in pending:
        item.columns = ColumnPage.objects.descendant_of(item.target_site.root_page).live()
    return TemplateResponse(request, "cluster/admin/inbox.html", {"pending": pending})


def decide(request, pk: int):
    syndication = get_object_or_404(Syndication, pk=pk)
    if request.method != "POST":
        return redirect("cluster_syndication_inbox")
    try:
        if request.POST.get("action") == "accept":
            column_id = request.POST.get("column", "")
            column = get_object_or_404(ColumnPage, pk=int(column_id) if column_id.isdigit() else 0)
            service.accept_syndication(syndication=syndication, column=column, user=request.user)
            messages.success(request, _("已采用到栏目“%(column)s”。") % {"column": column.title})
        else:
            service.decline_syndication(syndication=syndication, user=request.user, note=request.POST.get("note", ""))
            messages.success(request, _("已退回。"))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("cluster_syndication_inbox")
