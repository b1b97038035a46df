"""Public pages of the mailboxes: the one intake form, the receipt, the
status lookup with the writer's steps after the answer, 来信选登 and the
statistics."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from casefile.service import LookupRateLimited
from cluster.views import rate_limited
from formguard.abuse import needs_captcha, note_attempt, over_limit
from formguard.guard import rate_limit, run_once

from . import publication, service, stats
from .constants import Kind, Publication
from .forms import LetterForm, RateForm, RehandleForm, ReviewRequestForm, SearchForm, StatusForm
from .models import Letter, Mailbox

SUBMIT_SCOPE = "hudong-submit"
STATUS_SCOPE = "hudong-status"
SESSION_CODES = "hudong_codes"
SESSION_FOUND = "hudong_found"  # letters this browser looked up by number and code
PHONE_RATE = "5/h"  # letters from one phone number, whatever the address


# -- the writer's identity (site/accounts) -----------------------------------------------


def _accounts():
    from accounts import service as accounts

    return accounts


def _signed_in(request) -> bool:
    """A citizen signed in with their account (staff signed in to the admin are not writers)."""
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated and _accounts().account_for(user) is not None)


def _initial_for(request) -> dict:
    if not _signed_in(request):
        return {}
    initial = _accounts().applicant_initial(request.user) or {}
    if initial.get("applicant_kind") not in ("natural", None):
        initial["applicant_kind"] = "legal"
    return {k: v for k, v in initial.items() if k in ("applicant_kind", "name", "phone", "email", "address", "org_name")}


def _phone_confirmed(request, phone: str, code: str) -> bool:
    accounts = _accounts()
    if accounts.confirmed_phone(request) == phone:
        return True
    return bool(code) and bool(accounts.confirm_phone(request, phone, code))


# -- the intake form --------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
@rate_limit(rate="10/m", group=SUBMIT_SCOPE)
def write(request, mailbox_id: int | None = None):
    mailbox = get_object_or_404(Mailbox, pk=mailbox_id, active=True) if mailbox_id else None
    kwargs = {"mailbox": mailbox, "signed_in": _signed_in(request), "captcha": needs_captcha(request, SUBMIT_SCOPE)}
    notice = ""
    if request.method == "POST" and "send_code" in request.POST:
        # "获取验证码": the form comes back as typed, with the code on its way
        form = LetterForm(initial=request.POST.dict(), **kwargs)
        form.initial["submit_token"] = request.POST.get("submit_token", "") or form.initial["submit_token"]
        accounts = _accounts()
        phone = accounts.normalize_mobile(request.POST.get("phone", ""))
        try:
            accounts.send_code(request, phone, purpose="confirm", language=translation.get_language())
        except ValidationError as exc:  # not a mobile number, or asked too often: said in words
            notice = " ".join(exc.messages)
        else:
            notice = _("验证码已发送到 %(phone)s，请在下面填写。") % {"phone": phone[:3] + "****" + phone[-4:]}
        return TemplateResponse(request, "interaction/write.html", {"form": form, "mailbox": mailbox,
                                                                     "notice": notice})
    if request.method == "POST":
        # an anonymous letter carries no confirmed phone: a captcha instead
        kwargs["captcha"] = kwargs["captcha"] or bool(request.POST.get("anonymous"))
        form = LetterForm(request.POST, request.FILES, **kwargs)
        valid = form.is_valid()
        if valid and not form.cleaned_data.get("anonymous") and not _signed_in(request):
            if not _phone_confirmed(request, form.cleaned_data["phone"], form.cleaned_data.get("phone_code", "")):
                form.add_error("phone_code", _("请先获取并填写短信验证码，以确认手机号码。"))
                valid = False
        if note_attempt(request, SUBMIT_SCOPE, failed=not valid):
            form.add_captcha()
        if valid and form.cleaned_data.get("phone") and over_limit(
                request, SUBMIT_SCOPE, rate=PHONE_RATE, phone=form.cleaned_data["phone"]):
            return rate_limited(request)
        if valid:
            codes: dict[str, str] = {}
            data = form.cleaned_data

            def create() -> str:
                receipt = service.submit_letter(
                    mailbox=form.chosen_mailbox(), kind=data["kind"], subject=data["subject"],
                    content=data["content"], writer=form.writer(), anonymous=data.get("anonymous", False),
                    publish_allowed=data.get("publish_allowed", False),
                    account=request.user if _signed_in(request) else None,
                    accused_organisation=data.get("accused_organisation"),
                    accused_person=data.get("accused_person", ""), attachments=data.get("attachments") or [],
                    language=translation.get_language(),
                )
                codes[receipt.letter.receipt_number] = receipt.query_code
                return receipt.letter.receipt_number

            try:
                number, created = run_once(scope="hudong", token=form.submit_token, create=create)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                if created:
                    request.session[SESSION_CODES] = {**request.session.get(SESSION_CODES, {}), **codes}
                    return redirect(f"{reverse('interaction:receipt')}?n={number}")
                return _receipt_page(request, number, duplicate=True)
        if request.FILES and not form.is_valid():
            form.warnings.append(_("为安全起见，附件没有保留，请重新选择附件。"))
    else:
        form = LetterForm(initial=_initial_for(request), **kwargs)
    return TemplateResponse(request, "interaction/write.html", {"form": form, "mailbox": mailbox, "notice": notice})


def _receipt_page(request, number: str, *, duplicate: bool = False):
    letter = Letter.objects.filter(receipt_number=number).select_related("mailbox", "organisation").first()
    if letter is None:
        return redirect("interaction:write")
    codes = request.session.get(SESSION_CODES, {})
    code = codes.pop(number, None)  # shown once
    request.session[SESSION_CODES] = codes
    return TemplateResponse(request, "interaction/receipt.html", {
        "letter": letter, "query_code": code, "duplicate": duplicate, "due": letter.deadline(),
    })


@never_cache
@require_http_methods(["GET"])
def receipt(request):
    return _receipt_page(request, request.GET.get("n", ""))


# -- following a letter ---------------------------------------------------------------------


def _found(request, letter: Letter) -> bool:
    """Whether this browser may act for the letter's writer: it looked the
    letter up with its code, or the signed-in account wrote it."""
    if _signed_in(request) and letter.account_id == request.user.pk:
        return True
    return letter.pk in request.session.get(SESSION_FOUND, [])


def _status_context(request, letter: Letter) -> dict:
    return {
        "letter": letter, "timeline": service.public_timeline(letter), "due": letter.deadline(),
        "rate_form": RateForm() if letter.status == "answered" and not letter.rating else None,
        "rehandle_form": RehandleForm() if service.can_rehandle(letter) else None,
        "review_form": ReviewRequestForm() if _review_open(letter) else None,
        "review_until": service.review_deadline(letter),
        "final": letter.kind == Kind.PETITION and letter.stage == "recheck" and letter.status == "answered",
    }


def _review_open(letter: Letter) -> bool:
    until = service.review_deadline(letter)
    from django.utils import timezone

    return bool(letter.status == "answered" and until and timezone.localdate() <= until
                and not letter.reviews.exists())


@never_cache
@require_http_methods(["GET", "POST"])
def status(request):
    context = {}
    if request.method == "POST":
        form = StatusForm(request.POST, captcha=needs_captcha(request, STATUS_SCOPE))
        if form.is_valid():
            try:
                letter = service.find_letter(request, receipt_number=form.cleaned_data["receipt_number"],
                                             query_code=form.cleaned_data["query_code"])
            except LookupRateLimited:
                return rate_limited(request)
            if letter is None:
                form.add_error(None, _("没有找到与该编号和查询码相符的来信，请核对后重新输入。"))
            else:
                found = request.session.get(SESSION_FOUND, [])
                request.session[SESSION_FOUND] = [*found[-19:], letter.pk]
                return redirect("interaction:letter_status", number=letter.receipt_number)
        if note_attempt(request, STATUS_SCOPE, failed=True):
            form.add_captcha()
    else:
        form = StatusForm(initial={"receipt_number": request.GET.get("n", "")},
                          captcha=needs_captcha(request, STATUS_SCOPE))
    context["form"] = form
    return TemplateResponse(request, "interaction/status.html", context)


def _own_letter(request, number: str) -> Letter:
    letter = Letter.objects.filter(receipt_number=number).select_related("mailbox", "organisation").first()
    if letter is None or not _found(request, letter):
        raise Http404
    return letter


@never_cache
@require_http_methods(["GET"])
def letter_status(request, number: str):
    try:
        letter = _own_letter(request, number)
    except Http404:
        return redirect(f"{reverse('interaction:status')}?n={number}")
    return TemplateResponse(request, "interaction/status.html", _status_context(request, letter))


@never_cache
@require_http_methods(["POST"])
def writer_step(request, number: str, step: str):
    """The writer's steps on the status page: rate, ask for rehandling, 复查/复核."""
    letter = _own_letter(request, number)
    forms_by_step = {"rate": RateForm, "rehandle": RehandleForm, "review": ReviewRequestForm}
    if step not in forms_by_step:
        raise Http404
    form = forms_by_step[step](request.POST)
    context = _status_context(request, letter)
    if form.is_valid():
        try:
            if step == "rate":
                service.rate(letter, rating=form.cleaned_data["rating"])
                messages.success(request, _("感谢您的评价。"))
            elif step == "rehandle":
                service.rehandle(letter, reason=form.cleaned_data["reason"])
                messages.success(request, _("已提交重新办理的要求。"))
            else:
                new = service.request_review(letter, reason=form.cleaned_data["reason"],
                                             language=translation.get_language())
                request.session[SESSION_CODES] = {**request.session.get(SESSION_CODES, {}),
                                                  new.letter.receipt_number: new.query_code}
                found = request.session.get(SESSION_FOUND, [])
                request.session[SESSION_FOUND] = [*found[-19:], new.letter.pk]
                return redirect(f"{reverse('interaction:receipt')}?n={new.letter.receipt_number}")
            return redirect("interaction:letter_status", number=letter.receipt_number)
        except ValidationError as exc:
            form.add_error(None, exc)
    context[f"{step}_form"] = form
    return TemplateResponse(request, "interaction/status.html", context, status=400)


