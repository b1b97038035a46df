"""The one analysis function of public search."""
import time

import pytest

from search.analysis import analyze, analyze_with_positions, query_tokens


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


LONG_SAMPLES = [
    "關於做好2027年元旦春節期間有關工作的通知（敕政發〔2026〕12號）。",
    "Hello-World ＡＢＣ１２３ ①㎡ﬁ a_b x\u0301y\u00a0\u3000\t\n",
    "ᠮᠣᠩᠭᠣᠯ᠂ᠬᠣᠲᠠ ᠨᠠᠢ\u180cᠮᠠ ᠭᠠᠵᠠᠷ\u202fᠠ ᠭᠠabc一",
    "𠀀𠀁x 一 二 \ufeff\u200b\ud800\u0000 <>&; 电\ue000子",
]


@pytest.mark.parametrize("sample", LONG_SAMPLES)
def test_long_texts_take_the_fast_path_to_the_same_tokens(sample):
    """Texts of a few hundred characters and more are analysed with numpy; the
    tokens must be exactly those of the character-by-character analysis."""
    from search.analysis import analyzed_text

    text = sample * 40
    reference = [t.text for t in analyze_with_positions(text)]
    assert analyze(text) == reference
    assert analyzed_text(text) == " ".join(reference)
    assert analyzed_text(sample) == " ".join(t.text for t in analyze_with_positions(sample))


def test_fast_path_matches_on_the_shared_corpus():
    import itertools
    import json
    from pathlib import Path

    from search.analysis import analyzed_text

    corpus = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "govdocs.jsonl"
    with corpus.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in itertools.islice(fh, 300)]
    assert len(records) == 300
    for record in records:
        text = "\n".join((record["title"], record.get("doc_number") or "", record["body"]))
        assert analyzed_text(text) == " ".join(t.text for t in analyze_with_positions(text))
