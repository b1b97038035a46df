"""Fonts for the PDFs the cluster writes with fpdf2 (annual reports, guides,
receipts, decisions, sample forms).

Chinese and English are set in a CJK font of the system (Debian: fonts-noto-cjk)
or the file ``PDF_FONT`` names. Only the glyphs a document uses are embedded,
subset and converted to TrueType outlines: Noto CJK has CFF outlines, which
fpdf2 embeds with a custom encoding CMap that text extractors (pypdf among
them) misread, so text copied out of the PDF was garbage; with TrueType fpdf2
writes Identity-H, which every reader understands. Mongolian falls back to
Noto Sans Mongolian (or ``PDF_MONGOLIAN_FONT``), shaped with HarfBuzz so its
letters join; it runs horizontally, as fpdf2 cannot set vertical lines (the
HTML pages are the vertical version).
"""

from __future__ import annotations

import io
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

CJK_FONTS = [
    # (path, face index in a collection): the Simplified Chinese faces first
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
]
MONGOLIAN_FONTS = [
    ("/usr/share/fonts/truetype/noto/NotoSansMongolian-Regular.ttf", 0),
    # the web font the Mongolian theme ships, so a host without the Debian package still has one
    (str(Path(settings.BASE_DIR) / "themes/mongolian/static/themes/mongolian/fonts/NotoSansMongolian-Regular.ttf"), 0),
]
MONGOLIAN = re.compile(r"[\u1800-\u18af]")
# what every document may print besides its own text: digits and punctuation
COMMON_TEXT = "0123456789.,-:：（）()、，。•/ "


class FontMissing(RuntimeError):
    pass


def find_font(candidates, setting: str) -> tuple[str, int] | None:
    """The font file the setting names (only that one: a wrong path is reported,
    not covered by another font), else the first of ``candidates`` on disk."""
    configured = getattr(settings, setting, "")
    for path, face in [(configured, 0)] if configured else candidates:
        if path and Path(path).is_file():
            return path, face
    return None


def cjk_font() -> tuple[str, int]:
    found = find_font(CJK_FONTS, "PDF_FONT")
    if found is None:
        raise FontMissing(
            _("无法生成PDF：服务器上没有中文字体（请安装 fonts-noto-cjk，或在设置 PDF_FONT 中指定字体文件）。")
        )
    return found


def truetype_subset(path: str, face: int, text: str) -> bytes:
    """The glyphs of ``text`` from a font file, as a small TrueType font."""
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    font = TTFont(path, fontNumber=face, lazy=True) if path.endswith((".ttc", ".otc")) else TTFont(path, lazy=True)
    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    if "CFF " in font:
        order = font.getGlyphOrder()
        glyph_set = font.getGlyphSet()
        glyf = newTable("glyf")
        glyf.glyphOrder, glyf.glyphs = order, {}
        for name in order:
            pen = TTGlyphPen(glyph_set)
            glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
            glyf.glyphs[name] = pen.glyph()
        font["glyf"], font["loca"] = glyf, newTable("loca")
        maxp = font["maxp"]
        maxp.tableVersion = 0x00010000
        for attr in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                     "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
            setattr(maxp, attr, 0)
        maxp.maxZones = 1
        for tag in ("CFF ", "VORG"):
            if tag in font:
                del font[tag]
        font.sfntVersion = "\x00\x01\x00\x00"
        post = font["post"]
        post.formatType, post.extraNames, post.mapping = 2.0, [], {}
        post.glyphOrder = order
    buf = io.BytesIO()
    font.save(buf)
    return buf.getvalue()


@contextmanager
def fonts_for(pdf, text: str, *, family: str = "cjk") -> Iterator[None]:
    """Give ``pdf`` the font ``family`` holding the glyphs of ``text`` (and the
    Mongolian fallback when ``text`` has Mongolian) while the block runs: fpdf2
    reads the font file when the document is written, so write it inside."""
    path, face = cjk_font()
    with tempfile.TemporaryDirectory() as folder:
        subset_file = Path(folder, f"{family}.ttf")
        subset_file.write_bytes(truetype_subset(path, face, text + COMMON_TEXT))
        pdf.add_font(family, fname=str(subset_file))
        mongolian = find_font(MONGOLIAN_FONTS, "PDF_MONGOLIAN_FONT")
        if mongolian and MONGOLIAN.search(text):
            pdf.add_font("mongolian", fname=mongolian[0])
            pdf.set_fallback_fonts(["mongolian"])
            pdf.set_text_shaping(True)  # HarfBuzz (uharfbuzz) joins the letters
        yield
