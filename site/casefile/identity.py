"""Checks on who a case is from, in one place for every procedure.

- 居民身份证号码 (GB 11643-1999): 17 digits and a check character (ISO 7064 MOD 11-2);
- 统一社会信用代码 (GB 32100-2015): 18 characters of a 31-letter alphabet, the last
  a check character (MOD 31);
- a mainland mobile number or a fixed line with its area code.

``applicant_errors`` gives the messages a model's ``clean()`` raises (and a
form therefore shows on its fields); ``with_check_character`` helps demo data.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I O Z S V
CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
PHONE_RE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$")
RESIDENT_ID = "resident_id"


def normalize_code(value: str) -> str:
    """Upper case, no spaces (what people type in either field)."""
    return re.sub(r"[\s\u3000]", "", value or "").upper()


def normalize_phone(value: str) -> str:
    return re.sub(r"\s", "", value or "")


def _id_check(body: str) -> str:
    return ID_CHECK[sum(int(d) * w for d, w in zip(body, ID_WEIGHTS, strict=True)) % 11]


def _credit_check(body: str) -> str:
    total = sum(CREDIT_CHARS.index(c) * w for c, w in zip(body, CREDIT_WEIGHTS, strict=True))
    return CREDIT_CHARS[(31 - total % 31) % 31]


def resident_id_ok(number: str) -> bool:
    """GB 11643: 17 digits + check character."""
    if not re.fullmatch(r"\d{17}[\dX]", number or ""):
        return False
    return _id_check(number[:17]) == number[-1]


def credit_code_ok(code: str) -> bool:
    """GB 32100 unified social credit code with its check character."""
    if len(code or "") != 18 or any(c not in CREDIT_CHARS for c in code):
        return False
    return _credit_check(code[:17]) == code[-1]


def phone_ok(phone: str) -> bool:
    return bool(PHONE_RE.match(phone or ""))


def with_check_character(kind: str, value: str) -> str:
    """``value`` with its last character replaced by the right check character
    (``kind``: "resident_id" or "credit_code"); for demo and test data."""
    body = value[:17]
    return body + (_id_check(body) if kind == RESIDENT_ID else _credit_check(body))


def applicant_errors(
    *, natural: bool, values: dict[str, str], required_natural=(), required_legal=(),
) -> dict[str, str]:
    """{field: message} for what is missing or wrong in an applicant's identity and contact."""
    errors: dict[str, str] = {}
    for name in required_natural if natural else required_legal:
        if not (values.get(name) or "").strip():
            errors[name] = _("请填写此项。")
    if natural:
        number = values.get("id_number") or ""
        if number and values.get("id_type") == RESIDENT_ID and not resident_id_ok(number):
            errors["id_number"] = _("身份证号码有误，请核对 18 位号码（含末位校验码）。")
    else:
        code = values.get("credit_code") or ""
        if code and not credit_code_ok(code):
            errors["credit_code"] = _("统一社会信用代码有误，请核对 18 位代码。")
    phone = values.get("phone") or ""
    if phone and not phone_ok(phone):
        errors["phone"] = _("请填写有效的手机号码或固定电话（如 0471-1234567）。")
    return errors
