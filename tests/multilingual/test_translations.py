"""Every translatable string of the project has an English and a traditional-
Mongolian translation, the check that says so finds strings in files nobody
listed, and the language sites show them.

When the first two fail, run ``bin/translations``, translate the msgids it
lists in locale/<locale>/LC_MESSAGES/django.po and run it again to compile.
"""

import shutil
import subprocess
from io import StringIO

import polib
import pytest
from django.core.management import call_command

from multilingual.checks import BASE_DIR, extract_msgids, untranslated_public_locations, untranslated_public_strings


def _report(missing):
    return "\n".join(f"{msgid}  ({', '.join(where)})" for msgid, where in missing.items())


def test_every_string_has_an_english_translation():
    missing = untranslated_public_locations("en")
    assert missing == {}, "untranslated, fuzzy or uncompiled (run bin/translations):\n" + _report(missing)


def test_every_string_has_a_mongolian_translation():
    missing = untranslated_public_locations("mn-mong")
    assert missing == {}, "untranslated, fuzzy or uncompiled (run bin/translations):\n" + _report(missing)


def test_no_entry_of_the_catalogues_is_fuzzy():
    for locale in ("en", "mn_Mong"):
        po = polib.pofile(str(BASE_DIR / "locale" / locale / "LC_MESSAGES" / "django.po"))
        assert [e.msgid for e in po.fuzzy_entries()] == [], locale


def test_the_extraction_finds_the_files_the_old_hand_kept_list_missed():
    found = extract_msgids()
    files = {where.rsplit(":", 1)[0] for places in found.values() for where in places}
    for path in ("disclosure/annual_report.py", "disclosure/api.py", "site/search/service.py", "disclosure/feeds.py"):
        assert path in files
    msgids = {msgid for _ctx, msgid in found}
    assert {"本年制发件数", "请求参数有误。", "排序方式只能是 relevance 或 date。", "%(site)s 政府信息公开"} <= msgids
    assert "待采用的报送信息" in msgids  # the editors' screens count as well
    assert not any(f.startswith(("tests/", "bench/", ".venv/", "var/")) for f in files)


def _write_unseen_app(root):
    """A module and a template that no list anywhere names, plus files in ignored folders."""
    module = root / "newapp" / "sub" / "notices.py"
    module.parent.mkdir(parents=True)
    module.write_text(
        "from django.utils.translation import gettext_lazy as _, ngettext, pgettext\n"
        'TITLE = _("某个新字符串")\n'
        'KNOWN = _("跳到正文")\n'
        'def n(k):\n    return ngettext("%(k)s 件新事", "%(k)s 件新事", k), pgettext("按钮", "新提交")\n',
        encoding="utf-8",
    )
    template = root / "newapp" / "templates" / "newapp" / "extra.html"
    template.parent.mkdir(parents=True)
    template.write_text(
        "{% load i18n %}\n"
        "<p>{% translate \"模板里的新字符串\" %}</p>\n"
        "{% blocktranslate with name=page.title %}欢迎访问{{ name }}{% endblocktranslate %}\n",
        encoding="utf-8",
    )
    for ignored in ("tests", ".venv", "var", "bench"):
        (root / "newapp" / ignored).mkdir()
        (root / "newapp" / ignored / "x.py").write_text('_("不该被扫描的字符串")\n', encoding="utf-8")
    return module, template


def test_a_new_untranslated_string_in_an_unseen_file_is_reported(tmp_path):
    module, template = _write_unseen_app(tmp_path)
    for language in ("en", "mn-mong"):
        missing = untranslated_public_locations(language, roots=[tmp_path])
        assert set(missing) == {"某个新字符串", "%(k)s 件新事", "按钮\x04新提交", "模板里的新字符串", "欢迎访问%(name)s"}
        assert missing["某个新字符串"] == ["newapp/sub/notices.py:2"]
        assert missing["模板里的新字符串"] == ["newapp/templates/newapp/extra.html:2"]
    # The templatized copies went to a temporary folder, not next to the template.
    assert sorted(p.name for p in template.parent.iterdir()) == ["extra.html"]


