"""Public pages of online licensing: the application form (signed in), drafts,
the receipt and its PDF, the status query with 补正 and withdrawal, and the
issued documents by signed link."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Site

from casefile.service import LookupRateLimited, normalize_receipt_number
from cluster.views import rate_limited
from formguard.abuse import needs_captcha, note_attempt
from formguard.guard import rate_limit, run_once
from formguard.models import SubmissionToken
from services.models import ServiceItemPage

from . import service
from .forms import ApplyForm, StatusForm, SupplementForm, WithdrawForm
from .models import ApplicationDraft, IssuedDocument, LicenceApplication
from .workflow import WITHDRAWABLE

SESSION_CODES = "banshi_codes"  # receipt number -> query code, shown once
SESSION_ACCESS = "banshi_access"  # receipt numbers this browser proved it may see
SUBMIT_SCOPE = "banshi"
QUERY_SCOPE = "banshi-query"
DOCUMENT_SALT = "banshi.document"
DOCUMENT_MAX_AGE = 3600


def _login(request):
    return redirect_to_login(request.get_full_path(), login_url=reverse("accounts:login"))


def _item(item_id: int) -> ServiceItemPage:
    item = ServiceItemPage.objects.live().filter(pk=item_id, online_apply=True).select_related("organisation").first()
    if item is None:
        raise Http404
    return item


def _initial(user) -> dict:
    try:
        from accounts.service import applicant_initial
    except ImportError:
        return {}
    return applicant_initial(user) or {}


def _kept(draft: ApplicationDraft | None) -> dict:
    return {f.material_id: f for f in draft.files.all()} if draft else {}


def _grant(request, number: str) -> None:
    access = request.session.get(SESSION_ACCESS, [])
    if number not in access:
        request.session[SESSION_ACCESS] = [*access[-19:], number]


def _may_see(request, app: LicenceApplication) -> bool:
    user = request.user
    return bool(user.is_authenticated and app.account_id == user.pk) or (
        app.receipt_number in request.session.get(SESSION_ACCESS, []))


# -- applying -----------------------------------------------------------------------------


def _render_form(request, item, form, draft, *, status=200):
    kept = _kept(draft)  # one query for the draft's files, not one per material
    return TemplateResponse(request, "licensing/apply.html", {
        "item": item, "form": form, "draft": draft, "kept": kept,
        "materials": [(form[name], m, kept.get(m.pk)) for name, m in form.material_fields],
        "item_fields": [form[name] for name in form.item_fields],
    }, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
@rate_limit(rate="30/m", group=SUBMIT_SCOPE)
def apply(request, item_id: int, public_id=None):
    if not request.user.is_authenticated:
        return _login(request)
    item = _item(item_id)
    draft = None
    draft_id = public_id or request.POST.get("draft") or ""
    if draft_id:
        draft = service.get_draft(request.user, draft_id) if _uuid(draft_id) else None
        if draft is None:
            done = ApplicationDraft.objects.filter(account=request.user, public_id=draft_id).exclude(
                submitted_receipt="").values_list("submitted_receipt", flat=True).first() if _uuid(draft_id) else None
            if done:  # submitted already (another tab): its receipt
                _grant(request, done)
                return redirect("licensing:receipt", number=done)
            raise Http404
        if draft.item_id != item.pk:
            raise Http404
    if request.method == "GET":
        initial = {**_initial(request.user), **(draft.data if draft else {})}
        return _render_form(request, item, ApplyForm(item=item, kept=_kept(draft), initial=initial), draft)

    action = "draft" if request.POST.get("action") == "draft" else "submit"
    token = request.POST.get("submit_token", "")
    if action == "submit":
        done = SubmissionToken.objects.filter(scope=SUBMIT_SCOPE, token=token).values_list("result", flat=True).first()
        if done:  # the same form sent again (double click, reload): the first result
            return _receipt(request, done, duplicate=True)
    form = ApplyForm(request.POST, request.FILES, item=item, kept=_kept(draft))
    valid = form.is_valid()
    accepted = getattr(form, "accepted_files", {})
    new_draft = draft is None
    # every file accepted in this attempt is kept on the draft, whatever else failed
    if action == "draft" or accepted or not valid or draft is None:
        draft = service.save_draft(account=request.user, item=item, data=form.draft_data(), files=accepted,
                                   draft=draft)
    if action == "draft":
        # a draft needs nothing; only a file sent and refused is reported
        file_errors = [n for n, _m in form.material_fields if n in form.errors and n in request.FILES]
        if not file_errors:
            messages.success(request, _("草稿已保存，可在“我的办件”中继续填写。"))
            return redirect("licensing:resume", public_id=draft.public_id)
        for name, _m in form.material_fields:
            if name in form.errors and name not in request.FILES:
                del form.errors[name]
        return _render_form(request, item, _rebound(form, item, draft), draft, status=400)
    kept = _kept(draft)
    missing = [m for _n, m in form.material_fields if m.required and m.pk not in kept]
    if valid and missing:
        for name, m in form.material_fields:
            if m in missing:
                form.add_error(name, _("请上传“%(material)s”。") % {"material": m.name})
        valid = False
    if not valid:
        note_attempt(request, SUBMIT_SCOPE, failed=True)
        return _render_form(request, item, _rebound(form, item, draft), draft, status=400)

    codes: dict[str, str] = {}

    def create() -> str:
        receipt = service.submit_application(
            account=request.user, item=item, applicant=form.applicant_data(), form_data=form.item_data(),
            draft=draft, site=Site.find_for_request(request), language=translation.get_language(),
        )
        codes[receipt.application.receipt_number] = receipt.query_code
        return receipt.application.receipt_number

    try:
        number, created = run_once(scope=SUBMIT_SCOPE, token=form.submit_token, create=create)
    except service.DraftConsumed as consumed:
        return _receipt(request, consumed.receipt_number, duplicate=True)
    if not created:
        if new_draft:  # this request's own copy of the files is not needed
            service.delete_draft(draft)
        return _receipt(request, number, duplicate=True)
    request.session[SESSION_CODES] = {**request.session.get(SESSION_CODES, {}), **codes}
    _grant(request, number)
    return redirect("licensing:receipt", number=number)


def _uuid(value: str) -> bool:
    import uuid

    try:
        uuid.UUID(str(value))
        return True
    except ValueError:
        return False


def _rebound(form: ApplyForm, item, draft) -> ApplyForm:
    """The same bound form, its file fields' required flags following what the draft now keeps."""
    kept = _kept(draft)
    form.kept = kept
    for name, m in form.material_fields:
        form.fields[name].required = m.required and m.pk not in kept
    return form


