r"""Traditional Mongolian text: one normaliser, tokens, and legacy-encoding repair.

Pure Python on purpose (no Django import at module level) so the search
indexer, management commands and tests can use it without settings.  Only
``clean_mongolian_input`` touches Django, and it imports inside the function.

Why normalise *before* tokenising
---------------------------------
The same visible Mongolian word arrives in many code-point spellings: free
variation selectors (FVS1-FVS4) choose a glyph form, MVS (U+180E) separates a
final a/e, ZWJ/ZWNJ force or break joining, and U+202F NARROW NO-BREAK SPACE
glues a case suffix to its stem ("ᠭᠠᠵᠠᠷ<NNBSP>ᠠ").  Tokenisers disagree about
these characters: Unicode word segmentation (UAX #29, used by ICU and search
engines' standard tokenisers) treats U+202F as word-internal, leaving "stem +
suffix" as one token that never matches the bare stem, while a ``\w+`` regex
cuts a word in two at an FVS or MVS (they are Mn/Cf, not word characters), so
"ᠨᠠᠢ<FVS3>ᠮᠠ" becomes "ᠨᠠᠢ" + "ᠮᠠ".  Cleaning up tokens afterwards cannot
rejoin or resplit them.  Turning NNBSP into a space and dropping the controls
first gives stable word boundaries; every caller (form input, comparison,
search index and search query) must use the same ``normalize`` or the two
sides will not meet.

What is stored is different: ``normalize_for_storage`` keeps FVS/MVS/NNBSP,
because they carry the shape the editor chose; the display text stays as
typed.  Search and comparison use ``normalize``.

Letters that merely look alike (o/u, ö/ü, t/d in places) are *not* merged
here; that is a lower-ranked recall problem, not normalisation.

Legacy encodings
----------------
* Menksoft shape codes live in the Private Use Area (U+E234-U+E71D).  Each
  code is a *glyph*, not a letter, but the codes are laid out by letter
  (punctuation, then a, e, i, o, u, ö, ü, ē, n, ng, b, p, q, g, m, l, s, š, t,
  d, č, ǰ, y, r, w, f, k, kh, c, z, h, ž, lh, zh, ch), so most glyph codes
  map to one nominal Unicode letter.  The table below covers U+E234-U+E34F,
  the range whose layout is documented by the open converters (facts from
  suragch/mongol-library, MIT, and Satsrag/mongol-convert, Apache-2.0; the
  table and code here are written for this project).  Codes above U+E34F
  (ligatures and variants in later font versions) are left in place and
  reported as unconvertible instead of being guessed.
* Menksoft text typed by shape (the "Menk_Shape" spelling that older IMEs and
  converters produce) reuses one glyph code for letters that look alike: a
  word-initial a is the initial stroke (the code of initial e) followed by an
  a-tooth, and a final u or ü is the final o glyph.  Those two are decided by
  vowel harmony (``_resolve_shapes``); a word whose harmony does not decide
  it is left as pasted and listed in ``ConversionResult.ambiguous`` with its
  possible readings, so the editor is asked instead of a guess being stored.
* Z52 shape codes sit inside the real block (U+1860-U+18AA, the Todo/Sibe/
  Manchu/Ali Gali letters), so a range check for "is this Mongolian" cannot
  see them.  We detect them heuristically and never convert them silently.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

__all__ = [
    "Ambiguity",
    "ConversionResult",
    "LegacyEncodingError",
    "clean_mongolian_input",
    "convert_legacy",
    "detect_legacy",
    "encoding_label",
    "ensure_unicode",
    "has_mongolian",
    "mongolian_words",
    "normalize",
    "normalize_for_storage",
    "normalize_for_storage_report",
]

NNBSP = "\u202f"
MVS = "\u180e"
FVS = ("\u180b", "\u180c", "\u180d", "\u180f")
ZWNJ = "\u200c"
ZWJ = "\u200d"

# Characters that change only the *shape*, never the word: dropped by normalize.
_INVISIBLE = dict.fromkeys(map(ord, FVS + (MVS, ZWNJ, ZWJ)), None)
_WHITESPACE_RUN = re.compile(r"\s+")
_MONGOLIAN_BLOCK = re.compile("[\u1800-\u18af]")
# A word: Mongolian letters (U+1820-U+18AF) and Mongolian digits.  Mongolian
# punctuation (U+1800-U+180A) separates words, like ASCII punctuation does.
_MONGOLIAN_WORD = re.compile("[\u1810-\u1819\u1820-\u18af]+")

MENKSOFT_FIRST = 0xE234
MENKSOFT_LAST = 0xE71D
_MENKSOFT_RE = re.compile("[\ue234-\ue71d]")
_MENKSOFT_SUFFIX_SPACE = "\ue263"
_MENKSOFT_UNKNOWN_SPACE = "\ue262"

Z52_FIRST = 0x1860
Z52_LAST = 0x18AA
_Z52_RE = re.compile("[\u1860-\u18aa]")


# ---------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------

def normalize(text: str) -> str:
    """The one normaliser for input, comparison and search.

    NFC; U+202F NNBSP becomes an ordinary space (so a suffix is its own
    token); FVS1-FVS4, MVS, ZWNJ and ZWJ are dropped; runs of whitespace
    become one space and the ends are trimmed.  Idempotent.  Chinese and
    Latin text without NNBSP or repeated/edge whitespace comes back
    unchanged (NFC aside, which only touches CJK *compatibility*
    ideographs such as U+F900-U+FAFF).
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text)
    text = text.replace(NNBSP, " ").translate(_INVISIBLE)
    return _WHITESPACE_RUN.sub(" ", text).strip()