def test_manage_py_check_is_quiet_on_the_real_catalogues():
    out = StringIO()
    call_command("check", "--tag", "translation", stdout=out, stderr=out)
    assert "multilingual.W00" not in out.getvalue()


def test_manage_py_check_warns_about_new_strings(tmp_path, settings):
    _write_unseen_app(tmp_path)
    settings.TRANSLATION_CHECK_ROOTS = [tmp_path]
    out = StringIO()
    call_command("check", "--tag", "translation", stdout=out, stderr=out)
    text = out.getvalue()
    assert "multilingual.W001" in text and "某个新字符串" in text and "不该被扫描的字符串" not in text
    assert "5 string(s) have no 'en' translation" in text and "5 string(s) have no 'mn-mong' translation" in text


def test_fuzzy_empty_and_uncompiled_translations_count_as_missing(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "m.py").write_text(
        "from django.utils.translation import gettext as _\n"
        'A, B, C, D = _("甲"), _("乙"), _("丙"), _("丁")\n',
        encoding="utf-8",
    )
    po_path = tmp_path / "locale" / "en" / "LC_MESSAGES" / "django.po"
    po_path.parent.mkdir(parents=True)
    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    po_path.write_text(
        header + 'msgid "甲"\nmsgstr "A"\n\n#, fuzzy\nmsgid "乙"\nmsgstr "B"\n\nmsgid "丙"\nmsgstr ""\n\n'
        'msgid "丁"\nmsgstr ""\n',
        encoding="utf-8",
    )
    subprocess.run([shutil.which("msgfmt"), "-o", str(po_path.with_suffix(".mo")), str(po_path)], check=True)
    # 丁 is translated afterwards but never compiled: the sites would still show Chinese.
    po_path.write_text(po_path.read_text(encoding="utf-8").replace('msgid "丁"\nmsgstr ""', 'msgid "丁"\nmsgstr "D"'), encoding="utf-8")

    assert untranslated_public_strings("en", roots=[src], locale_dir=tmp_path / "locale") == ["丁", "丙", "乙"]


@pytest.mark.django_db
def test_english_site_renders_in_english(client):
    response = client.get("/", HTTP_HOST="en.localhost")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Skip to content" in html
    assert "Notices" in html  # the demo's English column title
    # Interface strings from the catalogue (toolbar, footer), not page content:
    for text in ("Large print", "High contrast", "Site map", "Website ID: "):
        assert text in html
    assert "跳到正文" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "host, message, sort",
    [
        ("en.localhost", "The request parameters are not valid.", "The sort order must be relevance or date."),
        ("mgl.localhost", "ᠭᠦᠶᠢᠯᠲᠡ\u202fᠶᠢᠨ ᠫᠠᠷᠠᠮᠧᠲᠷ ᠪᠤᠷᠤᠭᠤ ᠪᠠᠶᠢᠨ\u180eᠠ᠃", "ᠳᠠᠷᠠᠭᠠᠯᠠᠯ ᠨᠢ ᠵᠥᠪᠬᠡᠨ relevance ᠡᠰᠡᠪᠡᠰᠦ date ᠪᠠᠶᠢᠬᠤ ᠶᠣᠰᠤᠲᠠᠢ᠃"),
    ],
)
def test_api_errors_speak_the_sites_language(client, host, message, sort):
    response = client.get("/api/v1/search/", {"q": "x", "sort": "drop table"}, HTTP_HOST=host, REMOTE_ADDR="10.9.8.6")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["message"] == message
    assert error["fields"]["sort"] == sort


@pytest.mark.django_db
def test_chinese_site_stays_chinese(client):
    response = client.get("/zfxxgk/", HTTP_HOST="www.localhost")
    assert response.status_code == 200
    html = response.content.decode()
    assert "政府信息公开" in html
    assert "跳到正文" in html
    assert "Skip to content" not in html
