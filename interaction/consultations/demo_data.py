"""Demo 意见征集, written for the project: on the portal one open draft (城市养犬
管理) with comments on its sections, and one closed draft (老旧小区改造) whose
period was shorter than 30 days (with its reason) and whose adoption feedback
is published; the English and Mongolian portals carry translations of both.
Every Chinese site gets its 意见征集 column (``/yjzj/``). Re-runnable."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Site

from cluster.models import HomePage, Organisation

from .constants import Adoption, CommentStatus
from .models import Comment, ConsultationIndexPage, ConsultationPage

PORTAL = "www.localhost"
SITES = ("www.localhost", "fgw.localhost", "jyj.localhost", "byhq.localhost")
CITY = "11150100MB0000001A"

INDEX = {
    "zh-hans": ("意见征集", "市政府及各部门起草的重要政策文件在此公开征求社会公众意见。征求意见期限一般不少于30日；"
                          "征集结束后公布意见采纳情况。"),
    "en": ("Consultations", "Drafts of important policies are published here for public comment, normally for at "
                            "least 30 days; after closing we publish which comments were adopted and why."),
    "mn-mong": ("ᠰᠠᠨᠠᠯ ᠠᠰᠠᠭᠤᠬᠤ", "ᠴᠢᠬᠤᠯᠠ ᠪᠣᠳᠯᠣᠭᠣ\u202fᠶᠢᠨ ᠡᠬᠡ ᠨᠣᠶᠢᠷᠠᠭ\u202fᠢ ᠣᠯᠠᠨ ᠲᠦᠮᠡᠨ\u202fᠡᠴᠡ ᠰᠠᠨᠠᠯ ᠠᠰᠠᠭᠤᠨ᠎ᠠ᠃"),
}

DOGS = {
    "slug": "yangquan-guanli",
    "zh-hans": dict(
        title="敕勒川市城市养犬管理规定（草案征求意见稿）",
        summary="为规范城市养犬行为，保障公民人身安全和身体健康，维护市容环境和社会公共秩序，市公安局会同市城市管理综合执法局"
                "起草了本规定草案。现向社会公开征求意见，欢迎提出修改意见和建议。",
        contact="市公安局治安管理支队，电话 0471-6612345，电子邮箱 yangquan@chilechuan.gov.cn，"
                "通信地址：敕勒川市新华大街28号（邮编010010，信封注明“养犬管理意见”）",
        sections=[
            ("第一条", "适用范围", "本市城市建成区内饲养犬只及相关管理活动，适用本规定。"),
            ("第二条", "养犬登记", "饲养犬只的，应当自取得犬只之日起30日内到住所地派出所办理养犬登记，领取犬牌。"),
            ("第三条", "文明养犬", "携犬出户的，应当为犬只佩戴犬牌并束犬链，犬链长度不得超过1.5米；"
                              "携犬乘坐电梯的，应当避开高峰时段并为犬只戴嘴套。"),
            ("第四条", "禁养犬只", "城市建成区内禁止饲养烈性犬只，具体名录由市公安局会同市农牧局制定并公布。"),
            ("第五条", "犬只收容", "对无主犬只和被没收的犬只，由犬只收容场所收容，收容期间犬只主人可在15日内认领。"),
        ],
    ),
    "en": dict(
        title="Chilechuan City Regulations on Dog Keeping (draft for comment)",
        summary="The City Public Security Bureau and the City Urban Management Bureau drafted these regulations to "
                "make dog keeping safe and orderly. Comments and suggestions are welcome.",
        contact="Public Order Division, City Public Security Bureau; phone 0471-6612345; yangquan@chilechuan.gov.cn",
        sections=[
            ("Article 1", "Scope", "These regulations apply to keeping dogs in the built-up area of the city."),
            ("Article 2", "Registration", "A dog must be registered at the local police station within 30 days."),
            ("Article 3", "Walking dogs", "Dogs outdoors wear their tag and a leash of at most 1.5 metres."),
            ("Article 4", "Banned breeds", "Dangerous breeds may not be kept in the built-up area."),
            ("Article 5", "Strays", "Owners may reclaim an impounded dog within 15 days."),
        ],
    ),
    "mn-mong": dict(
        title="ᠴᠢᠯᠡᠴᠤᠸᠠᠨ ᠬᠣᠲᠠ\u202fᠶᠢᠨ ᠨᠣᠬᠠᠢ ᠲᠡᠵᠢᠭᠡᠬᠦ ᠳᠦᠷᠢᠮ (ᠰᠠᠨᠠᠯ ᠠᠰᠠᠭᠤᠬᠤ ᠡᠬᠡ ᠨᠣᠶᠢᠷᠠᠭ)",
        summary="ᠨᠣᠬᠠᠢ ᠲᠡᠵᠢᠭᠡᠬᠦ ᠳᠦᠷᠢᠮ\u202fᠦᠨ ᠡᠬᠡ ᠨᠣᠶᠢᠷᠠᠭ\u202fᠢ ᠣᠯᠠᠨ ᠲᠦᠮᠡᠨ\u202fᠡᠴᠡ ᠰᠠᠨᠠᠯ ᠠᠰᠠᠭᠤᠨ᠎ᠠ᠃",
        contact="0471-6612345",
        sections=[
            ("1", "ᠬᠡᠷᠡᠭᠯᠡᠬᠦ ᠬᠦᠷᠢᠶ᠎ᠡ", "ᠬᠣᠲᠠ\u202fᠶᠢᠨ ᠨᠣᠬᠠᠢ ᠲᠡᠵᠢᠭᠡᠬᠦ ᠠᠵᠢᠯ\u202fᠳᠤ ᠬᠡᠷᠡᠭᠯᠡᠨ᠎ᠡ᠃"),
            ("2", "ᠪᠦᠷᠢᠳᠬᠡᠯ", "ᠨᠣᠬᠠᠢ\u202fᠶᠢ 30 ᠡᠳᠦᠷ\u202fᠦᠨ ᠳᠣᠲᠣᠷ᠎ᠠ ᠪᠦᠷᠢᠳᠬᠡᠨ᠎ᠡ᠃"),
            ("3", "ᠰᠣᠶᠣᠯᠲᠠᠢ ᠲᠡᠵᠢᠭᠡᠬᠦ", "ᠨᠣᠬᠠᠢ\u202fᠶᠢ ᠭᠠᠳᠠᠭᠰᠢ ᠭᠠᠷᠭᠠᠬᠤ ᠳᠤ ᠣᠳᠣᠰᠢᠯᠠᠨ᠎ᠠ᠃"),
            ("4", "ᠴᠠᠭᠠᠵᠠᠯᠠᠬᠤ", "ᠠᠶᠤᠯ ᠲᠠᠢ ᠨᠣᠬᠠᠢ\u202fᠶᠢ ᠲᠡᠵᠢᠭᠡᠬᠦ\u202fᠶᠢ ᠴᠠᠭᠠᠵᠠᠯᠠᠨ᠎ᠠ᠃"),
            ("5", "ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ", "ᠡᠵᠡᠨ ᠨᠣᠬᠠᠢ ᠪᠠᠨ 15 ᠡᠳᠦᠷ\u202fᠦᠨ ᠳᠣᠲᠣᠷ᠎ᠠ ᠠᠪᠴᠤ ᠪᠣᠯᠣᠨ᠎ᠠ᠃"),
        ],
    ),
}

RENOVATION = {
    "slug": "laojiu-xiaoqu-gaizao",
    "zh-hans": dict(
        title="敕勒川市老旧小区改造实施办法（征求意见稿）",
        summary="为推进2000年底前建成的老旧小区改造，改善居民居住条件，市住房和城乡建设局起草了本办法。",
        contact="市住房和城乡建设局城市更新科，电话 0471-6623456",
        reason="本年度改造项目须在供暖季开始前确定并开工，为不影响冬季施工计划，征求意见期限确定为21日。"
               "征集期间同时在各街道社区张贴公告，并召开了3场居民座谈会。",
        sections=[
            ("第一条", "改造范围", "本市城市建成区内2000年底前建成、失养失修失管的住宅小区，纳入改造范围。"),
            ("第二条", "改造内容", "改造内容分为基础类、完善类和提升类。基础类包括供水、排水、供暖、供电、燃气管网和"
                              "屋面防水、外墙保温的改造；完善类包括加装电梯、停车设施和无障碍设施；提升类包括养老、托育和便民服务设施。"),
            ("第三条", "居民参与", "改造方案应当经小区业主大会或者三分之二以上业主同意，并在小区内公示不少于7日。"),
            ("第四条", "资金分担", "改造资金由政府补助、专业经营单位出资和居民合理分担，加装电梯的费用由受益业主按楼层分摊。"),
        ],
        feedback="<p>本次征集期间共收到意见建议，经逐条研究，采纳或部分采纳的意见已在办法中修改，主要包括："
                 "将加装电梯纳入完善类内容并明确按楼层分摊费用的原则；改造方案公示期由5日延长为7日。</p>"
                 "<p>未采纳的意见主要涉及将2005年以后建成的小区纳入改造范围，因超出国家老旧小区改造政策范围，暂未采纳；"
                 "部分意见属于具体小区的物业管理问题，已转交所在街道办理。</p>",
    ),
    "en": dict(
        title="Chilechuan City Measures for Renovating Old Residential Compounds (draft for comment)",
        summary="The City Housing and Urban-Rural Development Bureau drafted these measures for compounds built before 2001.",
        contact="Urban Renewal Section, phone 0471-6623456",
        reason="The year's projects had to be fixed before the heating season, so comments were taken for 21 days; "
               "notices were also posted in every neighbourhood and three residents' meetings were held.",
        sections=[
            ("Article 1", "Scope", "Compounds built before the end of 2000 and in poor repair are covered."),
            ("Article 2", "Works", "Basic works (pipes, heating, roofs), improvements (lifts, parking) and services."),
            ("Article 3", "Residents", "A plan needs the consent of two thirds of the owners and a 7-day notice."),
            ("Article 4", "Costs", "Costs are shared by the government, utilities and residents."),
        ],
        feedback="<p>Comments that were adopted changed the measures: lifts are now part of the improvements, with "
                 "costs shared by floor, and the notice period went from 5 to 7 days. Extending the scope to "
                 "compounds built after 2005 was not adopted: it is outside the national policy.</p>",
    ),
    "mn-mong": dict(
        title="ᠴᠢᠯᠡᠴᠤᠸᠠᠨ ᠬᠣᠲᠠ\u202fᠶᠢᠨ ᠬᠠᠭᠤᠴᠢᠨ ᠠᠮᠤᠢᠷᠠᠬᠤ ᠣᠷᠣᠨ\u202fᠢ ᠰᠢᠨᠡᠴᠢᠯᠡᠬᠦ ᠠᠷᠭ᠎ᠠ (ᠰᠠᠨᠠᠯ ᠠᠰᠠᠭᠤᠬᠤ ᠡᠬᠡ ᠨᠣᠶᠢᠷᠠᠭ)",
        summary="ᠬᠠᠭᠤᠴᠢᠨ ᠠᠮᠤᠢᠷᠠᠬᠤ ᠣᠷᠣᠨ\u202fᠢ ᠰᠢᠨᠡᠴᠢᠯᠡᠬᠦ ᠠᠷᠭ᠎ᠠ\u202fᠶᠢᠨ ᠡᠬᠡ ᠨᠣᠶᠢᠷᠠᠭ᠃",
        contact="0471-6623456",
        reason="ᠳᠤᠯᠠᠭᠠᠴᠠ ᠥᠭᠬᠦ ᠤᠯᠠᠷᠢᠯ\u202fᠤᠨ ᠡᠮᠦᠨ᠎ᠡ ᠲᠥᠰᠥᠯ\u202fᠢ ᠲᠣᠭᠲᠠᠭᠠᠬᠤ ᠬᠡᠷᠡᠭᠲᠡᠢ ᠲᠤᠯᠠ 21 ᠡᠳᠦᠷ ᠰᠠᠨᠠᠯ ᠠᠰᠠᠭᠤᠪᠠ᠃",
        sections=[
            ("1", "ᠬᠦᠷᠢᠶ᠎ᠡ", "2000 ᠣᠨ\u202fᠤ ᠡᠮᠦᠨ᠎ᠡ ᠪᠠᠷᠢᠭᠰᠠᠨ ᠣᠷᠣᠨ ᠰᠠᠭᠤᠴᠠ᠃"),
            ("2", "ᠠᠵᠢᠯ", "ᠤᠰᠤ᠂ ᠳᠤᠯᠠᠭᠠᠴᠠ᠂ ᠯᠠᠩᠬᠤ᠃"),
            ("3", "ᠠᠷᠠᠳ\u202fᠤᠨ ᠣᠷᠣᠯᠴᠠᠭ᠎ᠠ", "7 ᠡᠳᠦᠷ ᠵᠠᠷᠯᠠᠨ᠎ᠠ᠃"),
            ("4", "ᠵᠠᠷᠳᠠᠯ", "ᠵᠠᠰᠠᠭ\u202fᠤᠨ ᠣᠷᠳᠣᠨ ᠪᠠ ᠠᠷᠠᠳ ᠬᠤᠪᠢᠶᠠᠨ ᠳᠠᠭᠠᠨ᠎ᠠ᠃"),
        ],
        feedback="<p>ᠰᠠᠨᠠᠯ\u202fᠢ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠪᠠᠢᠳᠠᠯ᠃</p>",
    ),
}

# (section index or None, text, name shown?, status, adoption, note)
DOG_COMMENTS = [
    (2, "建议明确“高峰时段”的具体时间，比如早7点到9点、晚5点到7点，否则不好执行。", "王丽", True,
     CommentStatus.APPROVED, "", ""),
    (1, "养犬登记能否在网上办理？希望增加线上登记和年检的渠道，联系我13947101234。", "", False,
     CommentStatus.APPROVED, "", ""),
    (None, "整体赞成。小区里遛狗不牵绳的情况很多，希望加大执法力度。", "赵建军", False,
     CommentStatus.PENDING, "", ""),
    (4, "收容期限15日偏短，建议延长到30日，并在网上公布收容犬只信息。有人在群里说加微信可以代办犬证，请核查。", "", False,
     CommentStatus.NEEDS_REVIEW, "", ""),
]
RENOVATION_COMMENTS = [
    (1, "建议把加装电梯列入改造内容，老人上下楼太难了。", "李桂兰", True, Adoption.ADOPTED,
     "已采纳，加装电梯列入完善类改造内容。"),
    (3, "加装电梯的费用应该按楼层分摊，一楼住户不应承担。", "", False, Adoption.ADOPTED,
     "已采纳，办法明确受益业主按楼层分摊。"),
    (2, "公示期5天太短，上班族来不及看，建议延长。", "孙浩", True, Adoption.PARTLY,
     "部分采纳，公示期延长为7日。"),
    (0, "建议把2005年以后建成的小区也纳入改造范围。", "", False, Adoption.NOT_ADOPTED,
     "未采纳：超出国家老旧小区改造政策确定的范围。"),
    (None, "我们小区物业长期不管楼道卫生，希望一并解决。", "周敏", True, Adoption.NOT_ADOPTED,
     "属于物业管理问题，已转交所在街道办理。"),
    (2, "改造前应当充分征求每栋楼居民的意见。", "", False, Adoption.ADOPTED, "已采纳。"),
]


def _blocks(rows, ids=None):
    out = []
    for i, (number, heading, text) in enumerate(rows):
        item = {"type": "section", "value": {"number": number, "heading": heading, "text": text}}
        if ids:
            item["id"] = ids[i]
        out.append(item)
    return out


def _index(home, lang: str, source: ConsultationIndexPage | None = None) -> ConsultationIndexPage:
    index = ConsultationIndexPage.objects.child_of(home).first()
    if index is None:
        title, intro = INDEX[lang]
        if source is not None:
            index = source.copy_for_translation(home.locale).specific
            index.title, index.intro = title, intro
        else:
            index = ConsultationIndexPage(title=title, slug="yjzj", intro=intro, show_in_menus=True)
            home.add_child(instance=index)
        index.save_revision().publish()
    return index


def _consultation(index, spec, lang, *, opens_on, closes_on, org, source=None, feedback_date=None):
    page = ConsultationPage.objects.child_of(index).filter(slug=spec["slug"]).first()
    if page is not None:
        return page
    text = spec[lang]
    if source is not None:
        page = source.copy_for_translation(index.locale).specific
        ids = [b.id for b in source.sections]
    else:
        page = ConsultationPage(slug=spec["slug"])
        ids = None
    page.title = text["title"]
    page.organisation = org
    page.summary = text["summary"]
    page.contact = text["contact"]
    page.sections = _blocks(text["sections"], ids)
    page.opens_on, page.closes_on = opens_on, closes_on
    page.short_period_reason = text.get("reason", "")
    page.feedback = text.get("feedback", "")
    page.feedback_date = feedback_date
    if source is None:
        index.add_child(instance=page)
    page.save_revision().publish()
    return page


def _comments(page, rows, *, start: dt.date, closed: bool) -> None:
    if page.comments.exists():
        return
    keys = [b.id for b in page.sections]
    labels = dict(page.section_choices())
    for n, row in enumerate(rows):
        if closed:
            section, text, name, show, adoption, note = row
            status = CommentStatus.APPROVED
        else:
            section, text, name, show, status, adoption, note = row
        key = keys[section] if section is not None else ""
        Comment.objects.create(
            consultation=page, section_key=key, section_label=labels.get(key, ""), text=text, name=name,
            show_name=show, phone=f"1394710{n:04d}", status=status, adoption=adoption, adoption_note=note,
            sensitive_words="加微信" if status == CommentStatus.NEEDS_REVIEW else "",
            created=timezone.make_aware(dt.datetime.combine(start + dt.timedelta(days=1 + n), dt.time(9 + n))),
        )


def build(stdout=None) -> None:
    today = timezone.localdate()
    org = Organisation.objects.filter(code=CITY).first()
    portal_index = None
    for hostname in SITES:
        site = Site.objects.filter(hostname=hostname).select_related("root_page").first()
        if site is None:
            continue
        with transaction.atomic():
            index = _index(site.root_page.specific, "zh-hans")
        if hostname == PORTAL:
            portal_index = index
    if portal_index is None:
        return
    dog_dates = dict(opens_on=today - dt.timedelta(days=10), closes_on=today + dt.timedelta(days=25))
    reno_dates = dict(opens_on=today - dt.timedelta(days=80), closes_on=today - dt.timedelta(days=60),
                      feedback_date=today - dt.timedelta(days=40))
    with transaction.atomic():
        dogs = _consultation(portal_index, DOGS, "zh-hans", org=org, **dog_dates)
        reno = _consultation(portal_index, RENOVATION, "zh-hans", org=org, **reno_dates)
        _comments(dogs, DOG_COMMENTS, start=dog_dates["opens_on"], closed=False)
        _comments(reno, RENOVATION_COMMENTS, start=reno_dates["opens_on"], closed=True)
    zh_home = portal_index.get_parent().specific
    for code in ("en", "mn-mong"):
        locale = Locale.objects.filter(language_code=code).first()
        home = zh_home.get_translation_or_none(locale) if locale else None
        if home is None or not isinstance(home.specific, HomePage):
            continue
        with transaction.atomic():
            index = _index(home.specific, code, source=portal_index)
            _consultation(index, DOGS, code, org=org, source=dogs, **dog_dates)
            _consultation(index, RENOVATION, code, org=org, source=reno, **reno_dates)
    if stdout is not None:
        stdout.write("consultations: 2 drafts on the portal (one open, one closed with its adoption feedback)")