def normalize_for_storage(text: str) -> str:
    """What forms store: NFC, Menksoft PUA codes converted where possible.

    FVS/MVS/NNBSP/ZWJ are kept: they carry the visible shape the editor
    chose.  Unconvertible codes and ambiguous words are left in place (the
    form layer decides whether to refuse them, see ``clean_mongolian_input``).
    """
    return normalize_for_storage_report(text)[0]


def normalize_for_storage_report(text: str) -> tuple[str, ConversionResult | None]:
    """``normalize_for_storage`` and, when legacy text was found, what was done.

    The result is None for text without legacy codes (the common case), else
    the ``ConversionResult`` of the legacy conversion (for warnings).
    """
    if not text:
        return "", None
    text = unicodedata.normalize("NFC", text)
    if not _MENKSOFT_RE.search(text) and not (_Z52_RE.search(text) and _looks_like_z52(text)):
        return text, None
    result = convert_legacy(text)
    if result.encoding is None:
        return text, None
    return result.text, result


def has_mongolian(text: str) -> bool:
    """True if the text contains anything from the Mongolian block U+1800-U+18AF."""
    return bool(text) and _MONGOLIAN_BLOCK.search(text) is not None


def mongolian_words(text: str) -> list[str]:
    """Normalised Mongolian tokens (letters and Mongolian digits), in order.

    Normalisation happens first, so "stem<NNBSP>suffix" yields two tokens and
    FVS/MVS variants of one word yield the same token.
    """
    return _MONGOLIAN_WORD.findall(normalize(text))


# ---------------------------------------------------------------------------
# Menksoft table: glyph code -> nominal Unicode letter
# ---------------------------------------------------------------------------

A, E, I, O, U, OE, UE, EE = (chr(c) for c in range(0x1820, 0x1828))  # noqa: E741 (letter names)
NA, ANG, BA, PA, QA, GA, MA, LA = (chr(c) for c in range(0x1828, 0x1830))
SA, SHA, TA, DA, CHA, JA, YA, RA = (chr(c) for c in range(0x1830, 0x1838))
WA, FA, KA, KHA, TSA, ZA, HAA, ZRA = (chr(c) for c in range(0x1838, 0x1840))
LHA, ZHI, CHI = "\u1840", "\u1841", "\u1842"


