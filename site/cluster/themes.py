"""Themes are folders under ``themes/``: each has ``templates/themes/<name>/base.html``
and may have ``static/themes/<name>/``. A site picks one in its profile."""

from dataclasses import dataclass
from functools import cache

from django.conf import settings

# Labels of the themes the project ships; a new folder works without an entry.
LABELS = {
    "portal": "门户主题（市政府门户）",
    "department": "部门/旗县区主题",
    "mongolian": "蒙古文竖排主题",
}

# Themes whose pages are written in vertical lines (traditional Mongolian).
VERTICAL = {"mongolian"}


@dataclass(frozen=True)
class Theme:
    name: str
    label: str

    @property
    def vertical(self) -> bool:
        return self.name in VERTICAL

    @property
    def base_template(self) -> str:
        return f"themes/{self.name}/base.html"

    @property
    def stylesheet(self) -> str:
        return f"themes/{self.name}/theme.css"


@cache
def available_themes() -> dict[str, Theme]:
    themes = {}
    root = settings.THEMES_DIR
    if root.is_dir():
        for folder in sorted(root.iterdir()):
            if (folder / "templates" / "themes" / folder.name / "base.html").is_file():
                themes[folder.name] = Theme(folder.name, LABELS.get(folder.name, folder.name))
    return themes


def theme_choices() -> list[tuple[str, str]]:
    return [(t.name, t.label) for t in available_themes().values()]


def get_theme(name: str | None) -> Theme:
    themes = available_themes()
    return themes.get(name or "") or themes.get("department") or next(iter(themes.values()))
