"""The one analysis function of public search."""
import time

import pytest

from disclosure.search.analysis import analyze, analyze_with_positions, query_tokens


def test_two_character_chunks():
    assert analyze("政务服务") == ["政务", "务服", "服务"]
    assert analyze("规划") == ["规划"]
    assert analyze("一") == ["一"]
    assert analyze("一 二") == ["一", "二"]


def test_traditional_matches_simplified():
    assert analyze("電子政務") == analyze("电子政务") == ["电子", "子政", "政务"]
    assert set(analyze("營商環境")) == set(analyze("营商环境"))


def test_mongolian_with_and_without_fvs_are_equal():
    plain = "ᠨᠠᠢᠮᠠ"
    with_fvs = "ᠨᠠᠢ\u180cᠮᠠ"
    with_zwj = "ᠨᠠ\u200dᠢᠮᠠ"
    assert analyze(plain) == analyze(with_fvs) == analyze(with_zwj) == [plain]
    # NNBSP separates a case suffix: the stem is its own token
    assert analyze("ᠭᠠᠵᠠᠷ\u202fᠠ") == ["ᠭᠠᠵᠠᠷ", "ᠠ"]


def test_latin_and_digits():
    assert analyze("关于做好2027年元旦") == ["关于", "于做", "做好", "2027", "年元", "元旦"]
    assert analyze("Hello-World ＡＢＣ１２３") == ["hello", "world", "abc123"]
    assert analyze("敕政发〔2026〕12号") == ["敕政", "政发", "2026", "12", "号"]


@pytest.mark.parametrize("text", ["", " ", "\u0000", "𠀀\u0000", "\ufeff\u200b", '"((( AND OR', "\ud800", "<>&;"])
def test_odd_input(text):
    tokens = analyze(text)
    assert isinstance(tokens, list)
    assert all(isinstance(t, str) and t for t in tokens)


def test_offsets_point_into_original_text():
    text = "＜电子政務＞ ᠨᠠᠢ\u180cᠮᠠ Ｗagtail"
    for tok in analyze_with_positions(text):
        original = text[tok.start : tok.end]
        assert analyze(original)[0] == tok.text or tok.text in analyze(original)
    positions = [t.pos for t in analyze_with_positions(text)]
    assert positions == list(range(len(positions)))


def test_query_tokens_are_bounded():
    assert len(query_tokens("a" * 5000)) == 1
    assert len(query_tokens("政务" * 5000)) <= 48
    assert query_tokens(None) == []


def test_analysis_is_fast():
    text = "關於做好2027年元旦春節期間有關工作的通知。政务服务营商环境。" * 300  # ~9k chars
    analyze(text)
    start = time.perf_counter()
    for _ in range(5):
        analyze(text)
    assert (time.perf_counter() - start) / 5 < 0.2
