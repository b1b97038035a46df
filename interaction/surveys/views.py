"""Public pages of 网上调查: the questionnaire, its results and their charts."""

from __future__ import annotations

from csp.decorators import csp_update
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Site

from formguard.abuse import needs_captcha, note_attempt, over_limit
from formguard.guard import run_once
from interaction.consultations import citizen as citizens

from . import service
from .forms import SurveyForm
from .models import SurveyIndexPage, SurveyPage

SUBMIT_SCOPE = "dc-answer"
ADDRESS_RATE = "10/m"


def _kwargs(request, page):
    return {"survey": page, "confirm": citizens.known_citizen(request) is None,
            "captcha": needs_captcha(request, SUBMIT_SCOPE)}


def _render(request, page, form=None, *, status=200, **extra):
    context = page.get_context(request)
    who = citizens.known_citizen(request)
    answered = who is not None and service.has_answered(page, phone=who.phone, account=who.account)
    context.update(form=form, citizen=who, answered=answered, **extra)
    return TemplateResponse(request, "surveys/survey_page.html", context, status=status)


@never_cache
def survey_page(request, page: SurveyPage):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    if request.method != "POST":
        return _render(request, page, SurveyForm(**_kwargs(request, page)))
    if citizens.SEND_CODE in request.POST:
        form = citizens.unbound_copy(SurveyForm, request, **_kwargs(request, page))
        citizens.send_code(request, form)
        return _render(request, page, form)
    form = SurveyForm(request.POST, **_kwargs(request, page))
    if over_limit(request, SUBMIT_SCOPE, rate=ADDRESS_RATE):
        form.is_valid()
        form.add_error(None, _("提交过于频繁，请稍后再试。您填写的内容已保留。"))
        return _render(request, page, form, status=429)
    if not page.is_open:
        form.is_valid()
        form.add_error(None, _("本次调查已结束或尚未开始，不再接收答卷。"))
        return _render(request, page, form, status=409)
    valid = form.is_valid()
    who = form.citizen(request) if valid else None
    valid = valid and who is not None
    if note_attempt(request, SUBMIT_SCOPE, failed=not valid):
        form.add_captcha()
    if not valid:
        return _render(request, page, form, status=400)

    def create() -> str:
        return str(service.submit_response(
            survey=page, answers=form.answers(), phone=who.phone, account=who.account,
            language=translation.get_language() or "zh-hans",
        ).pk)

    try:
        _pk, created = run_once(scope=SUBMIT_SCOPE, token=form.submit_token, create=create)
    except service.AlreadyAnswered:
        form.add_error(None, _("您已经参加过本次调查，每个手机号码（账户）只能提交一次。"))
        return _render(request, page, form, status=409)
    except service.SurveyClosed:
        form.add_error(None, _("本次调查已结束，不再接收答卷。"))
        return _render(request, page, form, status=409)
    return _render(request, page, None, sent=True)


def results_page(request, page: SurveyPage):
    if not page.results_public:
        return TemplateResponse(request, "surveys/results_page.html", {"page": page, "self": page, "hidden": True},
                                status=403)
    return TemplateResponse(request, "surveys/results_page.html", {
        "page": page, "self": page, "results": service.results(page), "total": page.responses.count(),
    })


@require_GET
@csp_update({"style-src": ["'unsafe-inline'"]})  # pygal styles its SVG inline; the SVG runs no script
def chart(request, page_id: int, key: str):
    page = get_object_or_404(SurveyPage.objects.live().public(), pk=page_id)
    if not page.results_public:
        raise Http404
    found = next((r for r in service.results(page) if r.key == key and r.charted), None)
    if found is None:
        raise Http404
    with translation.override(page.locale.language_code):
        svg = service.chart_svg(found)
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_GET
def index(request):
    site = Site.find_for_request(request)
    page = SurveyIndexPage.objects.live().public().descendant_of(site.root_page).first() if site else None
    if page is None:
        raise Http404
    return redirect(page.get_url(request))