def _span(first: int, last: int, value: str) -> dict[int, str]:
    return {cp: value for cp in range(first, last + 1)}


MENKSOFT_TO_UNICODE: dict[int, str] = {}
# Punctuation and digits.
MENKSOFT_TO_UNICODE.update({0xE234 + i: chr(0x1800 + i) for i in range(11)})  # birga .. nirugu
MENKSOFT_TO_UNICODE.update({0xE244 + i: chr(0x1810 + i) for i in range(10)})  # digits 0-9
MENKSOFT_TO_UNICODE.update({
    0xE243: "\u00b7",   # middle dot
    0xE24E: "\u2048",   # ?!
    0xE24F: "\u2049",   # !?
    0xE250: "!",
    0xE251: "?",
    0xE252: ";",
    0xE253: "(",
    0xE254: ")",
    0xE255: "\u3008",   # 〈
    0xE256: "\u3009",   # 〉
    0xE257: "\u3014",   # 〔
    0xE258: "\u3015",   # 〕
    0xE259: "\u300a",   # 《
    0xE25A: "\u300b",   # 》
    0xE25B: "\u300e",   # 『
    0xE25C: "\u300f",   # 』
    0xE25D: ",",        # (full-width) comma
    0xE25E: "\u00d7",   # ×
    0xE25F: "\u203b",   # ※
    0xE260: "-",        # en dash glyph
    0xE261: "|",        # em dash glyph (a vertical bar in vertical text)
    0xE262: " ",        # unknown/ordinary space
    0xE263: NNBSP,      # Menksoft suffix space
})
# Letters, by the documented code ranges (initial/medial/final/FVS glyphs of
# one letter are consecutive).
for _first, _last, _letter in (
    (0xE264, 0xE26F, A),
    (0xE270, 0xE278, E),
    (0xE279, 0xE282, I),      # incl. E281 medial i drawn as double tooth, E282 suffix i
    (0xE283, 0xE28A, O),
    (0xE28B, 0xE292, U),
    (0xE293, 0xE29F, OE),
    (0xE2A0, 0xE2AC, UE),
    (0xE2AD, 0xE2B0, EE),
    (0xE2B1, 0xE2BA, NA),
    (0xE2BB, 0xE2BE, ANG),
    (0xE2BF, 0xE2C0, NA),     # medial n drawn joined to a following g (the ng pair)
    (0xE2C1, 0xE2C7, BA),
    (0xE2C8, 0xE2CD, PA),
    (0xE2CE, 0xE2E0, QA),
    (0xE2E1, 0xE2F0, GA),
    (0xE2F1, 0xE2F6, MA),
    (0xE2F7, 0xE2FC, LA),
    (0xE2FD, 0xE302, SA),
    (0xE303, 0xE307, SHA),
    (0xE308, 0xE30D, TA),
    (0xE30E, 0xE314, DA),
    (0xE315, 0xE317, CHA),
    (0xE318, 0xE31D, JA),
    (0xE31E, 0xE321, YA),
    (0xE329, 0xE32C, WA),
    (0xE32D, 0xE332, FA),
    (0xE333, 0xE338, KA),
    (0xE339, 0xE33E, KHA),
    (0xE33F, 0xE341, TSA),
    (0xE342, 0xE344, ZA),
    (0xE345, 0xE347, HAA),
    (0xE348, 0xE34A, ZRA),
    (0xE34B, 0xE34D, LHA),
    (0xE34E, 0xE34E, ZHI),
    (0xE34F, 0xE34F, CHI),
):
    MENKSOFT_TO_UNICODE.update(_span(_first, _last, _letter))
