"""Accounts, one-time SMS codes and phone confirmation, for every app.

One-time codes (``send_code`` / ``check_code``): six digits, stored only as a
keyed hash (HMAC with SECRET_KEY over purpose, phone and code), valid for
``ACCOUNTS_CODE_TTL`` seconds, compared in constant time. A code is dead after
``MAX_ATTEMPTS`` wrong tries (a new one must be asked for); a wrong and an
expired code get the same message. Sending is limited per phone (one a
minute, five an hour) and per client address.

Phone confirmation for writers without an account (a letter "with a phone
confirmed by SMS code")::

    from accounts.service import send_code, confirm_phone, confirmed_phone

    send_code(request, phone)                 # raises CodeRefused (a ValidationError)
    if confirm_phone(request, phone, code):   # good for 30 minutes in this session
        ...
    confirmed_phone(request)                  # -> "13912345678" or None

or, in a form, ``accounts.forms.PhoneConfirmationMixin`` (fields ``phone`` and
``phone_code`` and a "获取验证码" button; see its docstring) with the template
``accounts/_phone_confirmation.html``.

Application forms prefill the applicant with ``applicant_initial(user)``.
"My applications" lists every registered case type's cases with
``account=user``; a case model may define ``account_url()`` (the page where
its signed-in applicant follows it) and the list links to it.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from django.conf import settings
from django.contrib import auth
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from casefile import identity
from casefile.registry import case_types
from formguard.abuse import over_limit
from notify import service as notify

from .models import Account, PhoneCode
from .notify_templates import CODE

MAX_ATTEMPTS = 5
CODE_DIGITS = 6
PHONE_MINUTE_RATE = "1/m"
PHONE_HOUR_RATE = "5/h"
ADDRESS_RATE = "20/h"
CONFIRMED_FOR = timedelta(minutes=30)
SESSION_CONFIRMED = "accounts_confirmed_phone"
PHONE_BACKEND = "accounts.backends.PhoneSignIn"
MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")
Purpose = PhoneCode.Purpose
# what the SMS says the code is for
SMS_PURPOSE = {
    Purpose.REGISTER: gettext_lazy("注册账户"),
    Purpose.LOGIN: gettext_lazy("登录账户"),
    Purpose.CONFIRM: gettext_lazy("验证手机号码"),
}


class Check(StrEnum):
    OK = "ok"
    WRONG = "wrong"  # wrong, expired, or none sent: one message for all
    LOCKED = "locked"  # too many wrong tries: a new code must be asked for


def check_message(result: Check) -> str:
    if result == Check.LOCKED:
        return _("短信验证码输入错误次数过多，已经失效，请重新获取验证码。")
    return _("短信验证码不正确或已过期，请核对后重新输入，或重新获取验证码。")


class CodeRefused(ValidationError):
    """No code was sent (a bad number, or too many asked for): the message says why."""


# --- phone numbers ----------------------------------------------------------------


def normalize_mobile(value: str) -> str:
    """What people type for a mobile number: spaces, dashes, a +86 in front."""
    phone = identity.normalize_phone(value).replace("-", "")
    return re.sub(r"^(\+86|0086)(?=1\d{10}$)", "", phone)


def mobile_ok(phone: str) -> bool:
    return bool(MOBILE_RE.match(phone or ""))


# --- one-time codes -------------------------------------------------------------------


def _ttl() -> timedelta:
    return timedelta(seconds=getattr(settings, "ACCOUNTS_CODE_TTL", 300))


def code_minutes() -> int:
    """How long a code is valid, in whole minutes, as the messages tell it."""
    return max(1, int(_ttl().total_seconds() // 60))


def _hash(phone: str, purpose: str, code: str) -> str:
    return salted_hmac("accounts.PhoneCode", f"{purpose}:{phone}:{code}", algorithm="sha256").hexdigest()


def send_code(request, phone: str, purpose: str = Purpose.CONFIRM, *, language: str | None = None) -> PhoneCode:
    """Send a new one-time code to ``phone`` by SMS (through notify's outbox,
    delivered after commit). Raises ``CodeRefused`` with a localized message
    for a number that is not a mobile one, or when too many codes were asked
    for (per phone: 1 a minute for each purpose, 5 an hour; per client
    address: 20 an hour)."""
    phone = normalize_mobile(phone)
    if not mobile_ok(phone):
        raise CodeRefused(_("请填写有效的 11 位手机号码。"), code="phone")
    # one a minute for each purpose (a new citizen registers, then signs in), five an hour in all
    if over_limit(request, f"accounts-code-minute-{purpose}", rate=PHONE_MINUTE_RATE, phone=phone):
        raise CodeRefused(_("验证码已发送，请等候 1 分钟后再重新获取。"), code="too_soon")
    if over_limit(request, "accounts-code-hour", rate=PHONE_HOUR_RATE, phone=phone) or over_limit(
        request, "accounts-code-address", rate=ADDRESS_RATE
    ):
        raise CodeRefused(_("获取验证码的次数过多，请过一段时间再试。"), code="too_many")
    code = f"{secrets.randbelow(10 ** CODE_DIGITS):0{CODE_DIGITS}d}"
    now = timezone.now()
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    with transaction.atomic():
        # codes are worthless a day after they expired; nobody needs their phone numbers
        PhoneCode.objects.filter(expires_at__lt=now - timedelta(days=1)).delete()
        row = PhoneCode.objects.create(
            phone=phone, purpose=purpose, code_hash=_hash(phone, purpose, code), created_at=now,
            expires_at=now + _ttl(),
        )
        notify.queue_message(
            channel="sms", recipient=phone, template=CODE, language=language, reference=f"accounts:{purpose}",
            params={"code": code, "minutes": max(1, int(_ttl().total_seconds() // 60)),
                    "purpose": SMS_PURPOSE.get(purpose, SMS_PURPOSE[Purpose.CONFIRM])},
        )
    return row


def check_code(*, phone: str, purpose: str, code: str) -> Check:
    """Use the latest code sent to ``phone`` for ``purpose``: OK once, when
    right and in time. Each wrong try counts; the fifth kills the code."""
    phone, code = normalize_mobile(phone), (code or "").strip()
    row = (
        PhoneCode.objects.filter(phone=phone, purpose=purpose, used_at__isnull=True)
        .order_by("-created_at", "-pk").first()
    )
    if row is None:
        return Check.WRONG
    if row.attempts >= MAX_ATTEMPTS:
        return Check.LOCKED
    now = timezone.now()
    right = constant_time_compare(row.code_hash, _hash(phone, purpose, code))
    if right and row.expires_at > now:
        # compare-and-set: of two requests with the same code only one gets in
        used = PhoneCode.objects.filter(pk=row.pk, used_at__isnull=True, attempts__lt=MAX_ATTEMPTS).update(used_at=now)
        return Check.OK if used else Check.WRONG
    if row.expires_at <= now:
        return Check.WRONG
    PhoneCode.objects.filter(pk=row.pk).update(attempts=F("attempts") + 1)
    row.refresh_from_db(fields=["attempts"])
    return Check.LOCKED if row.attempts >= MAX_ATTEMPTS else Check.WRONG


# --- phone confirmation in the session ------------------------------------------------


def _mark_confirmed(request, phone: str) -> None:
    request.session[SESSION_CONFIRMED] = {
        "phone": phone, "until": (timezone.now() + CONFIRMED_FOR).timestamp(),
    }


def confirm_phone(request, phone: str, code: str) -> bool:
    """Check a "confirm" code; when right the phone counts as confirmed in this
    session for 30 minutes (``confirmed_phone``)."""
    phone = normalize_mobile(phone)
    if check_code(phone=phone, purpose=Purpose.CONFIRM, code=code) != Check.OK:
        return False
    _mark_confirmed(request, phone)
    return True


def confirmed_phone(request) -> str | None:
    """The phone confirmed in this session in the last 30 minutes; for a signed-in
    citizen, the account's own phone (they signed in with a code sent to it)."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        account = account_for(user)
        if account is not None:
            return account.phone
    mark = request.session.get(SESSION_CONFIRMED) or {}
    if mark.get("phone") and float(mark.get("until", 0)) > timezone.now().timestamp():
        return mark["phone"]
    return None


