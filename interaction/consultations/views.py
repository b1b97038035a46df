"""Public pages of 意见征集: the draft with its comment form (served by the
page itself), and a stable link to the site's 意见征集 column."""

from __future__ import annotations

from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Site

from formguard.abuse import needs_captcha, note_attempt, over_limit
from formguard.guard import run_once

from . import citizen as citizens
from . import service
from .constants import PHONE_RATE, SUBMIT_SCOPE
from .forms import CommentForm
from .models import ConsultationIndexPage, ConsultationPage

ADDRESS_RATE = "10/m"


def _form_kwargs(request, page: ConsultationPage) -> dict:
    return {
        "sections": page.section_choices(),
        "confirm": citizens.known_citizen(request) is None,
        "captcha": needs_captcha(request, SUBMIT_SCOPE),
    }


def _render(request, page, form, *, status: int = 200, **extra):
    context = page.get_context(request)
    context.update(
        form=form, comments=service.public_comments(page), figures=service.adoption_figures(page)
        if page.is_closed else None, citizen=citizens.known_citizen(request), **extra,
    )
    return TemplateResponse(request, page.get_template(request), context, status=status)


@never_cache
def consultation_page(request, page: ConsultationPage):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    kwargs = _form_kwargs(request, page)
    if request.method != "POST":
        initial = {}
        if request.GET.get("section") in dict(kwargs["sections"]):
            initial["section"] = request.GET["section"]
        return _render(request, page, CommentForm(initial=initial, **kwargs))
    if citizens.SEND_CODE in request.POST:
        form = citizens.unbound_copy(CommentForm, request, **kwargs)
        citizens.send_code(request, form)
        return _render(request, page, form)

    form = CommentForm(request.POST, **kwargs)
    if over_limit(request, SUBMIT_SCOPE, rate=ADDRESS_RATE):
        form.is_valid()
        form.add_error(None, _("提交过于频繁，请稍后再试。您填写的内容已保留。"))
        return _render(request, page, form, status=429)
    if not page.is_open:
        # refuse, but give back what was typed (they may keep it or send it by post)
        form.is_valid()
        form.add_error(None, _("本次意见征集已于 %(date)s 截止，不再接收新的意见。您填写的内容保留在下方，可自行复制留存。")
                       % {"date": page.closes_on.strftime("%Y-%m-%d")} if page.is_closed
                       else _("本次意见征集尚未开始，暂不接收意见。"))
        return _render(request, page, form, status=409)
    valid = form.is_valid()
    who = form.citizen(request) if valid else None
    valid = valid and who is not None
    if note_attempt(request, SUBMIT_SCOPE, failed=not valid):
        form.add_captcha()
    if not valid:
        return _render(request, page, form, status=400)
    if over_limit(request, SUBMIT_SCOPE, rate=PHONE_RATE, phone=who.phone):
        form.add_error(None, _("该手机号码提交的意见过多，请稍后再试。您填写的内容已保留。"))
        return _render(request, page, form, status=429)

    def create() -> str:
        comment = service.submit_comment(
            consultation=page, text=form.cleaned_data["text"], section_key=form.cleaned_data["section"],
            name=form.cleaned_data["name"], show_name=form.cleaned_data["show_name"], phone=who.phone,
            account=who.account, language=translation.get_language() or "zh-hans",
        )
        return str(comment.pk)

    try:
        _pk, created = run_once(scope=SUBMIT_SCOPE, token=form.submit_token, create=create)
    except service.ConsultationClosed:  # closed between the check and the save
        form.add_error(None, _("本次意见征集已截止，不再接收新的意见。您填写的内容保留在下方。"))
        return _render(request, page, form, status=409)
    return _render(request, page, CommentForm(**_form_kwargs(request, page)), sent=True, duplicate=not created)


@require_GET
def index(request):
    """``/hudong/yjzj/``: the 意见征集 column of the site asked for."""
    site = Site.find_for_request(request)
    page = ConsultationIndexPage.objects.live().public().descendant_of(site.root_page).first() if site else None
    if page is None:
        raise Http404
    return redirect(page.get_url(request))