# RA: E324 and E328 are not documented; leave them unconvertible.
MENKSOFT_TO_UNICODE.update({cp: RA for cp in (0xE322, 0xE323, 0xE325, 0xE326, 0xE327)})
# Glyphs that include the MVS gap: a separated final a / e.
MENKSOFT_TO_UNICODE[0xE26A] = MVS + A
MENKSOFT_TO_UNICODE[0xE274] = MVS + E
# Dotted initial q (INIT_QA_FVS1_*) is g; INIT_GA_FVS1_* is q.
for _cp in (0xE2CF, 0xE2D3, 0xE2D7, 0xE2D9):   # init q+fvs1 (tooth, stem), medi q fvs2, fvs1
    MENKSOFT_TO_UNICODE[_cp] = GA
for _cp in (0xE2E2, 0xE2E5):
    MENKSOFT_TO_UNICODE[_cp] = QA
del _cp, _first, _last, _letter

# Codes whose letter depends on context (resolved in _convert_word).
_MENKSOFT_FINA_A_OR_E = 0xE269          # FINA_A_FVS1 == FINA_E_FVS1: a or e by vowel harmony
_MENKSOFT_MEDI_Q_BEFORE_CONSONANT = {0xE2D8, 0xE2DC, 0xE2DF}  # q, but g before a consonant
_MENKSOFT_MEDI_WA = 0xE32C              # w, but ē between two consonants
_MENKSOFT_FINA_WA_FVS1 = 0xE32B         # standalone: u
_MENKSOFT_MEDI_A_TOOTH = {0xE26C, 0xE26D, 0xE26F}

# Shape-typed Menksoft (see the module doc).  The initial stroke is INIT_E;
# the a-teeth are MEDI_A and its variants; the o-shaped finals are FINA_O,
# FINA_O_FVS1 and FINA_O_BP (after b, p, k, f).
_MENKSOFT_INIT_STROKE = 0xE271
_MENKSOFT_A_TEETH = frozenset({0xE26C, 0xE26D, 0xE26E, 0xE26F})
_MENKSOFT_FINA_O_SHAPES = frozenset({0xE285, 0xE286, 0xE287})
# q and g are drawn differently in back and front words: their glyph is
# harmony evidence even where the vowels are not.
_MENKSOFT_BACK_QG = frozenset({
    0xE2CE, 0xE2CF, 0xE2D2, 0xE2D3, 0xE2D8, 0xE2D9, 0xE2DC,
    0xE2E1, 0xE2E2, 0xE2E4, 0xE2E5, 0xE2EA, 0xE2EC, 0xE2EE,
})
_MENKSOFT_FRONT_QG = frozenset({
    0xE2D0, 0xE2D1, 0xE2D4, 0xE2D5, 0xE2DA, 0xE2DB, 0xE2DD, 0xE2DE, 0xE2DF, 0xE2E0,
    0xE2E3, 0xE2E6, 0xE2EB, 0xE2ED,
})
_BACK_VOWELS = frozenset((A, O, U))
_FRONT_VOWELS = frozenset((E, OE, UE, EE))
_VOWELS = _BACK_VOWELS | _FRONT_VOWELS | {I}


def _is_letter(cp: int) -> bool:
    return 0xE264 <= cp <= 0xE34F


def _is_vowel(cp: int) -> bool:
    return 0xE264 <= cp <= 0xE2B0


def _is_consonant(cp: int) -> bool:
    return 0xE2B1 <= cp <= 0xE34F


@dataclass(frozen=True)
class Ambiguity:
    """A legacy word whose letters its shape and harmony do not decide."""

    legacy: str                 # the word as pasted (private-use codes)
    readings: tuple[str, ...]   # what it may mean, in Unicode

    def __str__(self) -> str:
        return " / ".join(self.readings)


@dataclass
class ConversionResult:
    text: str
    converted: bool
    unconvertible: list[str] = field(default_factory=list)   # e.g. ["U+E3A0"]
    encoding: str | None = None
    ambiguous: list[Ambiguity] = field(default_factory=list)  # left as pasted
    words: list[str] = field(default_factory=list)           # converted words, in Unicode


