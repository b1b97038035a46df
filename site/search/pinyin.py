"""Pinyin for the search, on both sides (pypinyin).

Index side: the pinyin of what names a thing (a title, an item's name, its
keywords) goes into fields of its own, so that character queries keep their
relevance and the index grows by a few per cent only:

* ``pinyin``: toneless syllables, in overlapping two-syllable tokens like the
  characters (行政许可 -> ``xingzheng zhengxu xuke``), the reading pypinyin
  gives in context, then the other common readings of 多音字;
* ``pinyin_fuzzy``: the same after folding the confusions of many speakers
  (zh/z, ch/c, sh/s, n/l, an/ang, en/eng, in/ing): near-homophones meet;
* ``initials``: first letters in overlapping two-letter tokens (``xz zx xk``);
* ``title_chars``: the characters one by one (a one-character query).

Query side: Latin runs are cut into syllables (longest match with
backtracking; every reading of an ambiguous run such as ``xian`` / ``xi an``
is tried), characters of a mixed query are read as pinyin too.
"""
from __future__ import annotations

import functools
import re

from .analysis import fast_normalize

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUN_RE = re.compile(rf"(?P<han>[{_HAN}]+)|(?P<latin>[a-z]+)|(?P<other>[^\W_{_HAN}]+)")

# every toneless syllable of Mandarin as pypinyin writes it (ü as v)
SYLLABLES = frozenset(
    """a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen
    ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou
    cu cuan cui cun cuo da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo
    e ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan
    guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang
    jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang
    kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lv
    lve ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng
    ni nian niang niao nie nin ning niu nong nou nu nuan nun nuo nv nve o ou pa pai pan pang pao pei pen peng pi pian
    piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng
    ri rong rou ru rua ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng
    shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te teng ti
    tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin
    xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze
    zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun
    zhuo zi zong zou zu zuan zui zun zuo""".split()
)
_SPELLINGS = {"lue": "lve", "nue": "nve", "lu:": "lv"}  # how people type ü
_LONGEST = 6
MAX_READINGS = 2  # readings of a 多音字 indexed: pypinyin's in context and its next most common
MAX_SEGMENTATIONS = 4


# --- reading characters -------------------------------------------------------
@functools.lru_cache(maxsize=65536)
def _readings(ch: str) -> tuple[str, ...]:
    from pypinyin import Style, pinyin

    found = pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore")
    return tuple(r for r in (found[0] if found else []) if r.isascii() and r.isalpha())


@functools.lru_cache(maxsize=16384)
def read_run(run: str) -> tuple[str, ...]:
    """The syllables of a run of characters, read in context (银行 yin hang, 行政 xing zheng)."""
    from pypinyin import Style, lazy_pinyin

    out = lazy_pinyin(run, style=Style.NORMAL, errors=lambda chars: ["" for _ in chars], v_to_u=False)
    return tuple(s if s.isascii() and s.isalpha() else "" for s in out)


def fold(syllable: str) -> str:
    """A syllable with the common confusions folded: zh/z ch/c sh/s n/l, -ng/-n after a, e, i."""
    s = syllable
    for a, b in (("zh", "z"), ("ch", "c"), ("sh", "s")):
        if s.startswith(a):
            s = b + s[2:]
            break
    else:
        if s.startswith("n") and len(s) > 1:
            s = "l" + s[1:]
    if s.endswith("ng") and len(s) > 2 and s[-3] in "aei":
        s = s[:-1]
    return s


def _pairs(items: list[str]) -> list[str]:
    if len(items) == 1:
        return items[:]
    return [a + b for a, b in zip(items, items[1:], strict=False)]


def runs(text: str) -> list[tuple[str, str]]:
    """(kind, text) of the Han runs, Latin words and other words of ``text``, normalised."""
    return [(m.lastgroup, m.group()) for m in _RUN_RE.finditer(fast_normalize(text or ""))]


