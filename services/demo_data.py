"""Demo content of the item catalogue, run by ``load_demo`` after the cluster
exists: the bodies the cluster demo lacks (公安局, 市场监管局, 卫生健康委), the
网上办事 catalogue (``/wsbs/``) on the portal with the items of those bodies and
of 人社局, the education bureau's own catalogue on its site, the English and
Mongolian catalogues (translations of the portal's, items included), and a
blank template (.docx) and a filled-in sample (.pdf) for every application
form. Re-runnable: looks up what exists first."""

from __future__ import annotations

import io

from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.models import Collection, Locale, Site

from cluster.models import ClusterDocument, HomePage, Organisation

from . import demo_content as content
from .models import ServiceFormField, ServiceIndexPage, ServiceItemPage, ServiceMaterial, ServiceTheme

CITY_GOVERNMENT = "11150100MB0000001A"
SLUG_PREFIX = {
    content.MARKET: "scjg", content.POLICE: "gaj", content.HR: "rsj",
    content.HEALTH: "wjw", content.EDUCATION: "jyj",
}
SAMPLE_PERSON = {
    "申请人（经营者）姓名或者名称": "张敏（示例）",
    "证件类型及号码": "居民身份证 150102********0021",
    "联系电话": "139****0001",
    "通信地址": "敕勒川市新城区光明路12号",
}


def build(stdout=None) -> None:
    portal = Site.objects.filter(hostname="www.localhost").select_related("root_page").first()
    if portal is None:
        return
    with transaction.atomic():
        orgs = _organisations()
        themes = {t.slug: t for t in ServiceTheme.objects.all()}
        docs = _Documents()
        zh_index = _index(portal.root_page.specific, all_organisations=True)
        created = 0
        for org_code in (content.MARKET, content.POLICE, content.HR, content.HEALTH):
            created += _items(zh_index, orgs[org_code], content.ITEMS[org_code], themes, docs)
        education = Site.objects.filter(hostname="jyj.localhost").select_related("root_page").first()
        if education is not None:
            jyj_index = _index(education.root_page.specific, all_organisations=False)
            created += _items(jyj_index, orgs[content.EDUCATION], content.ITEMS[content.EDUCATION], themes, docs)
    for code in ("en", "mn-mong"):
        with transaction.atomic():
            _translations(zh_index, code)
    if stdout:
        total = ServiceItemPage.objects.filter(locale__language_code="zh-hans").count()
        stdout.write(f"item catalogue ready: {total} items ({created} new), with their guides and forms")


def _organisations() -> dict[str, Organisation]:
    city = Organisation.objects.filter(code=CITY_GOVERNMENT).first()
    for order, (code, name, short, en, mn, address, phone) in enumerate(content.ORGANISATIONS):
        Organisation.objects.get_or_create(code=code, defaults={
            "name": name, "short_name": short, "name_en": en, "name_mn": mn, "kind": Organisation.Kind.DEPARTMENT,
            "parent": city, "address": address, "phone": phone, "office_hours": "工作日 9:00-12:00，13:30-17:30",
            "sort_order": 60 + order * 10,
        })
    codes = list(content.ITEMS)
    return {o.code: o for o in Organisation.objects.filter(code__in=codes)}


def _index(home: HomePage, *, all_organisations: bool) -> ServiceIndexPage:
    index = ServiceIndexPage.objects.child_of(home).first()
    if index is None:
        title, intro = content.INDEX_TEXTS["zh-hans"]
        index = ServiceIndexPage(title=title, slug="wsbs", intro=intro, show_in_menus=True,
                                 all_organisations=all_organisations)
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def _html(lines) -> str:
    from django.utils.html import escape

    return "".join(f"<p>{escape(line)}</p>" for line in lines)


def _ol(lines) -> str:
    from django.utils.html import escape

    return "<ol>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ol>"


