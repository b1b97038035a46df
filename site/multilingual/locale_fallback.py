"""Keep Cyrillic out of traditional-Mongolian pages.

Python's ``gettext.find`` expands ``mn_Mong`` to ``["mn_Mong", "mn"]``, so for
every string our ``locale/mn_Mong`` catalogue lacks, Django and Wagtail would
answer from their *Cyrillic* ``mn`` catalogues ("Энэ талбарыг заавал…").  For
the script-tagged locales listed here only the exact locale directory is used;
a missing string then falls back to the site's default language (Chinese),
which Django does anyway for untranslated strings.
"""

from __future__ import annotations

import gettext as gettext_module
import os

from django.utils.translation import trans_real

#: locales whose bare-language catalogues are in another script
EXACT_LOCALES = frozenset({"mn_Mong"})

_original = trans_real.DjangoTranslation._new_gnu_trans


def _new_gnu_trans(self, localedir, use_null_fallback=True):
    locale = getattr(self, "_DjangoTranslation__locale", None)
    if locale not in EXACT_LOCALES:
        return _original(self, localedir, use_null_fallback)
    path = os.path.join(localedir, locale, "LC_MESSAGES", f"{self.domain}.mo")
    if not os.path.exists(path):
        if use_null_fallback:
            return gettext_module.NullTranslations()
        raise FileNotFoundError(path)
    with open(path, "rb") as fp:
        return gettext_module.GNUTranslations(fp)


def install() -> None:
    if trans_real.DjangoTranslation._new_gnu_trans is _new_gnu_trans:
        return
    trans_real.DjangoTranslation._new_gnu_trans = _new_gnu_trans
    # Catalogues built before the patch (none normally) must be rebuilt.
    trans_real._translations = {}