class LegacyEncodingError(ValueError):
    """Text in a legacy Mongolian encoding that cannot be converted safely."""

    def __init__(self, encoding: str, unconvertible: list[str], ambiguous: list[Ambiguity] = ()):
        self.encoding = encoding
        self.unconvertible = list(unconvertible)
        self.ambiguous = list(ambiguous)
        super().__init__(
            f"legacy Mongolian encoding {encoding!r}; unconvertible: "
            + (", ".join(self.unconvertible) or "-")
            + ("; ambiguous: " + ", ".join(map(str, self.ambiguous)) if self.ambiguous else "")
        )


def _harmony(pieces, codes) -> str | None:
    """"back", "front", "mixed" or None (no evidence) for converted letters
    and the glyph codes they came from."""
    back = front = False
    for piece in pieces:
        for ch in piece or "":
            back = back or ch in _BACK_VOWELS
            front = front or ch in _FRONT_VOWELS
    back = back or any(cp in _MENKSOFT_BACK_QG for cp in codes)
    front = front or any(cp in _MENKSOFT_FRONT_QG for cp in codes)
    if back and front:
        return "mixed"
    return "back" if back else "front" if front else None


def _convert_word(
    word: list[int], unconvertible: set[int], *, suffix_of: str | None = None
) -> tuple[str, Ambiguity | None]:
    """Convert one run of Menksoft letter glyphs to Unicode letters.

    ``suffix_of`` is the harmony of the stem when the word follows a suffix
    space.  Returns the text and, for a word left as pasted, its readings.
    """
    n = len(word)
    # One piece of output per code; None where the letter waits for harmony.
    pieces: list[str | None] = []
    i = 0
    while i < n:
        cp = word[i]
        prev = word[i - 1] if i > 0 else None
        nxt = word[i + 1] if i + 1 < n else None
        after = word[i + 2] if i + 2 < n else None
        # Masculine medial g before a consonant is written without dots and
        # looks like two a-teeth; Menksoft-shape text often stores it as two
        # MEDI_A codes (e.g. b-a-[a a]-s-i = ᠪᠠᠭᠰᠢ "teacher").  Only when the
        # pair follows a vowel and precedes a consonant: a real "aa" never
        # stands there in the traditional orthography.  Not right after the
        # initial stroke, whose first tooth belongs to an initial a.
        if (
            cp in _MENKSOFT_A_TEETH and nxt in _MENKSOFT_A_TEETH
            and prev is not None and _is_vowel(prev)
            and not (i == 1 and prev == _MENKSOFT_INIT_STROKE)
            and after is not None and _is_consonant(after)
        ):
            pieces += [GA, ""]
            i += 2
            continue
        if cp == _MENKSOFT_FINA_A_OR_E or (cp in _MENKSOFT_FINA_O_SHAPES and i == n - 1):
            pieces.append(None)
        elif cp in _MENKSOFT_MEDI_Q_BEFORE_CONSONANT:
            pieces.append(GA if nxt is not None and _is_consonant(nxt) else QA)
        elif cp == _MENKSOFT_MEDI_WA and prev is not None and nxt is not None \
                and _is_consonant(prev) and _is_consonant(nxt):
            pieces.append(EE)
        elif cp == _MENKSOFT_FINA_WA_FVS1 and n == 1:
            pieces.append(U)
        elif cp in MENKSOFT_TO_UNICODE:
            pieces.append(MENKSOFT_TO_UNICODE[cp])
        else:
            unconvertible.add(cp)
            pieces.append(chr(cp))
        i += 1
    ambiguity = _resolve_shapes(word, pieces, suffix_of)
    if ambiguity is not None:
        return "".join(map(chr, word)), ambiguity
    return "".join(pieces), None


