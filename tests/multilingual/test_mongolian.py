"""Traditional Mongolian normaliser and legacy-encoding repair.

Uses the shared sample file in place (never copied into the project); its rows
come from r12a/scripts (CC-BY 4.0, Richard Ishida), suragch/mongol-library
(MIT), Satsrag/mongol-convert (Apache-2.0), CLDR via Babel (Unicode License),
the UDHR in Unicode, MDN and Wikipedia (CC BY-SA); see samples.tsv's source column.
"""
import csv
import re
import unicodedata
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from multilingual.mongolian import (
    ConversionResult,
    LegacyEncodingError,
    clean_mongolian_input,
    convert_legacy,
    detect_legacy,
    ensure_unicode,
    has_mongolian,
    mongolian_words,
    normalize,
    normalize_for_storage,
)

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "mongolian" / "samples.tsv"

pytestmark = pytest.mark.skipif(not SAMPLES.exists(), reason=f"{SAMPLES} not available")

CONTROLS = {"\u180b", "\u180c", "\u180d", "\u180e", "\u180f", "\u200c", "\u200d"}


def load_rows():
    if not SAMPLES.exists():
        return []
    with SAMPLES.open(encoding="utf-8", newline="") as fh:
        return [
            (row["text"], row["gloss_or_translation"], row["source"])
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        ]


ROWS = load_rows()
TEXTS = [r[0] for r in ROWS]
MENKSOFT_ROWS = [r for r in ROWS if r[1].startswith("LEGACY") and re.search("[\ue234-\ue71d]", r[0])]
Z52_ROWS = [r for r in ROWS if "Z52" in r[1]]
MODERN_ROWS = [r for r in ROWS if not r[1].startswith("LEGACY")]


def row(gloss_start):
    matches = [r[0] for r in ROWS if r[1].startswith(gloss_start)]
    assert matches, gloss_start
    return matches[0]


def expected_unicode(gloss):
    """The Unicode equivalent a LEGACY row's gloss states."""
    m = re.search("[\u1800-\u18af]+(?:[ \u202f][\u1800-\u18af]+)*", gloss)
    assert m, gloss
    return m.group(0)


def test_samples_loaded():
    assert len(ROWS) >= 25
    assert len(MENKSOFT_ROWS) == 3
    assert len(Z52_ROWS) == 1


@pytest.mark.parametrize("text", TEXTS)
def test_normalize_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once
    assert not CONTROLS & set(once)
    assert "\u202f" not in once
    assert "  " not in once
    assert once == unicodedata.normalize("NFC", once)


@pytest.mark.parametrize("text", TEXTS)
def test_storage_form_is_idempotent(text):
    stored = normalize_for_storage(text)
    assert normalize_for_storage(stored) == stored


@pytest.mark.parametrize("text,gloss,source", MODERN_ROWS)
def test_storage_keeps_shape_controls(text, gloss, source):
    # Modern Unicode rows are stored exactly as typed (they are already NFC).
    assert normalize_for_storage(text) == text
    assert has_mongolian(text)
    assert detect_legacy(text) is None
    words = mongolian_words(text)
    assert words
    assert all(not CONTROLS & set(w) and " " not in w for w in words)


def test_two_spellings_of_eight_normalise_equal():
    fvs3 = row("eight [controls: U+180D]")
    fvs2 = row("eight (naima)")
    assert "\u180d" in fvs3 and "\u180c" in fvs2
    assert fvs3 != fvs2
    assert normalize(fvs3) == normalize(fvs2) == "\u1828\u1820\u1822\u182e\u1820"
    assert mongolian_words(fvs3) == mongolian_words(fvs2)


def test_nnbsp_suffix_becomes_its_own_token():
    text = row("to the country")
    assert "\u202f" in text
    norm = normalize(text)
    assert norm == "ᠭᠠᠵᠠᠷ ᠠ"
    assert " " in norm and "\u202f" not in norm
    assert mongolian_words(text) == ["ᠭᠠᠵᠠᠷ", "ᠠ"]


