"""Demo 网上调查, written for the project: a survey on satisfaction with the
city's government services (政务服务满意度), open with live results and 36
answers, on the portal and, translated, on the English and Mongolian portals;
every Chinese site gets its 网上调查 column (``/dc/``). Re-runnable."""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Site

from cluster.models import Organisation

from . import service
from .models import Response, SurveyIndexPage, SurveyPage

SITES = ("www.localhost", "fgw.localhost", "jyj.localhost", "byhq.localhost")
INDEX = {
    "zh-hans": ("网上调查", "就政府工作和公共服务听取群众意见。"),
    "en": ("Surveys", "Tell us what you think of the city's work and services."),
    "mn-mong": ("ᠰᠠᠨᠠᠯ ᠠᠰᠠᠭᠤᠯᠲᠠ", "ᠣᠯᠠᠨ ᠲᠦᠮᠡᠨ\u202fᠦ ᠰᠠᠨᠠᠯ\u202fᠢ ᠰᠣᠨᠣᠰᠤᠨ᠎ᠠ᠃"),
}
SLUG = "zwfw-manyidu"
TEXT = {
    "zh-hans": dict(
        title="2026年敕勒川市政务服务满意度调查",
        intro="为了解群众和企业办事的感受，持续改进政务服务，市政务服务局开展本次调查。调查匿名进行，约需2分钟。",
        questions=[
            ("single_choice", "您最近一次办理政务服务事项的方式是？", ["到政务服务中心窗口", "政务服务网在线办理", "手机应用或小程序", "自助终端"]),
            ("rating", "您对办事效率的满意程度", ("很不满意", "非常满意")),
            ("rating", "您对窗口或线上服务态度的满意程度", ("很不满意", "非常满意")),
            ("multiple_choice", "您认为最需要改进的方面有哪些？（可多选）", ["材料太多", "跑的次数多", "排队时间长", "网上办事不方便", "政策看不懂"]),
            ("free_text", "您还有哪些意见和建议？", None),
        ],
    ),
    "en": dict(
        title="2026 Survey of Satisfaction with Government Services",
        intro="Help us improve the city's government services. The survey takes about two minutes.",
        questions=[
            ("single_choice", "How did you last use a government service?", ["At a service centre", "Online", "Mobile app", "Self-service kiosk"]),
            ("rating", "How satisfied are you with how quickly it was done?", ("Very unsatisfied", "Very satisfied")),
            ("rating", "How satisfied are you with the staff's attitude?", ("Very unsatisfied", "Very satisfied")),
            ("multiple_choice", "What most needs improving? (choose any)", ["Too many documents", "Too many visits", "Long queues", "Online services", "Unclear policies"]),
            ("free_text", "Any other comments?", None),
        ],
    ),
    "mn-mong": dict(
        title="2026 ᠣᠨ\u202fᠤ ᠵᠠᠰᠠᠭ\u202fᠤᠨ ᠭᠠᠵᠠᠷ\u202fᠤᠨ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ\u202fᠳᠦ ᠰᠡᠳᠬᠢᠯ ᠬᠠᠨᠤᠯᠲᠠ\u202fᠶᠢᠨ ᠰᠠᠨᠠᠯ ᠠᠰᠠᠭᠤᠯᠲᠠ",
        intro="ᠵᠠᠰᠠᠭ\u202fᠤᠨ ᠭᠠᠵᠠᠷ\u202fᠤᠨ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ\u202fᠶᠢ ᠰᠠᠢᠵᠢᠷᠠᠭᠤᠯᠬᠤ ᠰᠠᠨᠠᠯ ᠠᠰᠠᠭᠤᠯᠲᠠ᠃",
        questions=[
            ("single_choice", "ᠶᠠᠮᠠᠷ ᠠᠷᠭ᠎ᠠ\u202fᠪᠠᠷ ᠬᠡᠷᠡᠭ ᠪᠡᠨ ᠪᠠᠳᠤᠯᠠᠭᠰᠠᠨ ᠪᠤᠢ?", ["ᠴᠣᠩᠬᠣ", "ᠰᠦᠯᠵᠢᠶ᠎ᠡ", "ᠭᠠᠷ ᠤᠲᠠᠰᠤ", "ᠥᠪᠡᠷᠲᠡᠭᠡᠨ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ"]),
            ("rating", "ᠠᠵᠢᠯ\u202fᠤᠨ ᠦᠷ\u202fᠡ ᠪᠦᠲᠦᠮᠵᠢ", ("1", "5")),
            ("rating", "ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ\u202fᠶᠢᠨ ᠬᠠᠨᠳᠤᠯᠭ᠎ᠠ", ("1", "5")),
            ("multiple_choice", "ᠶᠠᠮᠠᠷ ᠵᠦᠢᠯ\u202fᠢ ᠰᠠᠢᠵᠢᠷᠠᠭᠤᠯᠬᠤ ᠬᠡᠷᠡᠭᠲᠡᠢ ᠪᠤᠢ?", ["ᠮᠠᠲᠧᠷᠢᠶᠠᠯ", "ᠣᠳᠣᠭ᠎ᠠ", "ᠳᠠᠷᠠᠭᠠᠯᠠᠯ", "ᠰᠦᠯᠵᠢᠶ᠎ᠡ", "ᠪᠣᠳᠯᠣᠭ᠎ᠠ"]),
            ("free_text", "ᠪᠤᠰᠤᠳ ᠰᠠᠨᠠᠯ", None),
        ],
    ),
}
SUGGESTIONS = ["希望周末也能办理业务。", "网上办事的操作指引可以再简单一些。", "窗口工作人员很耐心，点赞。", "", ""]


