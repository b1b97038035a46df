"""Public pages of 依申请公开: the form, the receipt, the status lookup."""

from __future__ import annotations

from django.core import signing
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from casefile.service import LookupRateLimited
from cluster.views import rate_limited
from formguard.abuse import needs_captcha, note_attempt, over_limit
from formguard.guard import rate_limit, run_once

from . import service
from .forms import RequestForm, StatusForm
from .models import DisclosureRequest

SESSION_CODES = "yisqgk_codes"
DOCUMENT_SALT = "yisqgk.document"
DOCUMENT_MAX_AGE = 3600
SUBMIT_SCOPE = "yisqgk-submit"
STATUS_SCOPE = "yisqgk-status"
PHONE_RATE = "5/h"  # requests filed with one phone number, from whatever address


def _site(request):
    return Site.find_for_request(request)


def _chooses_organisation(site) -> bool:
    from cluster.models import SiteProfile

    profile = SiteProfile.objects.filter(site=site).first() if site else None
    return bool(site and (site.is_default_site or (profile and profile.theme == "portal")))


@never_cache
@require_http_methods(["GET", "POST"])
@rate_limit(rate="5/m", group=SUBMIT_SCOPE)
def request_form(request):
    site = _site(request)
    own = service.organisation_for_site(site)
    kwargs = {
        "organisation": own, "choose_organisation": _chooses_organisation(site) or own is None,
        "captcha": needs_captcha(request, SUBMIT_SCOPE),
    }
    if request.method == "POST":
        form = RequestForm(request.POST, **kwargs)
        valid = form.is_valid()
        if note_attempt(request, SUBMIT_SCOPE, failed=not valid):
            form.add_captcha()
        if valid and over_limit(request, SUBMIT_SCOPE, rate=PHONE_RATE, phone=form.cleaned_data.get("phone", "")):
            return rate_limited(request)
        if valid:
            codes: dict[str, str] = {}

            def create() -> str:
                receipt = service.submit_request(
                    data=form.request_data(), organisation=form.chosen_organisation(), site=site,
                    language=translation.get_language(),
                    account=request.user if request.user.is_authenticated and not request.user.is_staff else None,
                )
                codes[receipt.request.receipt_number] = receipt.query_code
                return receipt.request.receipt_number

            number, created = run_once(scope="yisqgk", token=form.submit_token, create=create)
            if created:
                request.session[SESSION_CODES] = {**request.session.get(SESSION_CODES, {}), **codes}
                return redirect(f"{reverse('yisqgk:receipt')}?n={number}")
            # the same form sent again (double click, reload, a second tab): show the first result
            return _receipt_page(request, number, duplicate=True)
    else:
        form = RequestForm(**kwargs)
    return TemplateResponse(request, "applications/request_form.html", {"form": form})


def _receipt_page(request, number: str, *, duplicate: bool = False):
    req = DisclosureRequest.objects.filter(receipt_number=number).select_related("organisation").first()
    if req is None:
        return redirect("yisqgk:form")
    codes = request.session.get(SESSION_CODES, {})
    code = codes.pop(number, None)  # shown once
    request.session[SESSION_CODES] = codes
    return TemplateResponse(
        request, "applications/receipt.html",
        {"req": req, "query_code": code, "duplicate": duplicate, "due": req.deadline()},
    )


@never_cache
@require_http_methods(["GET"])
def receipt(request):
    return _receipt_page(request, request.GET.get("n", ""))


@never_cache
@require_http_methods(["GET", "POST"])
def status(request):
    context = {}
    if request.method == "POST":
        form = StatusForm(request.POST, captcha=needs_captcha(request, STATUS_SCOPE))
        if form.is_valid():
            try:
                req = service.find_request(
                    request, receipt_number=form.cleaned_data["receipt_number"],
                    query_code=form.cleaned_data["query_code"],
                )
            except LookupRateLimited:
                return rate_limited(request)
            if req is None:
                form.add_error(None, _("没有找到与该受理编号和查询码相符的申请，请核对后重新输入。"))
            else:
                context.update(
                    req=req, timeline=service.public_timeline(req), due=req.deadline(),
                    clock_status=req.clock_status(),
                    document_token=signing.dumps(req.pk, salt=DOCUMENT_SALT) if req.reply_document else "",
                )
        # a refused form or a miss counts towards the captcha (guessing query codes)
        if note_attempt(request, STATUS_SCOPE, failed="req" not in context):
            form.add_captcha()
    else:
        form = StatusForm(
            initial={"receipt_number": request.GET.get("n", "")}, captcha=needs_captcha(request, STATUS_SCOPE)
        )
    context["form"] = form
    return TemplateResponse(request, "applications/status.html", context)


@require_http_methods(["GET"])
def document(request, token: str):
    """The reply document, for whoever just looked the request up (signed link, one hour)."""
    try:
        pk = signing.loads(token, salt=DOCUMENT_SALT, max_age=DOCUMENT_MAX_AGE)
    except signing.BadSignature:
        raise Http404 from None
    req = DisclosureRequest.objects.filter(pk=pk).first()
    if req is None or not req.reply_document:
        raise Http404
    name = f"{req.receipt_number}.{req.reply_document.name.rsplit('.', 1)[-1]}"
    return FileResponse(req.reply_document.open("rb"), as_attachment=True, filename=name)
