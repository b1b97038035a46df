from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from . import service
from .models import ConsultationPage


def export_comments(request, page_id: int):
    """Every comment of a draft as xlsx, for those who may edit the draft."""
    page = get_object_or_404(ConsultationPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    response = HttpResponse(
        service.comments_xlsx(page),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="yjzj-{page.pk}-comments.xlsx"'
    return response