def test_tokenising_before_normalising_goes_wrong():
    # A \w+ tokeniser cuts a word at an FVS/MVS (Mn/Cf, not word characters),
    # so the two spellings of "eight" give different token lists; normalising
    # first gives one token for both.
    fvs3 = row("eight [controls: U+180D]")
    fvs2 = row("eight (naima)")
    assert re.findall(r"\w+", fvs3) == ["ᠨᠠᠢ", "ᠮᠠ"]
    assert re.findall(r"\w+", normalize(fvs3)) == re.findall(r"\w+", normalize(fvs2)) == ["ᠨᠠᠢᠮᠠ"]


@pytest.mark.parametrize(
    "text", [r[0] for r in ROWS if "\u180e" in r[0]]
)
def test_mvs_rows_lose_mvs(text):
    assert "\u180e" not in normalize(text)
    assert "\u180e" in normalize_for_storage(text)


def test_mvs_and_nnbsp_month_spellings_meet():
    # CLDR spells January's separated a with MVS and February's with NNBSP;
    # normalised, the word "month" is the same token in both.
    jan = mongolian_words(row("January"))
    feb = mongolian_words(row("February"))
    assert jan[-1] == "ᠰᠠᠷᠠ"
    assert feb[-2:] == ["ᠰᠠᠷ", "ᠠ"]


@pytest.mark.parametrize(
    "text", ["北京市人民政府办公厅关于印发《2024年工作要点》的通知", "Open Government Information, 2024", "政务公开 Zhengwu 123"]
)
def test_chinese_and_latin_pass_through(text):
    assert normalize(text) == text
    assert normalize_for_storage(text) == text
    assert not has_mongolian(text)
    assert mongolian_words(text) == []
    assert detect_legacy(text) is None
    assert clean_mongolian_input(text) == text


def test_whitespace_collapses():
    assert normalize("  ᠮᠣᠩᠭᠣᠯ\t\n ᠬᠡᠯᠡ \u202f ") == "ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ"
    assert normalize("") == ""


def test_mixed_chinese_and_mongolian_words():
    assert mongolian_words("蒙古语 ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ᠃") == ["ᠮᠣᠩᠭᠣᠯ", "ᠬᠡᠯᠡ"]


@pytest.mark.parametrize("text,gloss,source", MENKSOFT_ROWS)
def test_menksoft_rows_convert_to_gloss(text, gloss, source):
    assert detect_legacy(text) == "menksoft"
    assert not has_mongolian(text)
    result = convert_legacy(text)
    assert isinstance(result, ConversionResult)
    assert result.encoding == "menksoft"
    assert result.converted is True
    assert result.unconvertible == []
    assert normalize(result.text) == normalize(expected_unicode(gloss))
    assert has_mongolian(result.text)
    assert normalize_for_storage(text) == result.text
    assert clean_mongolian_input(text) == result.text


def test_menksoft_suffix_space_becomes_nnbsp():
    text = row("LEGACY Menksoft PUA shape code (\\uE2C2")
    result = convert_legacy(text)
    assert result.text == "ᠪᠦᠵᠢᠭ\u202fᠢ\u202fᠪᠡᠨ\u202fᠶᠦᠭᠡᠨ"
    assert mongolian_words(result.text) == ["ᠪᠦᠵᠢᠭ", "ᠢ", "ᠪᠡᠨ", "ᠶᠦᠭᠡᠨ"]


def test_unknown_menksoft_code_is_reported_not_guessed():
    text = "\ue2c1\ue27f\ue317\ue27e\ue2e8\ue263\ue400"
    result = convert_legacy(text)
    assert result.encoding == "menksoft"
    assert result.converted is True
    assert result.unconvertible == ["U+E400"]
    assert result.text.startswith("ᠪᠢᠴᠢᠭ\u202f")
    assert "\ue400" in result.text
    with pytest.raises(LegacyEncodingError) as exc:
        ensure_unicode(text)
    assert exc.value.unconvertible == ["U+E400"]
    with pytest.raises(ValidationError):
        clean_mongolian_input(text)