# --- accounts ----------------------------------------------------------------------------

IDENTITY_FIELDS = ("name", "id_type", "id_number", "org_name", "credit_code", "legal_representative")
REQUIRED_NATURAL = ("name", "id_type", "id_number")
REQUIRED_LEGAL = ("org_name", "credit_code", "legal_representative")


def account_for(user) -> Account | None:
    if user is None or not user.is_authenticated:
        return None
    try:
        return user.account
    except Account.DoesNotExist:
        return None


def identity_errors(kind: str, values: dict[str, str]) -> dict[str, str]:
    """The kernel's checks (resident ID check digit, credit code check character)."""
    return identity.applicant_errors(
        natural=kind == "natural", values=values, required_natural=REQUIRED_NATURAL, required_legal=REQUIRED_LEGAL,
    )


def _clear_other_kind(data: dict) -> dict:
    """Only the fields of the chosen kind are kept."""
    other = ("org_name", "credit_code", "legal_representative") if data["kind"] == "natural" else (
        "name", "id_type", "id_number")
    return {**data, **dict.fromkeys(other, "")}


def can_sign_in(user) -> bool:
    """Phone sign-in is for citizens only: staff sign in with a password and their second factor."""
    return bool(user and user.is_active and not user.is_staff and not user.is_superuser)