# -- mailboxes and 来信选登 -----------------------------------------------------------------------


@require_http_methods(["GET"])
def mailboxes(request):
    boxes = Mailbox.objects.filter(active=True).select_related("organisation")
    return TemplateResponse(request, "interaction/mailboxes.html", {"mailboxes": boxes})


@require_http_methods(["GET"])
def published(request, mailbox_id: int | None = None):
    mailbox = get_object_or_404(Mailbox, pk=mailbox_id, public_listing=True) if mailbox_id else None
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    rows = publication.listing(mailbox=mailbox, query=query)
    page_obj = Paginator(rows, publication.PER_PAGE, allow_empty_first_page=True).get_page(request.GET.get("p"))
    return TemplateResponse(request, "interaction/published_list.html", {
        "mailbox": mailbox, "form": form, "query": query, "page": page_obj,
        "mailboxes": Mailbox.objects.filter(active=True, public_listing=True),
    })


@require_http_methods(["GET"])
def published_detail(request, number: str):
    letter = get_object_or_404(
        Letter.objects.select_related("mailbox", "organisation").only(*publication.PUBLIC_FIELDS),
        receipt_number=number, publication=Publication.PUBLISHED, mailbox__public_listing=True,
    )
    return TemplateResponse(request, "interaction/published_detail.html", {"letter": letter})


# -- statistics -------------------------------------------------------------------------------------


@require_http_methods(["GET"])
def statistics(request):
    year = stats.parse_year(request.GET.get("year"))
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(stats.xlsx(stats.report(year=year)), content_type=(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        response["Content-Disposition"] = f'attachment; filename="hudong-{year}.xlsx"'
        return response
    report, chart = stats.cached_report(year=year)
    return TemplateResponse(request, "interaction/statistics.html", {
        "report": report, "year": year, "years": stats.years(), "chart": chart,
        "cache_minutes": stats.CACHE_SECONDS // 60,
    })