# Menksoft typed by shape, as it reaches editors: real spellings from
# Satsrag/mongol-convert crates/mongol-convert/tests/golden/golden.tsv
# (Apache-2.0; the file the Z52/menk_shape rows of samples.tsv come from),
# copied here as literals: its Delehi (Unicode) text and the Menk_Shape codes.
SHAPE_WORDS = [
    # a-b-u "father": the initial stroke + a-tooth (initial a) and the final
    # o glyph after b, which is a u in this back-vowel word.
    ("\ue271\ue26c\ue2c2\ue287", "\u1820\u182a\u1824"),
    # a-r-g-a-l: initial a again, in a word whose harmony its g shows.
    ("\ue271\ue26c\ue326\ue2d9\ue26c\ue2f9", "\u1820\u1837\u182d\u1820\u182f"),
]


@pytest.mark.parametrize("legacy,unicode_text", SHAPE_WORDS)
def test_shape_typed_initial_a_and_final_u_convert_by_vowel_harmony(legacy, unicode_text):
    result = convert_legacy(legacy)
    assert result.text == unicode_text
    assert result.ambiguous == [] and result.words == [unicode_text]
    assert "\u1821\u1820" not in result.text  # never "ᠡᠠ"
    assert clean_mongolian_input(legacy) == unicode_text


def test_final_u_follows_the_first_syllable_and_suffixes_are_u():
    # Back word with a or u first: the final o glyph is u (ᠳᠤᠮᠳᠠᠳᠤ of the
    # samples, spelt here with the table's codes).
    assert convert_legacy("\ue30e\ue291\ue2f5\ue314\ue26c\ue313\ue285").text == "ᠳᠤᠮᠳᠠᠳᠤ"
    # After the suffix space: a suffix, u in a back word, ü in a front one.
    assert convert_legacy("\ue2c1\ue26d\ue2b5\ue263\ue310\ue285").text == "ᠪᠠᠨ\u202fᠳᠤ"
    assert convert_legacy("\ue2c1\ue277\ue2b5\ue263\ue310\ue285").text == "ᠪᠡᠨ\u202fᠳᠦ"


def test_shape_typed_word_that_harmony_cannot_decide_is_not_guessed():
    # s + final o glyph (FVS1): golden.tsv's Menk_Shape of ᠰᠤ᠋, but ᠰᠣ has the same shape.
    text = "\ue2fd\ue286 " + SHAPE_WORDS[0][0]
    result = convert_legacy(text)
    assert [a.readings for a in result.ambiguous] == [("ᠰᠣ", "ᠰᠤ")]
    assert str(result.ambiguous[0]) == "ᠰᠣ / ᠰᠤ"
    assert result.text == "\ue2fd\ue286 ᠠᠪᠤ"  # left as pasted, the rest converted
    assert result.words == ["ᠠᠪᠤ"]
    with pytest.raises(LegacyEncodingError) as exc:
        ensure_unicode(text)
    assert exc.value.ambiguous == result.ambiguous
    with pytest.raises(ValidationError) as err:
        clean_mongolian_input(text)
    assert err.value.code == "ambiguous_mongolian_word"
    assert "ᠰᠣ / ᠰᠤ" in err.value.messages[0]


def test_word_with_contradicting_harmony_is_reported():
    # golden.tsv's Menk_Shape of ᠢᠷᠡᠬᠦ "to come": an a-tooth for its e and a
    # front k; the final o glyph cannot be decided, so the word is kept.
    legacy = "\ue271\ue27e\ue326\ue26c\ue2dd\ue287"
    result = convert_legacy(legacy)
    assert result.text == legacy and len(result.ambiguous) == 1
    # Stroke + a-tooth before front letters: also reported, never "ᠡᠠ".
    mixed = convert_legacy("\ue271\ue26c\ue2ce\ue291\ue2eb\ue277\ue2b5")
    assert [a.readings[0][:1] for a in mixed.ambiguous] == ["\u1820"]
    assert "\u1821\u1820" not in "".join(mixed.ambiguous[0].readings)


