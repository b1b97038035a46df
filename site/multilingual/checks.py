"""Which strings of the project have no translation yet.

Every translatable string counts as public: the editors' admin has an English
interface too, and a rule for "admin only" would be one more list to forget.

The msgids are extracted the way ``manage.py makemessages`` extracts them, with
its own machinery: its file walk (``find_files``, the same ignore patterns as
``bin/translations``), Django's ``templatize`` for templates and GNU xgettext
with makemessages' keywords, into a temporary catalogue (the templatized copies
go to a temporary folder, never next to the sources).  Nothing names the files
to scan, so a new module or template cannot be forgotten.

The result is compared with the *compiled* catalogues that the sites serve
(``locale/<locale>/LC_MESSAGES/django.mo``) and with their ``.po`` sources: a
string counts as translated only when the ``.mo`` has a translation and the
``.po`` entry is neither fuzzy nor empty (so a fuzzy entry compiled earlier, or
a translation never compiled, is still reported).  A plural entry needs every
plural form.  Missing msgids are returned sorted; a msgid with a context is
written ``"context\\x04msgid"`` (gettext's own notation).

``check_public_translations`` wraps the same thing as a Django system check
(``multilingual.W001``-``W003``), registered in ``MultilingualConfig.ready`` so
that ``manage.py check`` (run by ``bin/test``) reports every gap.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from functools import cached_property
from io import StringIO
from pathlib import Path

import polib

BASE_DIR = Path(__file__).resolve().parents[2]
LOCALE_DIR = BASE_DIR / "locale"

#: Folders that hold no product code; ``bin/translations`` passes the same
#: patterns to makemessages (a name matches at any depth, as there).
IGNORE_PATTERNS = (".venv", "var", "tests", "bench", "node_modules", "static_collected")

Key = tuple[str | None, str]  # (msgctxt, msgid)


def scan_roots() -> list[Path]:
    """The folders searched for strings: the project, or ``TRANSLATION_CHECK_ROOTS``."""
    from django.conf import settings

    return [Path(p) for p in getattr(settings, "TRANSLATION_CHECK_ROOTS", None) or [BASE_DIR]]


def _extractor_classes():
    from django.core.management.commands import makemessages
    from django.utils.translation.template import templatize

    class BuildFile(makemessages.BuildFile):
        """makemessages' build file, with the templatized copy in a temporary folder."""

        @cached_property
        def work_path(self):
            if not self.is_templatized:
                return self.path
            return os.path.join(self.command.work_dir, os.path.abspath(self.path).lstrip(os.sep) + ".py")

        def preprocess(self):
            if not self.is_templatized:
                return
            src = Path(self.path).read_text(encoding="utf-8")
            work = Path(self.work_path)
            work.parent.mkdir(parents=True, exist_ok=True)
            work.write_text(templatize(src, origin=self.path), encoding="utf-8")

        def postprocess_messages(self, msgs):
            return msgs.replace(self.work_path, self.path) if self.is_templatized else msgs

    class Extractor(makemessages.Command):
        build_file_class = BuildFile

        def __init__(self, work_dir: str):
            super().__init__(stdout=StringIO(), stderr=StringIO())
            self.work_dir = work_dir
            self.domain = "django"
            self.verbosity = 0
            self.symlinks = False
            self.extensions = {".html", ".txt", ".py"}  # makemessages' defaults for -d django
            self.ignore_patterns = ["CVS", ".*", "*~", "*.pyc", *IGNORE_PATTERNS]
            self.locale_paths: list[str] = []
            self.default_locale_path = work_dir

    return Extractor