@never_cache
@require_POST
def remove_draft_file(request, public_id, material_id: int):
    if not request.user.is_authenticated:
        return _login(request)
    draft = service.get_draft(request.user, public_id) if _uuid(public_id) else None
    if draft is None:
        raise Http404
    service.remove_draft_file(draft, material_id)
    return redirect("licensing:resume", public_id=draft.public_id)


@never_cache
@require_http_methods(["GET", "POST"])
def resume(request, public_id):
    if not request.user.is_authenticated:
        return _login(request)
    draft = service.get_draft(request.user, public_id) if _uuid(public_id) else None
    if draft is None:
        done = ApplicationDraft.objects.filter(account=request.user, public_id=public_id).exclude(
            submitted_receipt="").values_list("submitted_receipt", flat=True).first() if _uuid(public_id) else None
        if done:  # submitted already (another tab, a retried request): its receipt
            _grant(request, done)
            return redirect("licensing:receipt", number=done)
        raise Http404
    return apply(request, draft.item_id, public_id=str(draft.public_id))


# -- the receipt --------------------------------------------------------------------------


def _receipt(request, number: str, *, duplicate: bool = False):
    app = LicenceApplication.objects.filter(receipt_number=number).select_related("organisation", "item").first()
    if app is None or not _may_see(request, app):
        raise Http404
    codes = request.session.get(SESSION_CODES, {})
    code = codes.pop(number, None)  # shown once
    request.session[SESSION_CODES] = codes
    return TemplateResponse(request, "licensing/receipt.html", {
        "app": app, "query_code": code, "duplicate": duplicate, "due": app.deadline(),
        "decision_days": service.decision_limit(app.item).days, "materials": app.current_materials,
    })


@never_cache
@require_http_methods(["GET"])
def receipt(request, number: str):
    return _receipt(request, normalize_receipt_number(number))