def _items(index: ServiceIndexPage, org: Organisation, specs: list[dict], themes, docs) -> int:
    existing = set(ServiceItemPage.objects.child_of(index).values_list("item_code", flat=True))
    place, phone = content.PLACES[org.code]
    created = 0
    for spec in specs:
        code = f"{org.code}-{spec['code']}"
        if code in existing:
            continue
        steps = [s.format(check=spec["check"], result=spec["result"]) for s in content.PROCEDURES[spec["kind"]]]
        fee = spec.get("fee")
        page = ServiceItemPage(
            title=spec["t"], slug=f"{SLUG_PREFIX[org.code]}-{spec['code'].lower()}", item_code=code,
            kind=spec["kind"], organisation=org, audience=spec["aud"], summary=spec["sum"],
            keywords=spec["kw"], legal_basis=_html(spec["basis"]), conditions=_ol(spec["cond"]),
            procedure=_ol(steps), result=spec["result"], statutory_limit=spec["stat"], promised_limit=spec["prom"],
            free=fee is None, fee=fee or "", fee_basis=spec.get("fee_basis", ""),
            place=place, hours=content.HOURS, visits=spec["visits"], fully_online=spec["online"],
            online_apply=spec["apply"], enquiry_phone=phone, complaint_phone=content.COMPLAINT,
            search_description=spec["sum"][:150],
        )
        page.themes = [themes[s] for s in spec["themes"] if s in themes]
        for position, (name, form, copies, required, source, note, forms) in enumerate(spec["mat"]):
            template = sample = None
            if forms:
                template, sample = docs.pair(name, spec)
            page.materials.add(ServiceMaterial(
                name=name, form=form, copies=copies, required=required, source=source, note=note,
                template=template, sample=sample, sort_order=position,
                accept="pdf,jpg,png" if form != "electronic" else "pdf,jpg,png,docx",
            ))
        for position, (key, label, field_type, choices, required, help_text, max_length) in enumerate(spec["fields"]):
            page.form_fields.add(ServiceFormField(
                key=key, label=label, field_type=field_type, choices=choices, required=required,
                help_text=help_text, max_length=max_length, sort_order=position,
            ))
        index.add_child(instance=page)
        page.save_revision().publish()
        created += 1
    return created