def extract_msgids(roots: Iterable[str | Path] | None = None) -> dict[Key, list[str]]:
    """Every msgid under ``roots`` (default: the whole project), with where it occurs."""
    from django.core.management.utils import find_command

    roots = [Path(r).resolve() for r in (scan_roots() if roots is None else roots)]
    if find_command("xgettext") is None:
        raise FileNotFoundError("xgettext (Debian package gettext) is needed to extract the strings")
    work_dir = tempfile.mkdtemp(prefix="msgids-")
    try:
        extractor = _extractor_classes()(work_dir)
        files = [f for root in roots for f in extractor.find_files(str(root))]
        if files:
            extractor.process_locale_dir(work_dir, files)
        pot_path = Path(work_dir) / "django.pot"
        pot = polib.pofile(str(pot_path)) if pot_path.exists() else []
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)

    def where(path: str, line: str) -> str:
        for root in roots:
            if Path(path).is_relative_to(root):
                base = BASE_DIR if root.is_relative_to(BASE_DIR) else root
                return f"{Path(path).relative_to(base)}:{line}"
        return f"{path}:{line}"

    return {(e.msgctxt, e.msgid): [where(p, n) for p, n in e.occurrences] for e in pot}


def catalogue_path(language: str, locale_dir: str | Path | None = None, suffix: str = ".po") -> Path:
    from django.utils.translation import to_locale

    return Path(locale_dir or LOCALE_DIR) / to_locale(language) / "LC_MESSAGES" / f"django{suffix}"


def _complete(entry) -> bool:
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(s.strip() for s in entry.msgstr_plural.values())
    return bool(entry.msgstr.strip())


def translated_keys(po_path: Path) -> set[Key]:
    """(msgctxt, msgid) with a translation in both the compiled .mo and its .po (not fuzzy)."""
    mo_path = po_path.with_suffix(".mo")
    if not (po_path.exists() and mo_path.exists()):
        return set()
    compiled = {(e.msgctxt, e.msgid) for e in polib.mofile(str(mo_path)) if e.msgid and _complete(e)}
    source = {
        (e.msgctxt, e.msgid) for e in polib.pofile(str(po_path)) if not e.obsolete and "fuzzy" not in e.flags and _complete(e)
    }
    return compiled & source


def _label(key: Key) -> str:
    ctx, msgid = key
    return msgid if ctx is None else f"{ctx}\x04{msgid}"


def untranslated_public_locations(
    language: str, *, roots: Iterable[str | Path] | None = None, locale_dir: str | Path | None = None
) -> dict[str, list[str]]:
    """msgid -> where it occurs, for each string under ``roots`` without a usable translation."""
    return _missing(extract_msgids(roots), language, locale_dir)


def _missing(found: dict[Key, list[str]], language: str, locale_dir: str | Path | None = None) -> dict[str, list[str]]:
    done = translated_keys(catalogue_path(language, locale_dir))
    return {_label(key): found[key] for key in sorted(found, key=_label) if key not in done}


def untranslated_public_strings(
    language: str, *, roots: Iterable[str | Path] | None = None, locale_dir: str | Path | None = None
) -> list[str]:
    """msgids under ``roots`` with no usable translation into ``language``."""
    return list(untranslated_public_locations(language, roots=roots, locale_dir=locale_dir))


def check_public_translations(app_configs=None, languages: Iterable[str] | None = None, **kwargs):
    """System check: one warning per language whose strings are not all translated."""
    from django.conf import settings
    from django.core.checks import Warning

    if languages is None:
        source = settings.LANGUAGE_CODE.lower()
        languages = [code for code, _name in settings.LANGUAGES if code.lower() != source]
    try:
        found = extract_msgids()
    except FileNotFoundError as exc:
        return [Warning(f"Cannot check the translations: {exc}.", id="multilingual.W003")]
    messages = []
    for language in languages:
        po_path = catalogue_path(language)
        if not po_path.exists():
            messages.append(
                Warning(f"No translation catalogue for {language!r}.", hint=f"Expected {po_path}.", id="multilingual.W002")
            )
            continue
        missing = list(_missing(found, language))
        if missing:
            shown = "、".join(missing[:10]) + ("…" if len(missing) > 10 else "")
            messages.append(
                Warning(
                    f"{len(missing)} string(s) have no {language!r} translation: {shown}",
                    hint=f"Run bin/translations, translate them in {po_path} and run it again to compile.",
                    id="multilingual.W001",
                )
            )
    return messages
