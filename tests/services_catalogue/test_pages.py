"""The public pages: the guide with every field and its downloads, its PDF,
and the catalogue browsed by department, theme and audience, in three languages."""
import io
import re

from django.test import Client
from pypdf import PdfReader

from services.models import ServiceItemPage, ServiceTheme

HOST = {"HTTP_HOST": "www.localhost"}


def get(url, host="www.localhost"):
    response = Client().get(url, HTTP_HOST=host)
    assert response.status_code == 200, (url, response.status_code)
    return response


def test_guide_shows_every_field_in_the_national_order(food_item):
    html = get(food_item.url).content.decode()
    headings = ["基本信息", "设定依据", "受理条件", "申请材料", "办理流程", "办理时限、收费与地点"]
    positions = [html.index(f">{h}</h2>") for h in headings]
    assert positions == sorted(positions)
    for text in [
        food_item.title, food_item.item_code, "行政许可", "敕勒川市市场监督管理局", "自然人、法人",
        "《中华人民共和国食品安全法》第三十五条", "具有与经营的食品品种、数量相适应的经营场所",
        "现场核查", "《食品经营许可证》", "20 个工作日", "10 个工作日", "不收费", "零跑动（全程网上办理）",
        "全程网办", food_item.place, food_item.hours, food_item.enquiry_phone, "12345", "准营准办",
    ]:
        assert text in html, text


def test_guide_lists_materials_with_template_and_sample_downloads(food_item):
    html = get(food_item.url).content.decode()
    materials = list(food_item.materials.select_related("template", "sample"))
    for m in materials:
        assert m.name in html
    with_forms = [m for m in materials if m.template_id]
    assert with_forms
    for m in with_forms:
        assert f'href="{m.template.url}"' in html and f'href="{m.sample.url}"' in html
    # the files are real: a Word template and a PDF sample
    template = Client().get(with_forms[0].template.url, **HOST)
    assert template.status_code == 200
    assert b"".join(template.streaming_content)[:2] == b"PK"
    sample = Client().get(with_forms[0].sample.url, **HOST)
    assert b"".join(sample.streaming_content)[:5] == b"%PDF-"
    # 非必要 for the optional power of attorney
    assert "非必要" in html


def test_apply_button_links_to_the_online_form(food_item):
    html = get(food_item.url).content.decode()
    if food_item.apply_url():
        assert f'href="{food_item.apply_url()}"' in html and "在线办理" in html
    offline = ServiceItemPage.objects.filter(locale=food_item.locale, online_apply=False).first()
    assert offline is not None
    assert "apply-button" not in get(offline.url).content.decode()


def test_guide_pdf_is_a_real_pdf_with_the_item(food_item):
    response = get(food_item.url + "pdf/")
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    for part in (food_item.title, food_item.item_code, "受理条件", "食品经营许可申请书", "承诺办结时限"):
        assert part in text, part


def test_english_guide_and_pdf(food_item):
    english = food_item.get_translation(food_item.locale.__class__.objects.get(language_code="en"))
    html = get(english.url, "en.localhost").content.decode()
    assert "Food business licence" in html and 'lang="en"' in html
    response = get(english.url + "pdf/", "en.localhost")
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Food business licence" in text


def test_mongolian_guide_is_vertical_and_pdf_holds_the_mongolian_name(food_item):
    mongolian = food_item.get_translation(food_item.locale.__class__.objects.get(language_code="mn-mong"))
    html = get(mongolian.url, "mgl.localhost").content.decode()
    assert mongolian.title in html and "vertical-mongolian" in html
    response = get(mongolian.url + "pdf/", "mgl.localhost")
    reader = PdfReader(io.BytesIO(response.content))
    assert mongolian.title in reader.pages[0].extract_text()
    # the letters are shaped: ᠠ (U+1820) is printed in more than one of its joined forms
    # (initial, medial, final glyphs), not as the same isolated glyph everywhere
    font = next(f.get_object() for f in reader.pages[0]["/Resources"]["/Font"].values()
                if "Mongolian" in f.get_object()["/BaseFont"])
    cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
    forms_of_a = re.findall(r"<([0-9A-Fa-f]+)>\s*<1820>", cmap)
    assert len(set(forms_of_a)) >= 2, forms_of_a


def test_catalogue_lists_items_with_department_and_theme_browsing(portal_catalogue, food_item, market):
    html = get(portal_catalogue.url).content.decode()
    assert food_item.title in html and "个人办事" in html and "法人办事" in html
    dept_path = "/wsbs/" + portal_catalogue.reverse_subpage("department", args=(market.pk,))
    assert f'href="{dept_path}"' in html
    dept_url = dept_path
    department = get(dept_url).content.decode()
    assert food_item.title in department
    assert "机动车驾驶证换证" not in department  # the police's item is not the market regulator's

    theme = ServiceTheme.objects.get(slug="jiaotong")
    theme_url = "/wsbs/" + portal_catalogue.reverse_subpage("theme", args=(theme.slug,))
    listing = get(theme_url).content.decode()
    assert "机动车驾驶证换证" in listing and food_item.title not in listing
    assert 'aria-current="page">交通出行' in listing


def test_audience_tabs_split_persons_and_legal_persons(portal_catalogue):
    persons = get(portal_catalogue.url + "geren/").content.decode()
    legal = get(portal_catalogue.url + "faren/").content.decode()
    assert "生育登记" in persons and "生育登记" not in legal
    assert "企业设立登记" in legal and "企业设立登记" not in persons
    assert "食品经营许可" in persons and "食品经营许可" in legal  # for both


def test_education_bureau_site_has_its_own_catalogue_and_the_portal_lists_it_too(portal_catalogue):
    jyj = get("/wsbs/", "jyj.localhost").content.decode()
    assert "教师资格认定" in jyj and "食品经营许可" not in jyj
    assert "教师资格认定" in get(portal_catalogue.url).content.decode()


def test_unknown_department_and_theme_are_not_found(db):
    assert Client().get("/wsbs/bumen/999999/", **HOST).status_code == 404
    assert Client().get("/wsbs/zhuti/no-such-theme/", **HOST).status_code == 404


def test_catalogue_in_english_and_mongolian(db):
    en = get("/wsbs/", "en.localhost").content.decode()
    assert "Online services" in en and "Food business licence" in en
    mn = get("/wsbs/", "mgl.localhost").content.decode()
    assert "ᠰᠦᠯᠵᠢᠶᠡᠨ ᠳᠡᠭᠡᠷᠡᠬᠢ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ" in mn
    assert re.search("ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠯ", mn)