@pytest.mark.parametrize("text,gloss,source", Z52_ROWS)
def test_z52_detected_and_not_silently_converted(text, gloss, source):
    # A range check says "Mongolian"...
    assert has_mongolian(text)
    # ...but it is Z52 shape code.
    assert detect_legacy(text) == "z52"
    result = convert_legacy(text)
    assert result.encoding == "z52"
    assert result.converted is False
    assert result.unconvertible
    assert result.text == text
    with pytest.raises(LegacyEncodingError):
        ensure_unicode(text)


@pytest.mark.parametrize("text,gloss,source", Z52_ROWS)
def test_clean_input_refuses_z52(text, gloss, source):
    with pytest.raises(ValidationError) as exc:
        clean_mongolian_input(text)
    err = exc.value
    assert err.code == "legacy_mongolian_encoding"
    assert err.params == {"encoding": "Z52"}
    assert "Z52" in err.messages[0]
    assert "旧版蒙古文编码" in err.messages[0]


def test_manchu_style_text_is_not_flagged_as_z52():
    # Manchu/Sibe letters mixed with base letters: not Z52.
    assert detect_legacy("ᠮᠠᠨᠵᡠ ᡤᡳᠰᡠᠨ") is None


def test_clean_input_keeps_modern_text_as_typed():
    text = row("to the country")
    assert clean_mongolian_input(text) == text
    assert clean_mongolian_input("") == ""


@pytest.mark.parametrize("text,gloss,source", ROWS)
def test_every_row_declares_the_controls_it_carries(text, gloss, source):
    # The gloss names the invisible controls a row was chosen for; the text
    # really has them, and normalising removes every one of them. (A gloss may
    # compare with another row: "U+180C here vs U+180D in ... above".)
    own = gloss.split(" vs ")[0]
    named = {chr(int(cp, 16)) for cp in re.findall(r"U\+(18[0-9A-F]{2}|20[0-9A-F]{2})", own)}
    named &= CONTROLS | {"\u202f"}
    assert named <= set(text), (gloss, named - set(text))
    assert not named & set(normalize(text))


@pytest.mark.parametrize("text,gloss,source", MODERN_ROWS)
def test_every_modern_row_is_left_alone_by_the_legacy_converter(text, gloss, source):
    result = convert_legacy(text)
    assert (result.encoding, result.converted, result.unconvertible) == (None, False, [])
    assert result.text == text
    assert clean_mongolian_input(text) == text


@pytest.mark.parametrize("text,gloss,source", MODERN_ROWS)
def test_every_modern_row_matches_itself_typed_without_controls(text, gloss, source):
    # What a reader types: the same letters with no FVS/MVS/ZWJ, ordinary
    # spaces instead of NNBSP. Search and comparison must see the same words.
    typed = "".join(" " if c == "\u202f" else c for c in text if c not in CONTROLS)
    assert normalize(typed) == normalize(text)
    assert mongolian_words(typed) == mongolian_words(text)


@pytest.mark.parametrize("text,gloss,source", MENKSOFT_ROWS + Z52_ROWS)
def test_every_legacy_row_is_detected_and_never_passes_as_unicode(text, gloss, source):
    assert detect_legacy(text) in {"menksoft", "z52"}
    stored = convert_legacy(text).text
    # Whatever is stored afterwards is either real Unicode or refused.
    if detect_legacy(text) == "menksoft":
        assert not re.search("[\ue000-\uf8ff]", stored)
        assert detect_legacy(stored) is None
    else:
        with pytest.raises(ValidationError):
            clean_mongolian_input(text)