# --- index fields ------------------------------------------------------------------
def _field(text: str, *, folded: bool) -> str:
    tokens: list[str] = []
    extra: list[str] = []
    for kind, run in runs(text):
        if kind != "han":
            continue
        sylls = [s for s in read_run(run)]
        if folded:
            sylls = [fold(s) for s in sylls]
        # a character pypinyin cannot read breaks the run, as punctuation would
        for part in _split_empty(sylls):
            tokens += _pairs(part)
        # other common readings of 多音字, beside their neighbours' usual ones
        for i, ch in enumerate(run):
            usual = read_run(run)[i]
            for other in _readings(ch)[:MAX_READINGS]:
                if other == usual or not usual:
                    continue
                alt = fold(other) if folded else other
                left = sylls[i - 1] if i > 0 and sylls[i - 1] else ""
                right = sylls[i + 1] if i + 1 < len(sylls) and sylls[i + 1] else ""
                extra += [left + alt] if left else []
                extra += [alt + right] if right else []
                if not left and not right:
                    extra.append(alt)
    return " ".join(tokens + list(dict.fromkeys(extra)))


def _split_empty(sylls: list[str]) -> list[list[str]]:
    parts, cur = [], []
    for s in sylls:
        if s:
            cur.append(s)
        elif cur:
            parts.append(cur)
            cur = []
    if cur:
        parts.append(cur)
    return parts


def pinyin_field(text: str) -> str:
    return _field(text, folded=False)


def fuzzy_field(text: str) -> str:
    return _field(text, folded=True)


def initials_field(text: str) -> str:
    tokens: list[str] = []
    for kind, run in runs(text):
        if kind == "han":
            for part in _split_empty(list(read_run(run))):
                tokens += _pairs([s[0] for s in part])
    return " ".join(tokens)


def chars_field(text: str) -> str:
    return " ".join(ch for kind, run in runs(text) if kind == "han" for ch in run)


def full_pinyin(text: str) -> str:
    """The whole text as one string of syllables (驾驶证 -> jiashizheng), for prefixes."""
    out = []
    for kind, run in runs(text):
        out.append("".join(read_run(run)) if kind == "han" else run)
    return "".join(out)


def initials(text: str) -> str:
    out = []
    for kind, run in runs(text):
        out.append("".join(s[:1] for s in read_run(run)) if kind == "han" else run)
    return "".join(out)


# --- query side ---------------------------------------------------------------------
def segmentations(word: str, limit: int = MAX_SEGMENTATIONS) -> list[list[str]]:
    """Ways to read ``word`` as whole syllables, fewest syllables first
    (``xian`` -> [xian], [xi, an]); [] when it is not all pinyin."""
    word = word.lower()
    found: list[list[str]] = []

    @functools.lru_cache(maxsize=None)
    def rest(i: int) -> tuple[tuple[str, ...], ...]:
        if i == len(word):
            return ((),)
        out = []
        for j in range(min(len(word), i + _LONGEST), i, -1):  # longest first
            piece = _SPELLINGS.get(word[i:j], word[i:j])
            if piece in SYLLABLES:
                for tail in rest(j):
                    out.append((piece, *tail))
                    if len(out) >= limit * 4:
                        break
        return tuple(out)

    if not word.isascii() or not word.isalpha() or len(word) > 64:
        return []
    found = [list(s) for s in rest(0)]
    found.sort(key=len)
    return found[:limit]


def query_readings(text: str, limit: int = MAX_SEGMENTATIONS) -> list[list[str]]:
    """The query as syllable sequences: characters read as pinyin, Latin runs
    cut into syllables (each way they can be cut), other words dropped.
    [] when a Latin run is not pinyin (then it may be initials, or English)."""
    seqs: list[list[str]] = [[]]
    for kind, run in runs(text):
        if kind == "han":
            sylls = [s for s in read_run(run) if s]
            seqs = [s + sylls for s in seqs]
        elif kind == "latin":
            ways = segmentations(run, limit)
            if not ways:
                return []
            seqs = [s + w for s in seqs for w in ways][:limit]
        else:
            continue
    return [s for s in seqs if s]


def is_latin_query(text: str) -> bool:
    kinds = {k for k, _ in runs(text)}
    return kinds == {"latin"}


def has_latin(text: str) -> bool:
    return any(k == "latin" for k, _ in runs(text))


def query_pinyin_tokens(sylls: list[str], *, folded: bool = False) -> list[str]:
    if folded:
        sylls = [fold(s) for s in sylls]
    return _pairs(sylls)


def query_initials_tokens(text: str) -> list[str]:
    """``xzxk`` -> [xz, zx, xk] when the query is one Latin run that is not pinyin."""
    letters = "".join(run for kind, run in runs(text) if kind == "latin")
    if not 2 <= len(letters) <= 16:
        return []
    return _pairs(list(letters))
