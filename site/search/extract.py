"""Text of attachments (PDF, Word .docx) for the public search.

Files come from editors and from legacy exports, so extraction is defensive:
limits on size, pages and output, and a broken, encrypted or hostile file gives
"" and a logged warning, never an exception that would block an upload.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import zipfile

logger = logging.getLogger(__name__)

MAX_FILE_BYTES = 30 * 1024 * 1024
MAX_PDF_PAGES = 300
MAX_TEXT_CHARS = 500_000
# A .docx is a zip: refuse archives that would inflate beyond this (zip bombs).
MAX_DOCX_UNCOMPRESSED = 100 * 1024 * 1024

_SPACE_RE = re.compile(r"[ \t\r\f\v]+")


def _tidy(text: str) -> str:
    lines = (_SPACE_RE.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)[:MAX_TEXT_CHARS]


def pdf_text(data: bytes, *, name: str = "") -> str:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            logger.warning("attachment %s: encrypted PDF, text not extracted", name)
            return ""
        parts, size = [], 0
        for number, page in enumerate(reader.pages):
            if number >= MAX_PDF_PAGES or size >= MAX_TEXT_CHARS:
                logger.warning("attachment %s: text limited to the first %d pages", name, number)
                break
            text = page.extract_text() or ""
            parts.append(text)
            size += len(text)
        return _tidy("\n".join(parts))
    except Exception as exc:  # pypdf raises many kinds of errors on broken files
        logger.warning("attachment %s: unreadable PDF (%s)", name, exc)
        return ""


def docx_text(data: bytes, *, name: str = "") -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_DOCX_UNCOMPRESSED:
                logger.warning("attachment %s: .docx inflates too much, text not extracted", name)
                return ""
        import docx

        document = docx.Document(io.BytesIO(data))
        parts = [p.text for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                parts.append(" ".join(cell.text for cell in row.cells))
        return _tidy("\n".join(parts))
    except Exception as exc:
        logger.warning("attachment %s: unreadable Word file (%s)", name, exc)
        return ""


EXTRACTORS = {"pdf": pdf_text, "docx": docx_text}


def extract_text(data: bytes, *, name: str) -> str:
    """The text of a file given its bytes and name ("" for other kinds)."""
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    extractor = EXTRACTORS.get(ext)
    if extractor is None:
        return ""
    if len(data) > MAX_FILE_BYTES:
        logger.warning("attachment %s: %d bytes, too large to extract", name, len(data))
        return ""
    return extractor(data, name=name)


def extract_document_text(file, *, known_sha256: str = "") -> tuple[str, str] | None:
    """(sha256, text) of a stored file, or None when its content is unchanged.

    The hash keys the cache: re-saving a document (title, collection) does not
    parse the file again.
    """
    try:
        file.open("rb")
        file.seek(0)
        data = file.read(MAX_FILE_BYTES + 1)
        file.seek(0)
    except Exception as exc:
        logger.warning("attachment %s: cannot read file (%s)", getattr(file, "name", ""), exc)
        return None
    digest = hashlib.sha256(data).hexdigest()
    if digest == known_sha256:
        return None
    return digest, extract_text(data, name=file.name or "")