class PhoneTaken(ValidationError):
    pass


def register_account(*, data: dict, language: str | None = None) -> Account:
    """A new user (no password, never staff) and its account, after the phone's
    code was checked. ``data``: kind, phone and the identity fields, email."""
    User = get_user_model()
    data = _clear_other_kind(data)
    try:
        with transaction.atomic():
            user = User(username=f"acct-{secrets.token_hex(8)}", email=data.get("email", ""))
            user.set_unusable_password()
            user.save()
            return Account.objects.create(
                user=user, kind=data["kind"], phone=normalize_mobile(data["phone"]),
                email=data.get("email", ""), language=language or settings.LANGUAGE_CODE,
                **{f: data.get(f, "") for f in IDENTITY_FIELDS},
            )
    except IntegrityError:
        raise PhoneTaken(_("该手机号码已经注册，请直接登录。"), code="unique") from None


def update_profile(account: Account, *, data: dict) -> Account:
    data = _clear_other_kind({**data, "kind": data.get("kind", account.kind)})
    for name in ("kind", "email", "language", *IDENTITY_FIELDS):
        if name in data:
            setattr(account, name, data[name])
    with transaction.atomic():
        account.save()
        if account.user.email != account.email:
            account.user.email = account.email
            account.user.save(update_fields=["email"])
    return account


def user_for_code(*, phone: str, code: str) -> tuple[object | None, Check]:
    """The citizen whose phone this login code was sent to, if it is right.
    An unknown number gets the same answer as a wrong code."""
    account = Account.objects.select_related("user").filter(phone=normalize_mobile(phone)).first()
    if account is None or not can_sign_in(account.user):
        return None, Check.WRONG
    result = check_code(phone=account.phone, purpose=Purpose.LOGIN, code=code)
    return (account.user if result == Check.OK else None), result


def sign_in(request, user) -> None:
    """Sign a citizen in through the phone backend (the session remembers which
    backend; a second sign-in method is one more backend on the same user)."""
    auth.login(request, user, backend=PHONE_BACKEND)


def applicant_initial(user) -> dict:
    """The kernel Case's applicant fields from the account, to prefill a form."""
    account = account_for(user)
    if account is None:
        return {}
    return {
        "applicant_kind": account.kind, "phone": account.phone, "email": account.email,
        **{f: getattr(account, f) for f in IDENTITY_FIELDS},
    }


# --- my applications ---------------------------------------------------------------------


@dataclass(frozen=True)
class CaseRow:
    receipt_number: str
    type_label: str
    status_label: str
    is_open: bool
    due_on: date | None
    due_known: bool
    submitted_at: datetime
    url: str


def my_cases(user, *, limit: int = 200) -> list[CaseRow]:
    """Every kernel case filed from this account, newest first, across all case types."""
    rows: list[CaseRow] = []
    if user is None or not user.is_authenticated:
        return rows
    for case_type in case_types():
        workflow = case_type.workflow
        for case in case_type.model._default_manager.filter(account=user).order_by("-submitted_at")[:limit]:
            is_open = case.status in workflow.open_statuses
            link = getattr(case, "account_url", None)
            rows.append(CaseRow(
                receipt_number=case.receipt_number, type_label=str(case_type.label),
                status_label=str(workflow.status_label(case.status)), is_open=is_open,
                due_on=case.due_on if is_open else None, due_known=case.due_known,
                submitted_at=case.submitted_at, url=str(link() if callable(link) else ""),
            ))
    rows.sort(key=lambda r: r.submitted_at, reverse=True)
    return rows[:limit]