def _resolve_shapes(word: list[int], pieces: list[str | None], suffix_of: str | None) -> Ambiguity | None:
    """Decide the shape-shared letters of one word by vowel harmony, in place.

    Returns an ``Ambiguity`` when harmony cannot decide; see the module doc.
    """
    n = len(word)

    def ask(index: int, options) -> Ambiguity:
        spelt = ["".join(letter if j == index else (p or "") for j, p in enumerate(pieces)) for letter in options]
        return Ambiguity("".join(map(chr, word)), tuple(spelt))

    # 1. Word-initial stroke + a-tooth: a in a back word, e + e in a front
    #    one (never the "ᠡᠠ" the codes spell one by one).
    if n >= 2 and word[0] == _MENKSOFT_INIT_STROKE and word[1] in _MENKSOFT_A_TEETH:
        rest = _harmony(pieces[2:], word[2:])
        pieces[1] = ""
        if rest == "mixed":
            return ask(0, (A, E + E))
        pieces[0], pieces[1] = (E, E) if rest == "front" else (A, "")
    # 2. FINA_A_FVS1 == FINA_E_FVS1: a or e by vowel harmony.
    for j, piece in enumerate(pieces):
        if piece is None and word[j] == _MENKSOFT_FINA_A_OR_E:
            pieces[j] = E if _harmony(pieces, word) in ("front", "mixed") else A
    # 3. The final o glyph is o, u, ö or ü.  Outside the first syllable o/ö
    #    only follow an o/ö of the first syllable; elsewhere it is u or ü.
    if pieces and pieces[-1] is None:
        last = n - 1
        vowels = [ch for p in pieces[:last] for ch in (p or "") if ch in _VOWELS]
        harmony = _harmony(pieces[:last], word[:last])
        if not vowels and suffix_of is not None:
            # A suffix ("ᠤ", "ᠳᠤ", ...): no Mongolian suffix has o/ö.
            pieces[last] = UE if suffix_of == "front" else U
        elif not vowels:
            return ask(last, (OE, UE) if harmony == "front" else (O, U))
        elif harmony == "back":
            if vowels[0] == O:
                return ask(last, (O, U))
            pieces[last] = U
        elif harmony == "front":
            if vowels[0] == OE:
                return ask(last, (OE, UE))
            pieces[last] = UE
        else:
            return ask(last, (O, U, UE))
    return None


def _convert_menksoft(text: str) -> tuple[str, list[str], bool, list[Ambiguity], list[str]]:
    """Return (text, unconvertible code points, anything converted,
    ambiguous words, converted words)."""
    out: list[str] = []
    word: list[int] = []
    unconvertible: set[int] = set()
    ambiguous: list[Ambiguity] = []
    words: list[str] = []
    converted = False
    # Harmony of the last word, and whether a suffix space followed it.
    state = {"stem": None, "suffix": False}

    def flush() -> None:
        nonlocal converted
        if not word:
            return
        converted_word, ambiguity = _convert_word(
            word, unconvertible, suffix_of=state["stem"] if state["suffix"] else None
        )
        out.append(converted_word)
        if ambiguity is not None:
            ambiguous.append(ambiguity)
            state["stem"] = state["stem"] if state["suffix"] else None
        else:
            converted = True
            words.append(converted_word)
            harmony = _harmony([converted_word], word)
            # A suffix keeps its stem's harmony for the next suffix.
            state["stem"] = harmony if not state["suffix"] or harmony else state["stem"]
        state["suffix"] = False
        word.clear()

    for ch in text:
        cp = ord(ch)
        if _is_letter(cp):
            word.append(cp)
            continue
        flush()
        if MENKSOFT_FIRST <= cp <= MENKSOFT_LAST:
            if cp in MENKSOFT_TO_UNICODE:
                out.append(MENKSOFT_TO_UNICODE[cp])
                converted = True
            else:
                unconvertible.add(cp)
                out.append(ch)
        else:
            out.append(ch)
        if ch in (_MENKSOFT_SUFFIX_SPACE, NNBSP):
            state["suffix"] = True
        else:  # a space or punctuation ends the stem
            state["stem"], state["suffix"] = None, False
    flush()
    bad = [f"U+{cp:04X}" for cp in sorted(unconvertible)]
    return "".join(out), bad, converted, ambiguous, words


# ---------------------------------------------------------------------------
# Detection
# ---------------------------------------------------------------------------

