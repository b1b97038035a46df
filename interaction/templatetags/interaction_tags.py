from django import template
from django.utils import translation

from interaction.masking import render_masked

register = template.Library()


@register.filter
def masked(text):
    """Masked text with each ＊＊ announced as "已隐去" to screen readers."""
    return render_masked(text or "")


@register.simple_tag
def localized(row: dict, prefix: str) -> str:
    """``prefix``'s name in the active language from a values() row."""
    lang = translation.get_language() or ""
    if lang.startswith("mn") and row.get(f"{prefix}__name_mn"):
        return row[f"{prefix}__name_mn"]
    if lang.startswith("en") and row.get(f"{prefix}__name_en"):
        return row[f"{prefix}__name_en"]
    return row.get(f"{prefix}__name", "")