@never_cache
@require_http_methods(["GET"])
def receipt_pdf(request, number: str):
    from .pdf import receipt_pdf as render

    app = LicenceApplication.objects.filter(receipt_number=normalize_receipt_number(number)).select_related(
        "organisation", "item").first()
    if app is None or not _may_see(request, app):
        raise Http404
    response = HttpResponse(render(app), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{app.receipt_number}.pdf"'
    return response


# -- the status query ---------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def query(request):
    if request.method == "POST":
        form = StatusForm(request.POST, captcha=needs_captcha(request, QUERY_SCOPE))
        app = None
        if form.is_valid():
            try:
                app = service.find_application(
                    request, receipt_number=form.cleaned_data["receipt_number"],
                    query_code=form.cleaned_data["query_code"],
                )
            except LookupRateLimited:
                return rate_limited(request)
            if app is None:
                form.add_error(None, _("没有找到与该办件编号和查询码相符的办件，请核对后重新输入。"))
        # a refused form or a miss counts towards the captcha (guessing query codes)
        if note_attempt(request, QUERY_SCOPE, failed=app is None):
            if app is None:
                form.add_captcha()
        if app is not None:
            _grant(request, app.receipt_number)
            return redirect("licensing:case", number=app.receipt_number)
        status = 400
    else:
        form = StatusForm(initial={"receipt_number": request.GET.get("n", "")},
                          captcha=needs_captcha(request, QUERY_SCOPE))
        status = 200
    return TemplateResponse(request, "licensing/query.html", {"form": form}, status=status)


def _case(request, number: str) -> LicenceApplication | None:
    app = LicenceApplication.objects.filter(receipt_number=normalize_receipt_number(number)).select_related(
        "organisation", "item").first()
    if app is None or not _may_see(request, app):
        return None
    return app


def _status_page(request, app, *, supplement_form=None, withdraw_form=None, status=200):
    documents = [
        {"doc": d, "token": signing.dumps(d.pk, salt=DOCUMENT_SALT)} for d in app.documents.all()
    ]
    return TemplateResponse(request, "licensing/status.html", {
        "app": app, "case": app, "timeline": service.public_timeline(app), "due": app.deadline(),
        "clock_status": app.clock_status(), "documents": documents, "materials": app.current_materials,
        "supplement_form": supplement_form or (SupplementForm(app=app) if app.status == "correction" else None),
        "withdraw_form": withdraw_form or (WithdrawForm() if app.status in WITHDRAWABLE else None),
        "form_data": list((app.form_data or {}).values()),
    }, status=status)


@never_cache
@require_http_methods(["GET"])
def case(request, number: str):
    app = _case(request, number)
    if app is None:
        return redirect(f"{reverse('licensing:query')}?n={normalize_receipt_number(number)}")
    return _status_page(request, app)


@never_cache
@require_POST
@rate_limit(rate="10/m", group="banshi-supplement")
def supplement(request, number: str):
    app = _case(request, number)
    if app is None:
        raise Http404
    form = SupplementForm(request.POST, request.FILES, app=app)
    if not form.is_valid():
        return _status_page(request, app, supplement_form=form, status=400)
    try:
        service.supplement(app, files=form.accepted_files, note=form.cleaned_data.get("note", ""))
    except Exception as exc:  # the case moved on meanwhile (CaseChanged, IllegalTransition)
        from django.core.exceptions import ValidationError

        if not isinstance(exc, ValidationError):
            raise
        form.add_error(None, exc)
        return _status_page(request, app, supplement_form=form, status=400)
    messages.success(request, _("补正材料已提交，我们将继续办理。"))
    return redirect("licensing:case", number=app.receipt_number)


@never_cache
@require_POST
def withdraw(request, number: str):
    from django.core.exceptions import ValidationError

    app = _case(request, number)
    if app is None:
        raise Http404
    form = WithdrawForm(request.POST)
    if form.is_valid():
        try:
            service.withdraw(app, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("申请已撤回。"))
            return redirect("licensing:case", number=app.receipt_number)
    return _status_page(request, app, withdraw_form=form, status=400)


@require_http_methods(["GET"])
def document(request, token: str):
    """An issued document, for whoever just saw the case (signed link, one hour)."""
    try:
        pk = signing.loads(token, salt=DOCUMENT_SALT, max_age=DOCUMENT_MAX_AGE)
    except signing.BadSignature:
        raise Http404 from None
    doc = IssuedDocument.objects.filter(pk=pk).select_related("application").first()
    if doc is None:
        raise Http404
    ext = doc.file.name.rsplit(".", 1)[-1]
    return FileResponse(doc.file.open("rb"), as_attachment=True, filename=f"{doc.application.receipt_number}.{ext}")