class _Documents:
    """The blank template and the filled-in sample of each application form,
    made once per form name (two items may share a form)."""

    def __init__(self):
        self.collection = Collection.get_first_root_node()
        self._font = None

    def pair(self, name: str, spec: dict) -> tuple[ClusterDocument, ClusterDocument]:
        labels = list(SAMPLE_PERSON) + [f[1] for f in spec["fields"]] + ["申请日期", "申请人签字（盖章）"]
        template = self._get(f"{name}（空白表格）", "docx", lambda: self.docx(name, labels))
        sample = self._get(f"{name}（示例样表）", "pdf", lambda: self.pdf(name, labels, spec))
        return template, sample

    def _get(self, title: str, ext: str, make) -> ClusterDocument:
        doc = ClusterDocument.objects.filter(title=title).first()
        if doc is None:
            data = make()
            doc = ClusterDocument(title=title, collection=self.collection)
            doc.file.save(f"wsbs-form.{ext}", ContentFile(data), save=False)
            doc.file_size = len(data)
            doc.save()
        return doc

    @staticmethod
    def docx(name: str, labels: list[str]) -> bytes:
        from docx import Document

        document = Document()
        document.add_heading(name, level=1)
        document.add_paragraph("敕勒川市政务服务 · 请用黑色签字笔填写或者在线填写")
        table = document.add_table(rows=len(labels), cols=2)
        table.style = "Table Grid"
        for row, label in zip(table.rows, labels, strict=True):
            row.cells[0].text = label
            row.cells[1].text = ""
        document.add_paragraph("本人承诺所填信息和提交的材料真实、有效，如有虚假，愿承担相应法律责任。")
        buf = io.BytesIO()
        document.save(buf)
        return buf.getvalue()

    @staticmethod
    def sample_values(labels: list[str], spec: dict) -> dict[str, str]:
        values = dict(SAMPLE_PERSON)
        for _key, label, field_type, choices, *_rest in spec["fields"]:
            values[label] = {"number": "45", "date": "2026-03-16", "checkbox": "是",
                             "choice": (choices.splitlines() or [""])[0]}.get(field_type, "（按实际情况填写）")
        values["申请日期"] = "2026年3月16日"
        values["申请人签字（盖章）"] = "张敏"
        return values

    def font_file(self) -> str | None:
        """One subset of the CJK font holding every sample's text: subsetting
        takes about a second, so it is done once for the whole demo."""
        if self._font is None:
            import tempfile
            from pathlib import Path

            from pdffonts import CJK_FONTS, find_font, truetype_subset

            found = find_font(CJK_FONTS, "PDF_FONT")
            if found is None:
                self._font = ""
                return None
            parts = ["示例样表（仅供参考）0123456789-（）：*年月日", *SAMPLE_PERSON, *SAMPLE_PERSON.values()]
            for specs in content.ITEMS.values():
                for spec in specs:
                    parts += [m[0] for m in spec["mat"]] + [f[1] for f in spec["fields"]]
                    parts += self.sample_values([], spec).values()
            self._tmp = tempfile.TemporaryDirectory()
            path = Path(self._tmp.name, "cjk.ttf")
            path.write_bytes(truetype_subset(*found, "".join(parts) + "申请日期申请人签字（盖章）"))
            self._font = str(path)
        return self._font or None

    def pdf(self, name: str, labels: list[str], spec: dict) -> bytes:
        from fpdf import FPDF

        values = self.sample_values(labels, spec)
        font = self.font_file()
        pdf = FPDF(format="A4")
        pdf.add_page()
        if font:
            pdf.add_font("cjk", fname=font)
            pdf.set_font("cjk", size=16)
            pdf.multi_cell(0, 10, f"{name}\n示例样表（仅供参考）", align="C", new_x="LMARGIN", new_y="NEXT")
        else:  # no CJK font on this machine: a sample in Latin letters, still a real PDF
            pdf.set_font("helvetica", size=16)
            pdf.multi_cell(0, 10, "Sample (filled-in form)", align="C", new_x="LMARGIN", new_y="NEXT")
            labels, values = [f"Field {i + 1}" for i in range(len(labels))], {}
        pdf.set_font(pdf.font_family, size=11)
        with pdf.table(col_widths=(2, 3), first_row_as_headings=False, line_height=8) as grid:
            for label in labels:
                row = grid.row()
                row.cell(label)
                row.cell(values.get(label, ""))
        return bytes(pdf.output())


def _translations(zh_index: ServiceIndexPage, code: str) -> None:
    """The language site's 网上办事: a translation of the portal's, with every
    item under it translated (its name; the guide's text stays Chinese until a
    translator translates it in wagtail-localize)."""
    locale = Locale.objects.filter(language_code=code).first()
    zh_home = zh_index.get_parent()
    home = zh_home.get_translation_or_none(locale) if locale else None
    if home is None or not Site.objects.filter(root_page=home).exists():
        return
    index = zh_index.get_translation_or_none(locale)
    if index is None:
        index = zh_index.copy_for_translation(locale).specific
        index.title, index.intro = content.INDEX_TEXTS[code]
        index.save_revision().publish()
    names = {}
    for org_code, specs in content.ITEMS.items():
        for spec in specs:
            names[f"{org_code}-{spec['code']}"] = spec["en" if code == "en" else "mn"]
    for item in ServiceItemPage.objects.child_of(zh_index).prefetch_related("themes"):
        if item.get_translation_or_none(locale) is not None:
            continue
        translated = item.copy_for_translation(locale).specific
        translated.title = names.get(item.item_code, item.title)
        translated.draft_title = translated.title
        translated.themes = list(item.themes.all())
        translated.save_revision().publish()