def _looks_like_z52(text: str) -> bool:
    """Z52 shape codes reuse U+1860-U+18AA (Todo/Sibe/Manchu/Ali Gali letters).

    Ordinary modern Mongolian never uses those code points.  Real Manchu or
    Sibe text does, but mixed with the base letters U+1820-U+1842 (a, n, m,
    s, ...), so we flag a text as Z52 when the extended letters make up at
    least half of its Mongolian letters.
    """
    extended = base = 0
    for ch in text:
        cp = ord(ch)
        if Z52_FIRST <= cp <= Z52_LAST:
            extended += 1
        elif 0x1820 <= cp <= 0x185F:
            base += 1
    return extended > 0 and extended >= base


# A Menksoft text has at least one code of the documented range (letters,
# punctuation, digits, the suffix space); a stray private-use character
# from a Chinese font (the shared corpus has U+E5F9 in a Chinese law) does not
# make a text Mongolian.
_MENKSOFT_DOCUMENTED_RE = re.compile("[\ue234-\ue34f]")


def detect_legacy(text: str) -> str | None:
    """"menksoft", "z52" or None."""
    if not text:
        return None
    if _MENKSOFT_DOCUMENTED_RE.search(text):
        return "menksoft"
    if _looks_like_z52(text):
        return "z52"
    return None


def convert_legacy(text: str) -> ConversionResult:
    """Convert legacy Mongolian to Unicode where it can be done reliably.

    Menksoft: glyph codes in the table become letters, U+E263 becomes NNBSP;
    codes not in the table stay in the text and are listed in
    ``unconvertible``.  Z52: never converted (no reliable table here); the
    result lists the offending code points so the UI can warn.
    """
    encoding = detect_legacy(text)
    if encoding == "menksoft":
        out, bad, converted, ambiguous, words = _convert_menksoft(text)
        return ConversionResult(
            text=unicodedata.normalize("NFC", out), converted=converted,
            unconvertible=bad, encoding="menksoft", ambiguous=ambiguous, words=words,
        )
    if encoding == "z52":
        bad = sorted({ord(c) for c in text if Z52_FIRST <= ord(c) <= Z52_LAST})
        return ConversionResult(
            text=text, converted=False,
            unconvertible=[f"U+{cp:04X}" for cp in bad], encoding="z52",
        )
    return ConversionResult(text=text, converted=False, unconvertible=[], encoding=None)


def ensure_unicode(text: str) -> str:
    """Convert fully convertible Menksoft; raise LegacyEncodingError otherwise.

    Returns the storage form (``normalize_for_storage``).
    """
    result = convert_legacy(text)
    if result.encoding is not None and (result.unconvertible or result.ambiguous or not result.converted):
        raise LegacyEncodingError(result.encoding, result.unconvertible, result.ambiguous)
    return normalize_for_storage(result.text)


_ENCODING_LABELS = {"menksoft": "蒙科立 Menksoft", "z52": "Z52"}


def encoding_label(encoding: str) -> str:
    """How a legacy encoding is named to editors."""
    return _ENCODING_LABELS.get(encoding, encoding)


def clean_mongolian_input(text: str) -> str:
    """For Django form ``clean_<field>``: store Unicode or refuse legacy text."""
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    try:
        return ensure_unicode(text or "")
    except LegacyEncodingError as exc:
        if exc.ambiguous and not exc.unconvertible:
            raise ValidationError(
                _("文本中旧版蒙古文编码的词无法确定写法：%(words)s。"
                  "请用标准蒙古文（国家标准编码）重新输入这些词。"),
                code="ambiguous_mongolian_word",
                params={"words": "；".join(map(str, exc.ambiguous))},
            ) from exc
        raise ValidationError(
            _("文本中含有旧版蒙古文编码（%(encoding)s），无法自动转换，"
              "请用标准蒙古文（国家标准编码）重新输入。"),
            code="legacy_mongolian_encoding",
            params={"encoding": _ENCODING_LABELS.get(exc.encoding, exc.encoding)},
        ) from exc