def _stream(lang: str, ids=None):
    out = []
    for i, (kind, question, extra) in enumerate(TEXT[lang]["questions"]):
        value = {"question": question, "required": kind != "free_text" and kind != "multiple_choice"}
        if kind in ("single_choice", "multiple_choice"):
            value["choices"] = extra
        elif kind == "rating":
            value["low_label"], value["high_label"] = extra
        item = {"type": kind, "value": value}
        if ids:
            item["id"] = ids[i]
        out.append(item)
    return out


def _index(home, lang, source=None):
    index = SurveyIndexPage.objects.child_of(home).first()
    if index is None:
        title, intro = INDEX[lang]
        if source is not None:
            index = source.copy_for_translation(home.locale).specific
            index.title, index.intro = title, intro
        else:
            index = SurveyIndexPage(title=title, slug="dc", intro=intro, show_in_menus=True)
            home.add_child(instance=index)
        index.save_revision().publish()
    return index


def _survey(index, lang, *, org, source=None):
    page = SurveyPage.objects.child_of(index).filter(slug=SLUG).first()
    if page is not None:
        return page
    today = timezone.localdate()
    if source is not None:
        page = source.copy_for_translation(index.locale).specific
        page.questions = _stream(lang, [b.id for b in source.questions])
    else:
        page = SurveyPage(slug=SLUG, questions=_stream(lang))
    page.title, page.intro, page.organisation = TEXT[lang]["title"], TEXT[lang]["intro"], org
    page.opens_on, page.closes_on, page.results_live = today - dt.timedelta(days=15), today + dt.timedelta(days=45), True
    if source is None:
        index.add_child(instance=page)
    page.save_revision().publish()
    return page


def _responses(page, count: int, lang: str) -> None:
    if page.responses.exists():
        return
    rng = random.Random(f"{page.pk}-demo")  # noqa: S311 (demo answers, not secrets)
    blocks = list(page.questions)
    now = timezone.now()
    rows = []
    for n in range(count):
        answers = {}
        for block in blocks:
            kind = block.block_type
            if kind == "single_choice":
                answers[block.id] = str(rng.choices(range(4), weights=(3, 4, 2, 1))[0])
            elif kind == "rating":
                answers[block.id] = str(rng.choices(range(1, 6), weights=(1, 2, 4, 8, 6))[0])
            elif kind == "multiple_choice":
                picked = sorted(rng.sample(range(5), rng.randint(0, 2)))
                if picked:
                    answers[block.id] = [str(i) for i in picked]
            elif lang == "zh-hans" and SUGGESTIONS[n % len(SUGGESTIONS)]:
                answers[block.id] = SUGGESTIONS[n % len(SUGGESTIONS)]
        rows.append(Response(survey=page, phone_hash=service.phone_hash(page, f"demo-{n}"), answers=answers,
                             language=lang, created=now - dt.timedelta(hours=7 * n + 1)))
    Response.objects.bulk_create(rows)


def build(stdout=None) -> None:
    org = Organisation.objects.filter(code="11150100MB0000001A").first()
    portal_index = None
    for hostname in SITES:
        site = Site.objects.filter(hostname=hostname).select_related("root_page").first()
        if site is not None:
            with transaction.atomic():
                index = _index(site.root_page.specific, "zh-hans")
            if hostname == "www.localhost":
                portal_index = index
    if portal_index is None:
        return
    with transaction.atomic():
        survey = _survey(portal_index, "zh-hans", org=org)
        _responses(survey, 36, "zh-hans")
    zh_home = portal_index.get_parent().specific
    for code in ("en", "mn-mong"):
        locale = Locale.objects.filter(language_code=code).first()
        home = zh_home.get_translation_or_none(locale) if locale else None
        if home is None:
            continue
        with transaction.atomic():
            index = _index(home.specific, code, source=portal_index)
            _responses(_survey(index, code, org=org, source=survey), 8, code)
    if stdout is not None:
        stdout.write("surveys: 政务服务满意度 with 36 answers (live results)")
