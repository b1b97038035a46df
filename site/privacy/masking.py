"""Masking of personal data wherever the public (or a log) can see it.

Each function takes what a person typed and returns a string safe to show;
empty input gives an empty string. ``mask_text`` finds phone numbers, ID
numbers, e-mail addresses and plate numbers inside free text.
"""

from __future__ import annotations

import re

# Compound surnames (复姓) keep two characters; the rest of the name is hidden.
COMPOUND_SURNAMES = {
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "司空",
    "夏侯", "令狐", "轩辕", "独孤", "南宫", "西门", "端木", "呼延", "万俟", "澹台", "拓跋", "百里", "东郭",
}
_HAN = re.compile(r"[\u3400-\u9fff]")
_PROVINCE = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领"

PHONE_RE = re.compile(r"(?<!\d)(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)")
LANDLINE_RE = re.compile(r"(?<!\d)(0\d{2,3})-?(\d{7,8})(?!\d)")
ID_RE = re.compile(r"(?<![\dA-Za-z])(\d{6})(\d{8})(\d{3}[\dXx])(?![\dA-Za-z])")
EMAIL_RE = re.compile(r"([A-Za-z0-9._%+-]+)@([A-Za-z0-9.-]+\.[A-Za-z]{2,})")
PLATE_RE = re.compile(r"([" + _PROVINCE + r"])([A-Z])[·•.\s]?([A-Z0-9]{5,6})(?![A-Z0-9])")


def mask_name(name: str) -> str:
    """张三丰 → 张**, 欧阳修 → 欧阳**, John Smith → J*** S***. The number of
    stars is fixed so that the length of the name is not revealed either."""
    name = (name or "").strip()
    if not name:
        return ""
    if _HAN.match(name):
        keep = 2 if name[:2] in COMPOUND_SURNAMES and len(name) > 2 else 1
        return name[:keep] + "**"
    # Latin, Cyrillic, Mongolian script: the first letter of each word
    return " ".join(word[0] + "***" for word in name.split())


def mask_phone(phone: str) -> str:
    """13812341234 → 138****1234; other numbers keep their first 3 and last 4 digits."""
    text = re.sub(r"[\s-]", "", phone or "")
    if text.startswith("+86"):
        text = text[3:]
    if len(text) <= 4:
        return "*" * len(text)
    head = 3 if len(text) >= 10 else 0
    return text[:head] + "*" * (len(text) - head - 4) + text[-4:]


def mask_id_number(number: str) -> str:
    """110101199003071234 → 1101**********1234 (keeps the first 4 and last 4)."""
    text = re.sub(r"\s", "", number or "").upper()
    if not text:
        return ""
    if len(text) <= 8:
        return text[:1] + "*" * (len(text) - 1)
    return text[:4] + "*" * (len(text) - 8) + text[-4:]


def mask_email(email: str) -> str:
    """zhangsan@example.com → z***@example.com."""
    email = (email or "").strip()
    if "@" not in email:
        return mask_name(email) if email else ""
    local, domain = email.rsplit("@", 1)
    return f"{local[:1]}***@{domain}"


_DISTRICT_RE = re.compile(
    r"^(.*?(?:省|自治区|市|盟|州|地区))?(.*?(?:市|盟|州|地区))?(.*?(?:区|县|旗|市))"
)


def mask_address(address: str) -> str:
    """内蒙古自治区敕勒川市新城区光明路12号3单元 → 内蒙古自治区敕勒川市新城区****:
    keeps everything up to the district (区/县/旗), hides the rest."""
    address = (address or "").strip()
    if not address:
        return ""
    match = _DISTRICT_RE.match(address)
    if match and match.end() < len(address):
        return address[: match.end()] + "****"
    if match:
        return address
    return address[: min(3, len(address) // 3)] + "****"


def mask_plate(plate: str) -> str:
    """蒙A12345 / 蒙A·12345 → 蒙A·1****; a new-energy plate keeps its first character too."""
    text = re.sub(r"[\s·•.]", "", plate or "").upper()
    if not text:
        return ""
    if len(text) < 4:
        return text[:1] + "*" * (len(text) - 1)
    return f"{text[:2]}·{text[2]}" + "*" * (len(text) - 3)


def mask_text(text: str) -> str:
    """Mask phones, ID numbers, e-mails and plates inside free text."""
    if not text:
        return ""
    text = ID_RE.sub(lambda m: mask_id_number(m.group(0)), text)
    text = EMAIL_RE.sub(lambda m: mask_email(m.group(0)), text)
    text = PHONE_RE.sub(lambda m: f"{m.group(1)}****{m.group(3)}", text)
    text = LANDLINE_RE.sub(lambda m: f"{m.group(1)}-****{m.group(2)[-4:]}" if len(m.group(2)) >= 7 else m.group(0), text)
    text = PLATE_RE.sub(lambda m: mask_plate(m.group(0)), text)
    return text
