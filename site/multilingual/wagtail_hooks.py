"""Tell the editor, on save, what happened to legacy Mongolian they pasted."""

from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail import hooks

from .content import pop_notes
from .mongolian import encoding_label

_MAX_WORDS = 5


def _words(items) -> str:
    items = [str(item) for item in items]
    shown = "、".join(items[:_MAX_WORDS])
    return shown + ("……" if len(items) > _MAX_WORDS else "")


def warn_about_legacy_mongolian(request, instance) -> None:
    for note in pop_notes(instance):
        if note.ambiguous:
            messages.warning(request, _(
                "“%(field)s”中有旧版蒙古文编码的词无法确定写法，已原样保存、未转换：%(words)s。"
                "请用标准蒙古文（国家标准编码）重新输入这些词。"
            ) % {"field": note.label, "words": _words(note.ambiguous)})
        if note.unconvertible:
            messages.warning(request, _(
                "“%(field)s”中有无法转换的旧版蒙古文编码（%(encoding)s：%(codes)s），已原样保存，"
                "请用标准蒙古文（国家标准编码）重新输入。"
            ) % {"field": note.label, "encoding": encoding_label(note.encoding), "codes": _words(note.unconvertible)})
        if note.words:
            messages.warning(request, _(
                "“%(field)s”中粘贴的旧版蒙古文编码（%(encoding)s）已转换为标准蒙古文：%(words)s。请核对。"
            ) % {"field": note.label, "encoding": encoding_label(note.encoding), "words": _words(note.words)})


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def _after_page_save(request, page):
    warn_about_legacy_mongolian(request, page)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def _after_snippet_save(request, instance):
    warn_about_legacy_mongolian(request, instance)
