"""Mongolian typed or pasted by editors and imports is stored normalised, and
whoever pasted legacy (Menksoft private-use) text is told what happened.

Legacy samples (copied here as literals):
- BICHIG: suragch/mongol-library@e9325acd ConvertMenksoftToUnicodeTest.java (MIT),
  row "LEGACY Menksoft PUA shape code" of ../shared/mongolian/samples.tsv; = ᠪᠢᠴᠢᠭ.
- ABU, SU: Satsrag/mongol-convert crates/mongol-convert/tests/golden/golden.tsv
  (Apache-2.0), its Menk_Shape spelling of ᠠᠪᠤ and of ᠰᠤ᠋ (whose o/u the shape
  does not tell).
"""

import csv
import io
import json
import re

import pytest
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.test import Client
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cluster.models import ArticlePage, ColumnPage, Organisation
from disclosure.models import DisclosureDocumentPage, Topic

pytestmark = [pytest.mark.django_db]

BICHIG = "\ue2c1\ue27f\ue317\ue27e\ue2e8"  # ᠪᠢᠴᠢᠭ
ABU = "\ue271\ue26c\ue2c2\ue287"  # ᠠᠪᠤ
SU = "\ue2fd\ue286"  # ᠰᠣ or ᠰᠤ: left as pasted, with a warning
COMPAT = "\uf900"  # a CJK compatibility ideograph; NFC makes it U+8C48
PUA = re.compile("[\ue000-\uf8ff]")


def _column():
    return ColumnPage.objects.live().descendant_of(
        ColumnPage.objects.first().get_site().root_page
    ).first()


def test_saving_an_article_stores_title_summary_and_body_normalised():
    column = _column()
    article = ArticlePage(
        title=f"{BICHIG} 通知",
        summary=f"{ABU}{COMPAT}",
        body=[
            ("paragraph", RichText(f"<p>{BICHIG}\ue263\ue282 正文</p>")),
            ("heading", {"text": ABU, "level": "h2"}),
        ],
    )
    column.add_child(instance=article)
    article.save_revision().publish()

    stored = ArticlePage.objects.get(pk=article.pk)
    assert stored.title == "ᠪᠢᠴᠢᠭ 通知"
    assert stored.summary == "ᠠᠪᠤ\u8c48"
    assert stored.body[0].value.source == "<p>ᠪᠢᠴᠢᠭ\u202fᠢ 正文</p>"
    assert stored.body[1].value["text"] == "ᠠᠪᠤ"
    revision = stored.get_latest_revision_as_object()
    assert revision.title == "ᠪᠢᠴᠢᠭ 通知" and not PUA.search(str(revision.body))


def test_snippets_and_topics_are_normalised_too():
    org = Organisation.objects.first()
    org.name_mn = f"{BICHIG} {ABU}"
    org.save()
    org.refresh_from_db()
    assert org.name_mn == "ᠪᠢᠴᠢᠭ ᠠᠪᠤ"
    topic = Topic.objects.first()
    topic.name_mn = BICHIG
    topic.save()
    topic.refresh_from_db()
    assert topic.name_mn == "ᠪᠢᠴᠢᠭ"


def test_chinese_text_with_a_stray_private_use_character_is_left_alone():
    # The shared corpus has U+E5F9 in a Chinese regulation: not Mongolian.
    org = Organisation.objects.first()
    org.address = "敕勒川市新华大街1号\ue5f9"
    org.save()
    org.refresh_from_db()
    assert org.address == "敕勒川市新华大街1号\ue5f9"


def test_z52_text_is_kept_and_noted_as_not_convertible():
    from multilingual.content import normalise_instance, pop_notes

    z52 = "\u1873\u186a\u186a\u186a\u1894\u186b"  # Z52 row of samples.tsv (ᠪᠠᠭᠰᠢ)
    org = Organisation(name="某局", name_mn=z52)
    notes = normalise_instance(org)
    assert org.name_mn == z52
    assert [(n.name, n.encoding, n.words) for n in notes] == [("name_mn", "z52", [])]
    assert "U+1873" in notes[0].unconvertible
    assert pop_notes(org) and pop_notes(org) == []


