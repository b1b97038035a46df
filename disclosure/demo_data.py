"""Demo content of the disclosure library, run by ``load_demo`` after the cluster
(sites, organisations) exists: the 主题分类 tree; on every organisation's site
the catalogue (政府信息公开) with its documents, the guide (信息公开指南), the
rules (信息公开制度) and the annual reports (信息公开年报; 2025 and 2026 of the
city government and the development and reform commission); and the English and
Mongolian catalogues, translations of the portal's. Re-runnable: looks up what
exists first."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Site
from wagtail.rich_text import RichText

from cluster.models import HomePage, Organisation, SiteProfile

from . import demo_content as content
from .models import (
    AnnualReportIndexPage,
    AnnualReportPage,
    DisclosureDocumentPage,
    DisclosureIndexPage,
    DisclosureTextPage,
    Topic,
    Validity,
)

PORTAL_ORG = "11150100MB0000001A"

GUIDE = [
    ("heading", "一、主动公开"),
    ("p", "{org}依照《中华人民共和国政府信息公开条例》主动公开本机关的机构职能、规范性文件、规划计划、"
          "行政许可和行政处罚结果、财政预决算等政府信息。主动公开的信息在本网站“政府信息公开”栏目的"
          "“法定主动公开内容”中发布，一般自信息形成或者变更之日起20个工作日内公开。"),
    ("heading", "二、依申请公开"),
    ("p", "公民、法人或者其他组织可以向{org}申请获取主动公开以外的政府信息。申请可以通过本网站"
          "“依申请公开”栏目在线提交，也可以通过信函或者到受理窗口当面提交。申请应当包括：申请人的姓名或者名称、"
          "身份证明、联系方式；申请公开的政府信息的名称、文号或者便于查询的其他特征性描述；"
          "申请公开的政府信息的形式要求，包括获取信息的方式、途径。"),
    ("p", "{org}收到申请后，能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内予以答复；"
          "需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日。"
          "申请内容不明确的，将在7个工作日内一次性告知补正，答复期限自收到补正的申请之日起计算。"),
    ("heading", "三、受理机构"),
    ("p", "受理机构：{org}政府信息公开工作办公室"),
    ("p", "办公地址：{address}"),
    ("p", "办公时间：{hours}（法定节假日除外）"),
    ("p", "咨询电话：{phone}"),
    ("heading", "四、监督和救济"),
    ("p", "公民、法人或者其他组织认为{org}在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者"
          "政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。"),
]

RULES = [
    ("heading", "政府信息公开保密审查制度"),
    ("p", "{org}公开政府信息前，由信息形成部门依照《中华人民共和国保守国家秘密法》等规定进行保密审查；"
          "不能确定是否可以公开的，报有关主管部门或者保密行政管理部门确定。本网站发布的每一条信息均经过"
          "初审、保密审查和签发三个环节。"),
    ("heading", "政府信息公开发布协调制度"),
    ("p", "发布的政府信息涉及其他行政机关的，{org}与有关行政机关进行沟通、确认，保证发布的政府信息准确一致。"),
    ("heading", "依申请公开办理制度"),
    ("p", "依申请公开的申请由政府信息公开工作办公室统一登记、分办和答复，办理过程全程留痕，"
          "答复期限按工作日计算，每年1月31日前将上一年度办理情况纳入政府信息公开工作年度报告。"),
    ("heading", "政府信息管理动态调整制度"),
    ("p", "{org}定期对不予公开的政府信息进行评估审查，对因情势变化可以公开的政府信息及时公开。"),
]

# Staff-entered figures of the reports: licences, penalties, enforcements, fees (万元),
# then (upheld, corrected, other, pending) of 行政复议, 直接起诉, 复议后起诉.
REPORT_FIGURES = {
    ("11150100MB0000001A", 2025): (1268, 37, 4, Decimal("0"), (3, 1, 0, 1), (1, 0, 0, 1), (0, 0, 0, 0)),
    ("11150100MB0000001A", 2026): (1315, 29, 2, Decimal("0"), (2, 0, 1, 0), (1, 1, 0, 0), (1, 0, 0, 0)),
    ("11150100MB0000102B", 2025): (486, 12, 0, Decimal("35.60"), (1, 0, 0, 0), (0, 0, 0, 0), (0, 0, 0, 0)),
    ("11150100MB0000102B", 2026): (512, 9, 1, Decimal("28.40"), (1, 1, 0, 1), (0, 0, 0, 1), (0, 0, 0, 0)),
}

OVERVIEW = (
    "<p>{year}年，{org}坚持以公开为常态、不公开为例外，严格执行《中华人民共和国政府信息公开条例》，"
    "围绕重点领域信息公开、政策解读和回应关切，全面推进决策、执行、管理、服务、结果公开。"
    "全年通过政府网站主动公开政府信息，按时办结政府信息公开申请，未发生因信息公开引发的重大舆情。</p>"
    "<p>平台建设方面，依托全市政府网站集约化平台统一发布信息，所有信息经过初审、保密审查和签发后公开。</p>"
)
PROBLEMS = (
    "<p>{year}年工作中仍存在政策解读形式较为单一、部分栏目更新不够及时等问题。下一步，{org}将丰富图解、"
    "问答等解读形式，建立栏目更新提醒机制，加强信息公开业务培训。</p>"
)
OTHER = (
    "<p>{year}年{org}未收取信息处理费。本年度人大代表建议和政协提案办理结果均已按要求公开。</p>"
)


def _body(paragraphs, values):
    blocks = []
    for kind, text in paragraphs:
        text = text.format(**values)
        if kind == "heading":
            blocks.append(("heading", {"text": text, "level": "h2"}))
        else:
            blocks.append(("paragraph", RichText(f"<p>{text}</p>")))
    return blocks


def _child(parent, model, slug, **fields):
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
    return page


# Translated catalogues (en, mn-mong) are wagtail-localize copies of the Chinese
# one; their sections come from translating these pages, not from a second set
# (annual reports are unique per organisation and year).

def build(stdout=None) -> None:
    topics = _topics()
    for hostname in content.DISCLOSURE:
        site = Site.objects.filter(hostname=hostname).select_related("root_page").first()
        if site is not None:
            with transaction.atomic():
                _catalogue(site.root_page.specific, hostname, topics)
    portal = Site.objects.filter(hostname="www.localhost").first()
    if portal is not None:
        english = [(t, d, tp, sm, [sm]) for t, d, tp, sm in content.ENGLISH_DISCLOSURE]
        for code, docs in (("en", english), ("mn-mong", content.MONGOLIAN_DISCLOSURE)):
            with transaction.atomic():
                _language_catalogue(portal.root_page.specific, code, docs)
    _sections(stdout)


def _topics() -> dict[str, Topic]:
    topics = {}
    for order, (code, name, parent) in enumerate(content.DISCLOSURE_TOPICS):
        topics[code], _ = Topic.objects.update_or_create(
            code=code, defaults={"name": name, "parent": topics.get(parent), "sort_order": order * 10}
        )
    return topics


def _catalogue(home: HomePage, hostname: str, topics) -> None:
    """The site's catalogue (/zfxxgk/) and its documents; the portal's lists every organisation."""
    today = timezone.localdate()
    org = SiteProfile.objects.get(site__hostname=hostname).organisation
    index = DisclosureIndexPage.objects.child_of(home).first()
    if index is None:
        index = DisclosureIndexPage(
            title="政府信息公开", slug="zfxxgk", show_in_menus=True,
            all_organisations=(hostname == "www.localhost"),
            intro=f"{org.name}法定主动公开的政府信息目录。",
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    prefix, docs = content.DISCLOSURE[hostname]
    existing = {p.title: p for p in DisclosureDocumentPage.objects.child_of(index)}
    policy = None
    for number, (title, doc_type, topic, summary) in enumerate(docs, start=1):
        page = existing.get(title)
        if page is None:
            date = today - dt.timedelta(days=number * 17)
            values = {"purpose": f"规范和加强{topics[topic].name}工作", "scope": "本行政区域内的相关工作", "org": org.name}
            page = DisclosureDocumentPage(
                title=title, slug=f"doc-{number:03d}", organisation=org, topic=topics[topic], doc_type=doc_type,
                doc_number=f"{prefix}〔{date.year}〕{number * 7}号" if doc_type not in ("report", "interpretation") else "",
                written_date=date - dt.timedelta(days=3), publish_date=date, summary=summary,
                keywords=topics[topic].name, interprets=policy if doc_type == "interpretation" else None,
                body=[("paragraph", RichText(f"<p>{summary}</p>"))]
                + [("paragraph", RichText(f"<p>{p.format(**values)}</p>")) for p in content.DISCLOSURE_BODY],
            )
            index.add_child(instance=page)
            page.save_revision().publish()
        if doc_type == "measures":
            policy = page


def _language_catalogue(zh_home: HomePage, code: str, docs) -> None:
    """A language site's catalogue: a translation of the portal's /zfxxgk/
    holding documents written in that language."""
    locale = Locale.objects.filter(language_code=code).first()
    home = zh_home.get_translation_or_none(locale) if locale else None
    zh_index = DisclosureIndexPage.objects.child_of(zh_home).first()
    site = Site.objects.filter(root_page=home).first() if home else None
    if site is None or zh_index is None:
        return
    index = zh_index.get_translation_or_none(locale)
    if index is None:
        index = zh_index.copy_for_translation(locale).specific
        index.title, index.intro = content.CATALOGUES[code]
        index.all_organisations = False  # this catalogue lists its own-language documents
        index.save_revision().publish()
    today = timezone.localdate()
    prefix = site.hostname.split(".")[0]
    org = Organisation.objects.get(code=PORTAL_ORG)
    existing = set(DisclosureDocumentPage.objects.child_of(index).values_list("slug", flat=True))
    for number, (title, doc_type, topic, summary, paragraphs) in enumerate(docs, start=1):
        slug = f"{prefix}-doc-{number:03d}"
        if slug in existing:
            continue
        date = today - dt.timedelta(days=number * 11)
        page = DisclosureDocumentPage(
            title=title, slug=slug, organisation=org, topic=Topic.objects.filter(code=topic).first(),
            doc_type=doc_type, doc_number=f"敕政发〔{date.year}〕{100 + number}号" if doc_type != "report" else "",
            written_date=date - dt.timedelta(days=2), publish_date=date, summary=summary,
            body=[("paragraph", RichText(f"<p>{p}</p>")) for p in paragraphs],
        )
        index.add_child(instance=page)
        page.save_revision().publish()


def _sections(stdout=None) -> None:
    created = 0
    for catalogue in DisclosureIndexPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE):
        site = catalogue.get_site()
        profile = SiteProfile.objects.filter(site=site).select_related("organisation").first()
        if profile is None or profile.organisation is None:
            continue
        org = profile.organisation
        values = {
            "org": org.name,
            "address": profile.address or org.address,
            "hours": org.office_hours or "工作日 8:30-12:00，14:30-17:30",
            "phone": profile.phone or org.phone,
        }
        with transaction.atomic():
            before = DisclosureTextPage.objects.count() + AnnualReportPage.objects.count()
            _child(catalogue, DisclosureTextPage, "xxgkzn", title="政府信息公开指南",
                   kind=DisclosureTextPage.Kind.GUIDE, body=_body(GUIDE, values), updated_on=dt.date(2026, 1, 5))
            _child(catalogue, DisclosureTextPage, "xxgkzd", title="政府信息公开制度",
                   kind=DisclosureTextPage.Kind.RULES, body=_body(RULES, values), updated_on=dt.date(2026, 1, 5))
            reports = _child(catalogue, AnnualReportIndexPage, "xxgknb", title="政府信息公开工作年度报告",
                             intro=f"{org.name}历年政府信息公开工作年度报告。")
            for year in (2025, 2026):
                figures = REPORT_FIGURES.get((org.code, year))
                if figures is None:
                    continue
                licences, penalties, enforcements, fees, *groups = figures
                fields = {"licences": licences, "penalties": penalties, "enforcements": enforcements, "fees": fees}
                for group, counts in zip(("review", "suit_direct", "suit_after"), groups, strict=False):
                    for outcome, count in zip(("upheld", "corrected", "other", "pending"), counts, strict=False):
                        fields[f"{group}_{outcome}"] = count
                    fields[f"{group}_total"] = sum(counts)
                texts = {"org": org.name, "year": year}
                _child(reports, AnnualReportPage, f"{year}", title=f"{org.name}{year}年政府信息公开工作年度报告",
                       organisation=org, year=year, overview=OVERVIEW.format(**texts),
                       problems=PROBLEMS.format(**texts), other_matters=OTHER.format(**texts), **fields)
            if org.code == "11150100MB0000102B":
                _regulations(catalogue, org)
            created += DisclosureTextPage.objects.count() + AnnualReportPage.objects.count() - before
    if stdout:
        stdout.write(f"disclosure sections ready ({created} new pages)")


def _regulations(catalogue, org) -> None:
    """Two 行政规范性文件 so that table 二 of the reports counts something."""
    specs = [
        ("gfxwj-2025-01", "敕勒川市发展和改革委员会关于规范政府定价行为的若干规定", "敕发改规〔2025〕1号",
         dt.date(2025, 3, 18), Validity.VALID, None),
        ("gfxwj-2023-02", "敕勒川市发展和改革委员会关于印发价格监测工作规程的通知", "敕发改规〔2023〕2号",
         dt.date(2023, 6, 1), Validity.REPEALED, dt.date(2025, 9, 30)),
    ]
    for slug, title, number, date, validity, ended in specs:
        _child(catalogue, DisclosureDocumentPage, slug, title=title, organisation=org, doc_type="regulation",
               doc_number=number, written_date=date - dt.timedelta(days=5), publish_date=date,
               validity=validity, validity_date=ended, summary=title,
               body=[("paragraph", RichText(f"<p>{title}。</p>"))])
