"""Check an uploaded file by what it contains, not only by its name.

A ``.pdf`` that is really an executable, a ``.docx`` that is a renamed
archive of something else, or an archive (zip, docx, xlsx, …) that inflates far
beyond its own size (a "zip bomb", which would fill the disk or memory of
whatever opens it later: the search's attachment text, an officer's office
suite) is refused with a message the uploader understands.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc/.xls/.wps
ARCHIVE_KINDS = {"docx", "xlsx", "odt", "ods", "ofd", "zip"}
# An archive must not inflate past this in all, nor by more than this ratio once
# it inflates past RATIO_FLOOR (small archives of XML compress well and harm nobody).
MAX_INFLATED_SIZE = 100 * 1024 * 1024
MAX_INFLATE_RATIO = 100
RATIO_FLOOR = 2 * 1024 * 1024
MAX_MEMBERS = 10_000
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Kind:
    label: str  # shown to citizens next to the link, e.g. "PDF"
    mime: str


KINDS: dict[str, Kind] = {
    "pdf": Kind("PDF", "application/pdf"),
    "doc": Kind("Word", "application/msword"),
    "docx": Kind("Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "wps": Kind("WPS", "application/vnd.ms-works"),
    "xls": Kind("Excel", "application/vnd.ms-excel"),
    "xlsx": Kind("Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "odt": Kind("ODT", "application/vnd.oasis.opendocument.text"),
    "ods": Kind("ODS", "application/vnd.oasis.opendocument.spreadsheet"),
    "ofd": Kind("OFD", "application/ofd"),
    "csv": Kind("CSV", "text/csv"),
    "txt": Kind("TXT", "text/plain"),
    "zip": Kind("ZIP", "application/zip"),
    "jpg": Kind("JPEG", "image/jpeg"),
    "jpeg": Kind("JPEG", "image/jpeg"),
    "png": Kind("PNG", "image/png"),
}


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _zip_names(fh: IO[bytes]) -> list[str]:
    fh.seek(0)
    try:
        with zipfile.ZipFile(fh) as zf:
            return zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return []


def _content_matches(ext: str, head: bytes, fh: IO[bytes]) -> bool:
    if ext == "pdf":
        return b"%PDF-" in head[:1024]
    if ext in {"doc", "xls", "wps"}:
        return head.startswith(OLE2_MAGIC)
    if ext in {"docx", "xlsx", "odt", "ods", "ofd", "zip"}:
        if not head.startswith(b"PK\x03\x04"):
            return False
        names = _zip_names(fh)
        if ext == "docx":
            return any(n.startswith("word/") for n in names)
        if ext == "xlsx":
            return any(n.startswith("xl/") for n in names)
        if ext in {"odt", "ods"}:
            return "mimetype" in names or "content.xml" in names
        if ext == "ofd":
            return any(n.lower().endswith("ofd.xml") for n in names)
        return bool(names)
    if ext in {"jpg", "jpeg"}:
        return head.startswith(b"\xff\xd8\xff")
    if ext == "png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if ext in {"csv", "txt"}:
        if b"\x00" in head:
            return False
        for encoding in ("utf-8", "gb18030"):
            try:
                head.decode(encoding)
                return True
            except UnicodeDecodeError as exc:
                # a multi-byte character cut by the 8 KiB window is fine
                if exc.start >= len(head) - 4:
                    return True
        return False
    return False


def _inflation_budget(size: int, max_inflated: int, max_ratio: float) -> int:
    return int(min(max_inflated, max(RATIO_FLOOR, size * max_ratio)))


def _archive_fault(fh: IO[bytes], *, size: int, max_inflated: int, max_ratio: float) -> str:
    """What is wrong with the archive in ``fh``: "zip_bomb" when it inflates past
    its budget, "content" when it cannot be read through (damaged, encrypted, a
    directory that lies: bad CRC), "" when nothing is. The sizes its directory declares are checked
    first (cheap); then the members are really inflated, in chunks, up to the
    budget, since a crafted archive can declare any size it likes. (An archive
    inside the archive counts at its own size: nothing here opens it.)"""
    budget = _inflation_budget(size, max_inflated, max_ratio)
    fh.seek(0)
    try:
        with zipfile.ZipFile(fh) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > budget:
                return "zip_bomb"
            inflated = 0
            for member in members:
                if member.is_dir():
                    continue
                with archive.open(member) as stream:
                    while chunk := stream.read(_CHUNK):
                        inflated += len(chunk)
                        if inflated > budget:
                            return "zip_bomb"
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, OSError, ValueError,
            EOFError):
        return "content"
    finally:
        fh.seek(0)
    return ""


def check_upload(
    uploaded, *, allowed: set[str] | None = None, max_size: int | None = None,
    max_inflated: int | None = None, max_ratio: float | None = None,
) -> Kind:
    """Validate ``uploaded`` (a Django File) and return its kind.

    Raises ValidationError with a localized message when the extension is not
    allowed, the file is empty or too big, its content is not what its name
    says, or it is an archive that inflates past ``max_inflated`` bytes or by
    more than ``max_ratio`` times its size (settings ``UPLOAD_MAX_INFLATED_SIZE``,
    ``UPLOAD_MAX_INFLATE_RATIO``; code ``zip_bomb``).
    """
    name = getattr(uploaded, "name", "") or ""
    ext = extension_of(name)
    allowed = allowed if allowed is not None else set(KINDS)
    if ext not in allowed or ext not in KINDS:
        raise ValidationError(
            _("不支持“%(ext)s”类型的文件，请上传以下类型之一：%(allowed)s")
            % {"ext": ext or _("无扩展名"), "allowed": "、".join(sorted(allowed))},
            code="extension",
        )
    size = getattr(uploaded, "size", None)
    if size is not None:
        if size == 0:
            raise ValidationError(_("文件是空的，请重新选择。"), code="empty")
        if max_size and size > max_size:
            raise ValidationError(
                _("文件大小为 %(size)s，超过了 %(max)s 的上限。")
                % {"size": filesizeformat(size), "max": filesizeformat(max_size)},
                code="too_big",
            )
    fh = uploaded.file if hasattr(uploaded, "file") else uploaded
    pos = fh.tell() if hasattr(fh, "tell") else 0
    try:
        fh.seek(0)
        head = fh.read(8192)
        ok = _content_matches(ext, head, fh)
    finally:
        fh.seek(pos)
    if not ok:
        raise ValidationError(
            _("文件“%(name)s”的内容与其扩展名不符，可能已损坏或被改名，请检查后重新上传。") % {"name": name},
            code="content",
        )
    if ext in ARCHIVE_KINDS:
        pos = fh.tell() if hasattr(fh, "tell") else 0
        try:
            fault = _archive_fault(
                fh, size=max(size or 0, 1),
                max_inflated=max_inflated or getattr(settings, "UPLOAD_MAX_INFLATED_SIZE", MAX_INFLATED_SIZE),
                max_ratio=max_ratio or getattr(settings, "UPLOAD_MAX_INFLATE_RATIO", MAX_INFLATE_RATIO),
            )
        finally:
            fh.seek(pos)
        if fault == "zip_bomb":
            raise ValidationError(_("压缩文件解压后异常巨大（可能是“压缩炸弹”），已拒收。"), code="zip_bomb")
        if fault:
            raise ValidationError(
                _("文件“%(name)s”的内容与其扩展名不符，可能已损坏或被改名，请检查后重新上传。") % {"name": name},
                code="content",
            )
    return KINDS[ext]