def _article_form(article, **changes):
    data = {
        "title": article.title,
        "slug": article.slug,
        "kind": article.kind,
        "publish_date": article.publish_date.isoformat(),
        "author": article.author,
        "summary": article.summary,
        "body": streamfield([("paragraph", rich_text(f"<p>{BICHIG} 正文</p>"))]),
        "attachments": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(changes)
    return nested_form_data(data)


def test_admin_save_converts_and_warns_naming_the_field_and_the_words(client, demo_user):
    client.force_login(demo_user("admin"))
    article = ArticlePage.objects.live().order_by("pk").first()
    url = f"/admin/pages/{article.pk}/edit/"
    response = client.post(
        url, _article_form(article, title=f"{BICHIG} 通知", summary=f"摘要 {SU}"), HTTP_HOST="www.localhost"
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    body_label = str(ArticlePage._meta.get_field("body").verbose_name)
    title_label = str(ArticlePage._meta.get_field("title").verbose_name)
    # Converted: the field and the word as it is now stored.
    assert any(f"“{title_label}”" in w and "ᠪᠢᠴᠢᠭ" in w and "已转换" in w for w in warnings), warnings
    assert any(f"“{body_label}”" in w and "ᠪᠢᠴᠢᠭ" in w for w in warnings), warnings
    # Undecidable: the field and the word's readings, and it was not converted.
    assert any("“摘要”" in w and "ᠰᠣ / ᠰᠤ" in w and "未转换" in w for w in warnings), warnings

    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert draft.title == "ᠪᠢᠴᠢᠭ 通知"
    assert "ᠪᠢᠴᠢᠭ 正文" in draft.body[0].value.source and not PUA.search(draft.body[0].value.source)
    assert draft.summary == f"摘要 {SU}"  # no guess stored

    # A save without legacy text in the title says nothing about the title.
    client.get(response["Location"], HTTP_HOST="www.localhost")  # shows (and uses up) the messages
    response = client.post(url, _article_form(article, title="普通标题"), HTTP_HOST="www.localhost")
    assert response.status_code == 302
    later = [str(m) for m in get_messages(response.wsgi_request)]
    assert not [m for m in later if "蒙古文" in m and "“" + title_label + "”" in m]


def test_admin_snippet_save_warns_too(client, demo_user):
    client.force_login(demo_user("admin"))
    org = Organisation.objects.order_by("pk").first()
    url = f"/admin/snippets/cluster/organisation/edit/{org.pk}/"
    html = client.get(url, HTTP_HOST="www.localhost").content.decode()
    assert 'name="name_mn"' in html
    data = {
        f.name: getattr(org, f.attname) if getattr(org, f.attname) is not None else ""
        for f in Organisation._meta.concrete_fields
        if f.editable and f.name != "id"
    }
    data["name_mn"] = BICHIG
    response = client.post(url, data, HTTP_HOST="www.localhost")
    assert response.status_code == 302, response.content.decode()[:3000]
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert any("“蒙古文名称”" in w and "ᠪᠢᠴᠢᠭ" in w for w in warnings), warnings
    org.refresh_from_db()
    assert org.name_mn == "ᠪᠢᠴᠢᠭ"


def test_import_normalises_and_reports_legacy_mongolian(tmp_path):
    records = [
        {"id": "mn-1", "title": f"{BICHIG} 通知", "date": "2024-05-01", "body": f"{ABU}\n第二段"},
        {"id": "mn-2", "title": "没有确定写法的词", "date": "2024-05-02", "body": f"{SU} 正文"},
        {"id": "zh-1", "title": "普通文件", "date": "2024-05-03", "body": "正文。\ue5f9\ue5f9"},
    ]
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    report = tmp_path / "report.csv"
    out = io.StringIO()
    call_command("import_documents", str(path), site="fgw.localhost", report=str(report), stdout=out,
                 stderr=io.StringIO())
    assert "read 3 = imported 3 + skipped 0 + rejected 0" in out.getvalue()
    assert "legacy Mongolian (private-use codes) in 2 imported records" in out.getvalue()

    converted = DisclosureDocumentPage.objects.get(import_source="id:mn-1")
    assert converted.title == "ᠪᠢᠴᠢᠭ 通知"
    assert "ᠠᠪᠤ" in str(converted.body) and not PUA.search(str(converted.body))
    undecided = DisclosureDocumentPage.objects.get(import_source="id:mn-2")
    assert SU in str(undecided.body)  # kept as it came, not guessed
    chinese = DisclosureDocumentPage.objects.get(import_source="id:zh-1")
    assert "\ue5f9" in str(chinese.body)

    rows = {row["id"]: row for row in csv.DictReader(report.open(encoding="utf-8"))}
    assert set(rows) == {"mn-1", "mn-2"}
    assert rows["mn-1"]["reason"] == "imported"
    assert "title: menksoft converted (ᠪᠢᠴᠢᠭ)" in rows["mn-1"]["mongolian"]
    assert "body: menksoft converted (ᠠᠪᠤ)" in rows["mn-1"]["mongolian"]
    assert "ambiguous" in rows["mn-2"]["mongolian"] and "ᠰᠣ / ᠰᠤ" in rows["mn-2"]["mongolian"]

    # Published and indexed under the Unicode word, not as blanks.
    from search import indexing

    indexing.rebuild()
    html = Client().get("/search/", {"q": "ᠪᠢᠴᠢᠭ"}, HTTP_HOST="fgw.localhost").content.decode()
    assert "ᠪᠢᠴᠢᠭ 通知" in html
