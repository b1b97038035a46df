"""Which strings that citizens see have no translation yet.

``untranslated_public_strings("en")`` extracts the msgids of the *public* code
(the templates and Python modules listed below, not the editors' admin) the way
``makemessages`` does, and returns those without a usable translation in
``locale/<locale>/LC_MESSAGES/django.po``: missing, empty, fuzzy or obsolete.

Extraction needs neither xgettext nor a writable locale directory:

* templates go through Django's own ``templatize`` (the function
  ``makemessages`` feeds to xgettext), so ``{% trans %}``, ``{% translate %}``,
  ``{% blocktrans(late) %}`` with ``count``/``context``/``trimmed`` and
  ``{{ var }}`` → ``%(var)s``, and ``_("…")`` in tags and variables give the
  same msgids as in the .po file;
* Python modules are parsed with ``ast`` and the gettext keywords that
  ``makemessages`` passes to xgettext are read from their literal arguments
  (adjacent literals are joined; f-strings and variables are skipped, as
  xgettext skips them).

The result is a sorted list of msgids; a msgid with a context is returned as
``"context\\x04msgid"`` (gettext's own notation).  A plural entry counts as
translated only when every plural form is filled in.

``check_public_translations`` wraps the same thing as a Django system check
(``multilingual.W001``/``W002``), registered in ``MultilingualConfig.ready`` so
that ``manage.py check`` (run by ``bin/test``) reports every gap.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable
from pathlib import Path

import polib

BASE_DIR = Path(__file__).resolve().parents[2]
LOCALE_DIR = BASE_DIR / "locale"

#: Template directories whose pages the public sees; ``admin`` sub-folders
#: (the editors' syndication screens) are left out.
PUBLIC_TEMPLATE_DIRS = (
    "site/cluster/templates/cluster",
    "disclosure/templates",
    "disclosure/*/templates",  # disclosure/applications (依申请公开) and later sub-apps
    "services/templates",
    "services/*/templates",
    "interaction/templates",
    "interaction/*/templates",
    "site/notify/templates",  # e-mail and SMS text templates
    "site/casefile/templates",
    "themes/*/templates",
)
EXCLUDED_TEMPLATE_PARTS = frozenset({"admin"})
TEMPLATE_SUFFIXES = frozenset({".html", ".txt"})  # makemessages' defaults for -d django

#: Python modules with strings citizens see (field labels and choices shown on
#: public pages, public form errors, public error pages).
PUBLIC_PYTHON_FILES = (
    "site/formguard/*.py",
    "disclosure/models.py",
    "site/cluster/models/pages.py",
    "site/cluster/models/organisations.py",
    "site/cluster/views.py",  # the "website not found" message on the public 404
    "site/multilingual/mongolian.py",  # the legacy-encoding error on public forms
    "site/multilingual/templatetags/*.py",  # deadline wording
    "site/multilingual/framework_strings.py",  # Django's form errors, months, pagination
    "site/notify/service.py",  # SMS and e-mail wording
    "site/casefile/workflow.py",  # state names in public status lookups
    "site/casefile/service.py",
    "site/workdays/service.py",
    "disclosure/views.py",
    "disclosure/forms.py",
    "disclosure/applications/**/*.py",
    "services/**/*.py",
    "interaction/**/*.py",
)
#: Parts of the public apps that only editors see.
EXCLUDED_PYTHON_PARTS = frozenset({"migrations", "tests", "admin", "management"})
EXCLUDED_PYTHON_NAMES = frozenset({"wagtail_hooks.py", "admin.py", "admin_views.py", "apps.py"})

# keyword -> (context arg, singular arg, plural arg); the keywords makemessages
# gives xgettext for Python and templatized templates.
_KEYWORDS: dict[str, tuple[int | None, int, int | None]] = {}
for _name in ("_", "gettext", "gettext_lazy", "gettext_noop", "ugettext", "ugettext_lazy", "ugettext_noop"):
    _KEYWORDS[_name] = (None, 0, None)
for _name in ("ngettext", "ngettext_lazy", "ungettext", "ungettext_lazy"):
    _KEYWORDS[_name] = (None, 0, 1)
for _name in ("pgettext", "pgettext_lazy"):
    _KEYWORDS[_name] = (0, 1, None)
for _name in ("npgettext", "npgettext_lazy"):
    _KEYWORDS[_name] = (0, 1, 2)
del _name

Key = tuple[str | None, str]  # (msgctxt, msgid)

_STR = r"""(?:[uUrRbB]{0,2}(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"))"""
_TEMPLATIZED_CALL = re.compile(
    r"(?<![\w.])(?P<func>npgettext|pgettext|ngettext|gettext|_)\(\s*"
    rf"(?P<a>{_STR})(?:\s*,\s*(?P<b>{_STR}))?(?:\s*,\s*(?P<c>{_STR}))?"
)


def _key(args: list[str | None], spec: tuple[int | None, int, int | None]) -> Key | None:
    ctx_i, msg_i, plural_i = spec
    needed = [i for i in (ctx_i, msg_i, plural_i) if i is not None]
    if any(i >= len(args) or args[i] is None for i in needed):
        return None
    msgid = args[msg_i]
    if not msgid:
        return None
    return (args[ctx_i] if ctx_i is not None else None, msgid)


def _literal(text: str | None) -> str | None:
    if text is None:
        return None
    value = ast.literal_eval(text)
    return value if isinstance(value, str) else None


def msgids_in_template(path: Path) -> dict[Key, list[str]]:
    """msgids of one template, as makemessages would extract them."""
    from django.utils.translation.template import templatize

    src = path.read_text(encoding="utf-8")
    out = templatize(src, origin=str(path))
    found: dict[Key, list[str]] = {}
    for m in _TEMPLATIZED_CALL.finditer(out):
        args = [_literal(m.group(g)) for g in ("a", "b", "c")]
        key = _key(args, _KEYWORDS[m.group("func")])
        if key:
            line = out.count("\n", 0, m.start()) + 1
            found.setdefault(key, []).append(f"{path}:{line}")
    return found


def msgids_in_python(path: Path) -> dict[Key, list[str]]:
    """msgids of one Python module (literal arguments of gettext keywords)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: dict[Key, list[str]] = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
        if name not in _KEYWORDS:
            continue
        args = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None for a in node.args]
        key = _key(args, _KEYWORDS[name])
        if key:
            found.setdefault(key, []).append(f"{path}:{node.lineno}")
    return found


def _expand(patterns: Iterable[str], base: Path) -> list[Path]:
    paths: list[Path] = []
    for pattern in patterns:
        # A folder or module that does not exist yet (a future app) is skipped.
        paths.extend(sorted(base.glob(pattern)) if any(c in pattern for c in "*?[") else [p for p in [base / pattern] if p.exists()])
    return paths


def _template_files(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file()
        and p.suffix in TEMPLATE_SUFFIXES
        and not EXCLUDED_TEMPLATE_PARTS.intersection(p.relative_to(root).parts[:-1])
    )


def public_msgids(extra_paths: Iterable[str | Path] = ()) -> dict[Key, list[str]]:
    """Every msgid of the public code, with where it occurs.

    ``extra_paths`` adds files or directories to the scan: ``.py`` files are
    read as Python, anything else (and every template file under a directory)
    as a template.
    """
    found: dict[Key, list[str]] = {}

    def add(more: dict[Key, list[str]]) -> None:
        for key, where in more.items():
            found.setdefault(key, []).extend(where)

    for root in _expand(PUBLIC_TEMPLATE_DIRS, BASE_DIR):
        for path in _template_files(root):
            add(msgids_in_template(path))
    for path in _expand(PUBLIC_PYTHON_FILES, BASE_DIR):
        rel = path.relative_to(BASE_DIR)
        if path.is_file() and not (
            EXCLUDED_PYTHON_PARTS.intersection(rel.parts[:-1]) or rel.name in EXCLUDED_PYTHON_NAMES
        ):
            add(msgids_in_python(path))
    for extra in extra_paths:
        extra = Path(extra)
        if extra.is_file() and extra.suffix == ".py":
            add(msgids_in_python(extra))
        elif extra.is_dir():
            for path in sorted(extra.rglob("*.py")):
                add(msgids_in_python(path))
            for path in _template_files(extra):
                add(msgids_in_template(path))
        else:
            add(msgids_in_template(extra))
    return found


def catalogue_path(language: str, locale_dir: str | Path | None = None) -> Path:
    from django.utils.translation import to_locale

    return Path(locale_dir or LOCALE_DIR) / to_locale(language) / "LC_MESSAGES" / "django.po"


def translated_keys(po_path: Path) -> set[Key]:
    """(msgctxt, msgid) of the entries with a complete, non-fuzzy translation."""
    if not po_path.exists():
        return set()
    done: set[Key] = set()
    for entry in polib.pofile(str(po_path)):
        if entry.obsolete or "fuzzy" in entry.flags:
            continue
        if entry.msgid_plural:
            ok = bool(entry.msgstr_plural) and all(s.strip() for s in entry.msgstr_plural.values())
        else:
            ok = bool(entry.msgstr.strip())
        if ok:
            done.add((entry.msgctxt, entry.msgid))
    return done


def _label(key: Key) -> str:
    ctx, msgid = key
    return msgid if ctx is None else f"{ctx}\x04{msgid}"


def untranslated_public_locations(
    language: str, *, extra_paths: Iterable[str | Path] = (), locale_dir: str | Path | None = None
) -> dict[str, list[str]]:
    """Like ``untranslated_public_strings`` but with where each string occurs."""
    done = translated_keys(catalogue_path(language, locale_dir))
    return {
        _label(key): where for key, where in sorted(public_msgids(extra_paths).items(), key=lambda kv: _label(kv[0]))
        if key not in done
    }


def untranslated_public_strings(
    language: str, *, extra_paths: Iterable[str | Path] = (), locale_dir: str | Path | None = None
) -> list[str]:
    """msgids of public code with no usable translation into ``language``."""
    return list(untranslated_public_locations(language, extra_paths=extra_paths, locale_dir=locale_dir))


def check_public_translations(app_configs=None, languages: Iterable[str] | None = None, **kwargs):
    """System check: one warning per language whose public strings are not all translated."""
    from django.conf import settings
    from django.core.checks import Warning

    if languages is None:
        source = settings.LANGUAGE_CODE.lower()
        languages = [code for code, _name in settings.LANGUAGES if code.lower() != source]
    messages = []
    for language in languages:
        po_path = catalogue_path(language)
        if not po_path.exists():
            messages.append(
                Warning(f"No translation catalogue for {language!r}.", hint=f"Expected {po_path}.", id="multilingual.W002")
            )
            continue
        missing = untranslated_public_strings(language)
        if missing:
            shown = "、".join(missing[:10]) + ("…" if len(missing) > 10 else "")
            messages.append(
                Warning(
                    f"{len(missing)} public string(s) have no {language!r} translation: {shown}",
                    hint=f"Run bin/translations and translate them in {po_path}.",
                    id="multilingual.W001",
                )
            )
    return messages
