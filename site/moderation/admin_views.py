from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from . import service
from .forms import ImportForm


def import_words(request):
    if not request.user.has_perm("moderation.add_sensitiveword"):
        raise PermissionDenied
    form = ImportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = service.import_words(
            form.cleaned_data["words"].splitlines(),
            category=form.cleaned_data["category"], note=form.cleaned_data["note"],
        )
        messages.success(
            request,
            _("已添加 %(added)d 个词，%(existing)d 个已在词表中。")
            % {"added": len(result.added), "existing": len(result.existing)},
        )
        return redirect("wagtailsnippets_moderation_sensitiveword:list")
    return TemplateResponse(request, "moderation/import.html", {"form": form})
