"""Builds the demo cluster: organisations, sites, columns, articles, the language
sites and the demo users. Domains add their own content afterwards (their
``demo_data`` modules, run by ``load_demo``). Every step looks up what exists
first, so running it again changes nothing and duplicates nothing."""

from __future__ import annotations

import datetime as dt
import io
import random

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.models import Collection, Locale, Page, Site
from wagtail.rich_text import RichText

from ..models import ArticleAttachment, ArticlePage, ClusterDocument, ColumnPage, HomePage, Organisation, SiteProfile
from ..provision import group_name, provision_site
from . import content

DEMO_PASSWORD = "demo-2026-Gov!"  # noqa: S105 (the demo's documented password)


class DemoBuilder:
    def __init__(self, *, articles_per_column: int | None = None, stdout=None):
        self.limit = articles_per_column
        self.stdout = stdout
        self.today = timezone.localdate()
        self.rng = random.Random(2026)  # noqa: S311 (repeatable demo content, not secrets)

    def say(self, message: str) -> None:
        if self.stdout:
            self.stdout.write(message)

    # -- top level ------------------------------------------------------------
    def build(self) -> None:
        self.locales()
        orgs = self.organisations()
        root = Page.get_first_root_node()
        self.remove_wagtail_welcome_page(root)
        homes = {}
        for spec in content.SITES:
            hostname = spec[0]
            with transaction.atomic():
                homes[hostname] = self.site(root, spec, orgs)
        english = {**content.ENGLISH, "notices": [(t, [p]) for t, p in content.ENGLISH_NOTICES],
                   "news": [(t, [p]) for t, p in content.ENGLISH_NEWS]}
        mongolian = content.MONGOLIAN
        self.language_site(homes["www.localhost"], code="en", hostname="en.localhost", texts=english,
                           theme="portal", address="No. 1 Xinhua Street, Chilechuan", phone="+86 471 12345")
        self.language_site(homes["www.localhost"], code="mn-mong", hostname="mgl.localhost",
                           texts=mongolian, theme="mongolian", address="敕勒川市新华大街1号", phone="0471-12345")
        self.users()

    def locales(self) -> None:
        for code in ("zh-hans", "mn-mong", "en"):
            Locale.objects.get_or_create(language_code=code)

    def remove_wagtail_welcome_page(self, root: Page) -> None:
        # A fresh Wagtail install has a "Welcome" page as the default site's root.
        for page in root.get_children().filter(content_type__model="page"):
            Site.objects.filter(root_page=page).delete()
            page.delete()

    def organisations(self) -> dict[str, Organisation]:
        orgs: dict[str, Organisation] = {}
        for order, (code, name, short, kind, parent, name_en, name_mn) in enumerate(content.ORGANISATIONS):
            org, _ = Organisation.objects.update_or_create(
                code=code,
                defaults={
                    "name": name,
                    "short_name": short,
                    "kind": kind,
                    "parent": orgs.get(parent) if parent else None,
                    "name_en": name_en,
                    "name_mn": name_mn,
                    "sort_order": order * 10,
                    "address": "敕勒川市新华大街1号" if kind != "county" else "白音花旗乌兰大街8号",
                    "phone": "0471-12345",
                    "office_hours": "工作日 8:30-12:00，14:30-17:30",
                },
            )
            orgs[code] = org
        return orgs

    # -- one site ---------------------------------------------------------------
    def site(self, root: Page, spec, orgs) -> HomePage:
        (hostname, site_name, org_code, theme, site_code, icp, police, police_code, address, phone, email, postcode) = spec
        org = orgs[org_code]
        zh = Locale.objects.get(language_code="zh-hans")
        slug = hostname.split(".")[0]
        home = HomePage.objects.child_of(root).filter(slug=slug, locale=zh).first()
        title, banner_title, banner_text = content.HOME[hostname]
        if home is None:
            home = HomePage(
                title=title, slug=slug, locale=zh, banner_title=banner_title, banner_text=banner_text,
                intro=f"<p>{site_name}是{org.name}依法设立的政府网站，发布政府信息、提供政务服务、回应社会关切。</p>",
            )
            root.add_child(instance=home)
            home.save_revision().publish()
        site = Site.objects.filter(hostname=hostname).first()
        if site is None:
            site = Site.objects.create(
                hostname=hostname, port=80, root_page=home, site_name=site_name,
                is_default_site=(hostname == "www.localhost"),
            )
        provision_site(site)
        SiteProfile.objects.update_or_create(
            site=site,
            defaults={
                "organisation": org, "site_name": site_name, "site_code": site_code, "icp_record": icp,
                "police_record": police, "police_record_code": police_code, "address": address,
                "phone": phone, "email": email, "postcode": postcode, "theme": theme,
                "conac_id": content.CONAC_IDS.get(hostname, ""),
            },
        )
        for col_slug, (col_title, kind, intro) in content.COLUMNS.items():
            column = ColumnPage.objects.child_of(home).filter(slug=col_slug).first()
            if column is None:
                column = ColumnPage(title=col_title, slug=col_slug, intro=f"<p>{intro}</p>", show_in_menus=True)
                home.add_child(instance=column)
                column.save_revision().publish()
            self.articles(column, hostname, kind, org)
        return home

    def articles(self, column: ColumnPage, hostname: str, kind: str, org: Organisation) -> None:
        titles = content.TITLES[hostname][kind]
        if self.limit is not None:
            titles = titles[: self.limit]
        existing = set(ArticlePage.objects.child_of(column).values_list("title", flat=True))
        for index, title in enumerate(titles):
            if title in existing:
                continue
            date = self.today - dt.timedelta(days=index * 5 + self.rng.randint(0, 4))
            page = ArticlePage(
                title=title,
                slug=f"{column.slug}-{index + 1:03d}",
                kind=kind,
                publish_date=date,
                source_organisation=org,
                author=self.rng.choice(["办公室", "综合科", "新闻中心", "政务公开办"]),
                summary="",
                body=self.body(kind, hostname, org, date, index),
                first_published_at=timezone.make_aware(dt.datetime.combine(date, dt.time(9, 30))),
            )
            if kind == "photo":
                page.cover_image = self.image(title, index)
            column.add_child(instance=page)
            page.save_revision().publish()
            if kind == "notice" and index % 3 == 0:
                self.attachments(page, title, index)

    def body(self, kind, hostname, org, date, index):
        topic = content.TOPICS[index % len(content.TOPICS)]
        values = {
            "org": org.name,
            "topic": topic,
            "units": content.UNITS[hostname],
            "deadline": (date + dt.timedelta(days=30)).strftime("%Y年%-m月%-d日"),
            "contact": self.rng.choice(["王老师", "李科长", "张同志", "赵女士"]),
            "phone": "0471-66" + f"{self.rng.randint(10000, 99999)}",
            "date_text": f"{date.month}月{date.day}日",
        }
        blocks = [("paragraph", RichText(f"<p>{p.format(**values)}</p>")) for p in content.PARAGRAPHS[kind]]
        if kind == "notice":
            blocks.append(("paragraph", RichText(f"<p>{org.name}</p><p>{date.year}年{date.month}月{date.day}日</p>")))
        return blocks

    def image(self, title: str, index: int) -> Image:
        existing = Image.objects.filter(title=title).first()
        if existing:
            return existing
        from PIL import Image as PILImage
        from PIL import ImageDraw

        palette = [((20, 90, 160), (120, 180, 230)), ((40, 120, 60), (170, 210, 120)), ((150, 40, 30), (240, 170, 90))]
        top, bottom = palette[index % len(palette)]
        im = PILImage.new("RGB", (960, 600))
        draw = ImageDraw.Draw(im)
        for y in range(600):
            t = y / 599
            draw.line([(0, y), (960, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))
        draw.polygon([(0, 600), (300, 380), (560, 520), (820, 360), (960, 450), (960, 600)], fill=(60, 110, 50))
        buf = io.BytesIO()
        im.save(buf, "JPEG", quality=80)
        return Image.objects.create(title=title, file=ContentFile(buf.getvalue(), name=f"demo-photo-{index}.jpg"))

    def attachments(self, page: ArticlePage, title: str, index: int) -> None:
        collection = Collection.get_first_root_node()
        files = [
            (f"{title}（附件）.pdf", self.pdf_bytes(title)),
            (f"{title}（明细表）.xlsx", self.xlsx_bytes(title)),
        ]
        for position, (name, data) in enumerate(files):
            doc = ClusterDocument.objects.filter(title=name).first()
            if doc is None:
                doc = ClusterDocument(title=name, collection=collection)
                ext = name.rsplit(".", 1)[1]
                doc.file.save(f"demo-{page.pk}-{position}.{ext}", ContentFile(data), save=False)
                doc.file_size = len(data)
                doc.save()
            ArticleAttachment.objects.get_or_create(page=page, document=doc, defaults={"sort_order": position})

    def pdf_bytes(self, title: str) -> bytes:
        from fpdf import FPDF

        pdf = FPDF()
        pdf.add_page()
        font = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"
        try:
            pdf.add_font("noto", fname=font)
            pdf.set_font("noto", size=14)
        except Exception:
            pdf.set_font("helvetica", size=14)
        pdf.multi_cell(0, 10, "Chilechuan Municipal People's Government\nAttachment to the notice\n\n" + "Table of items" * 3)
        return bytes(pdf.output())

    def xlsx_bytes(self, title: str) -> bytes:
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        ws.title = "明细"
        ws.append(["序号", "单位", "事项", "完成时限"])
        for i, unit in enumerate(["市发展改革委", "市教育局", "市生态环境局", "白音花旗"], start=1):
            ws.append([i, unit, title[:20], f"{self.today.year}-12-31"])
        buf = io.BytesIO()
        wb.save(buf)
        return buf.getvalue()

    # -- the portal in other languages ------------------------------------------
    def language_site(self, zh_home: HomePage, *, code: str, hostname: str, texts: dict, theme: str,
                      address: str, phone: str) -> None:
        """A site whose root is a translation of the portal's home page, so that the
        language switch joins the same page across the Chinese, Mongolian and English sites."""
        locale = Locale.objects.get(language_code=code)
        home = zh_home.get_translation_or_none(locale)
        title, banner_title, banner_text = texts["home"]
        if home is None:
            home = zh_home.copy_for_translation(locale).specific
            home.title, home.banner_title, home.banner_text = title, banner_title, banner_text
            home.slug = hostname.split(".")[0]
            home.intro = ""
            home.save_revision().publish()
        site = Site.objects.filter(hostname=hostname).first()
        if site is None:
            site = Site.objects.create(hostname=hostname, port=80, root_page=home, site_name=title)
        provision_site(site)
        SiteProfile.objects.update_or_create(
            site=site,
            defaults={"organisation": Organisation.objects.get(code="11150100MB0000001A"), "site_name": title,
                      "site_code": "1501000001", "icp_record": "蒙ICP备05001234号",
                      "police_record": "蒙公网安备 15010202000101号", "police_record_code": "15010202000101",
                      "address": address, "phone": phone, "email": "zfb@chilechuan.gov.cn", "theme": theme,
                      "conac_id": content.CONAC_IDS.get(hostname, "")},
        )
        for col_slug in ("tzgg", "zwdt", "tpxw"):
            zh_col = ColumnPage.objects.child_of(zh_home).get(slug=col_slug)
            if zh_col.get_translation_or_none(locale) is None:
                col_title, intro = texts[col_slug]
                column = zh_col.copy_for_translation(locale).specific
                column.title, column.intro = col_title, f"<p>{intro}</p>" if intro else ""
                column.save_revision().publish()
        news = ColumnPage.objects.child_of(zh_home).get(slug="zwdt")
        originals = ArticlePage.objects.child_of(news).order_by("-publish_date")
        for (title, text), zh_article in zip(texts.get("articles", []), originals, strict=False):
            if zh_article.get_translation_or_none(locale) is None:
                article = zh_article.copy_for_translation(locale).specific
                article.title = title
                article.body = [("paragraph", RichText(f"<p>{text}</p>"))]
                article.save_revision().publish()
        home_columns = {c.slug: c for c in ColumnPage.objects.child_of(home)}
        prefix = hostname.split(".")[0]
        for kind, col_slug in (("notice", "tzgg"), ("news", "zwdt")):
            self.own_articles(home_columns[col_slug], kind, texts.get(kind + "s" if kind == "notice" else kind, []), prefix)

    def own_articles(self, column: ColumnPage, kind: str, articles, prefix: str) -> None:
        """Articles written in the site's own language, with no Chinese original."""
        org = Organisation.objects.get(code="11150100MB0000001A")
        existing = set(ArticlePage.objects.child_of(column).values_list("slug", flat=True))
        for index, (title, paragraphs) in enumerate(articles, start=1):
            slug = f"{prefix}-{kind}-{index:03d}"
            if slug in existing:
                continue
            date = self.today - dt.timedelta(days=index * 4 + 1)
            page = ArticlePage(
                title=title, slug=slug, kind=kind, publish_date=date, source_organisation=org, author="",
                summary="", body=[("paragraph", RichText(f"<p>{p}</p>")) for p in paragraphs],
                first_published_at=timezone.make_aware(dt.datetime.combine(date, dt.time(9, 30))),
            )
            column.add_child(instance=page)
            page.save_revision().publish()

    # -- people ------------------------------------------------------------------
    def users(self) -> None:
        User = get_user_model()
        admin, created = User.objects.get_or_create(
            username="admin", defaults={"is_superuser": True, "is_staff": True, "email": "admin@gov.localhost"}
        )
        if created:
            admin.set_password(DEMO_PASSWORD)
            admin.save()
        for site in Site.objects.all():
            prefix = site.hostname.split(".")[0]
            for role, suffix in (("编辑", "editor"), ("初审", "reviewer"), ("保密审查", "secrecy"), ("签发", "signer")):
                user, created = User.objects.get_or_create(
                    username=f"{prefix}_{suffix}",
                    defaults={"first_name": role, "last_name": site.site_name[:20], "email": f"{prefix}_{suffix}@gov.localhost"},
                )
                if created:
                    user.set_password(DEMO_PASSWORD)
                    user.save()
                from django.contrib.auth.models import Group

                user.groups.add(Group.objects.get(name=group_name(site, role)))
