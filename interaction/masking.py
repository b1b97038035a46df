"""Masking inside the text of a letter and its reply for 来信选登.

site/privacy finds phones, ID numbers, e-mails and plates in free text; a
letter also names people and gives addresses, which are found here: the names
the letter itself carries (the writer, the contact, the accused), names
introduced the usual ways (我叫…, 姓名：…, 联系人…), and street addresses with a
house number. Everything hidden becomes ``MARK``, which the public pages show
with a visually hidden "已隐去" for screen readers (templatetags). The result
is a proposal: a reviewer reads and edits it before it goes public.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from privacy.masking import EMAIL_RE, ID_RE, LANDLINE_RE, PHONE_RE, PLATE_RE

MARK = "＊＊"  # two full-width asterisks
_MARK_RE = re.compile("＊+")
_HAN = "\u3400-\u9fff"

# a name introduced as a name: the label stays, the name goes
NAME_INTRO_RE = re.compile(
    rf"(我叫|我的名字(?:是|叫)|本人姓名[:：]?|姓名[:：]|联系人[:：]?|署名[:：]?|举报人[:：]|投诉人[:：])\s*([{_HAN}]{{2,3}})"
)
# a street, lane, estate or village and its house number, flat, unit …
ADDRESS_RE = re.compile(
    rf"(?:(?![区县旗市省在住于从到和与的])[{_HAN}]){{1,8}}(?:大街|路|街|巷|道|胡同|小区|花园|家园|公寓|新村|村|社区|苑|大厦|嘎查)"
    rf"(?:[{_HAN}]{{0,4}}?[0-9０-９]+[\-－]?[0-9０-９]*\s*(?:号楼|号院|号|栋|幢|单元|层|楼|室|户))+"
)
PLATE_KEEP_RE = PLATE_RE  # 蒙A·12345 → 蒙A＊＊ (the province and city letter say nothing of the owner)


def _mask_names(text: str, names: Iterable[str]) -> str:
    for name in sorted({n.strip() for n in names if n and len(n.strip()) >= 2}, key=len, reverse=True):
        text = text.replace(name, name[0] + MARK if re.match(rf"[{_HAN}]", name) else MARK)
    return NAME_INTRO_RE.sub(lambda m: m.group(1) + m.group(2)[0] + MARK, text)


def mask_letter_text(text: str, *, names: Iterable[str] = ()) -> str:
    """``text`` with personal data replaced by MARK (see the module docstring)."""
    if not text:
        return ""
    text = ID_RE.sub(MARK, text)
    text = EMAIL_RE.sub(MARK, text)
    text = PHONE_RE.sub(MARK, text)
    text = LANDLINE_RE.sub(MARK, text)
    text = PLATE_KEEP_RE.sub(lambda m: m.group(1) + m.group(2) + MARK, text)
    text = ADDRESS_RE.sub(MARK, text)
    return _mask_names(text, names)


def render_masked(text: str) -> SafeString:
    """HTML of masked text: each MARK visible, announced as "已隐去"."""
    hidden = conditional_escape(_("已隐去"))
    marker = (f'<span class="masked"><span aria-hidden="true">{MARK}</span>'
              f'<span class="visually-hidden">{hidden}</span></span>')
    parts = _MARK_RE.split(text or "")
    return mark_safe(marker.join(conditional_escape(p) for p in parts))  # noqa: S308 (every part escaped)
