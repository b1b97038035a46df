"""The English catalogue covers every public string, the check that says so
really notices a gap, and the English site renders in English.

The same holds for traditional Mongolian (locale/mn_Mong).  When these fail,
run ``bin/translations`` and translate the msgids it lists.
"""

import pytest

from multilingual.checks import (
    catalogue_path,
    public_msgids,
    untranslated_public_locations,
    untranslated_public_strings,
)


def test_every_public_string_has_an_english_translation():
    missing = untranslated_public_locations("en")
    assert missing == {}, "untranslated public strings (run makemessages -l en and translate):\n" + "\n".join(
        f"{msgid}  ({', '.join(where)})" for msgid, where in missing.items()
    )
    assert untranslated_public_strings("en") == []


def test_every_public_string_has_a_mongolian_translation():
    missing = untranslated_public_locations("mn-mong")
    assert missing == {}, "untranslated public strings (run bin/translations and translate):\n" + "\n".join(
        f"{msgid}  ({', '.join(where)})" for msgid, where in missing.items()
    )


def test_the_scan_covers_public_code_and_skips_the_admin():
    msgids = {msgid for _ctx, msgid in public_msgids()}
    assert {"跳到正文", "当前位置：", "索引号", "通知公告", "找到 %(counter)s 条结果", "更多%(title)s"} <= msgids
    assert "文件“%(name)s”的内容与其扩展名不符，可能已损坏或被改名，请检查后重新上传。" in msgids  # formguard
    assert "待采用的报送信息" not in msgids  # cluster/admin/inbox.html is for editors


def test_a_new_untranslated_template_string_is_reported(tmp_path):
    template = tmp_path / "templates" / "extra.html"
    template.parent.mkdir()
    template.write_text(
        "{% load i18n %}\n"
        '<p>{% trans "某个新字符串" %}</p>\n'
        "{% blocktranslate with name=page.title %}欢迎访问{{ name }}{% endblocktranslate %}\n"
        '<p>{% translate "跳到正文" %}</p>\n',
        encoding="utf-8",
    )
    module = tmp_path / "extra.py"
    module.write_text('from django.utils.translation import gettext_lazy as _\nLABEL = _("另一个新字符串")\n', encoding="utf-8")

    missing = untranslated_public_locations("en", extra_paths=[tmp_path])
    ours = {msgid for msgid, where in missing.items() if any(str(tmp_path) in w for w in where)}
    assert ours == {"某个新字符串", "欢迎访问%(name)s", "另一个新字符串"}
    assert missing["某个新字符串"] == [f"{template}:2"]
    # A single template file can be passed too.
    assert {"某个新字符串", "欢迎访问%(name)s"} <= set(untranslated_public_strings("en", extra_paths=[template]))
    assert "另一个新字符串" not in untranslated_public_strings("en", extra_paths=[template])


def test_empty_and_fuzzy_translations_count_as_missing(tmp_path):
    po = catalogue_path("en", tmp_path)
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "跳到正文"\nmsgstr "Skip to content"\n\n'
        '#, fuzzy\nmsgid "当前位置："\nmsgstr "You are here:"\n\n'
        'msgid "索引号"\nmsgstr ""\n',
        encoding="utf-8",
    )
    missing = untranslated_public_strings("en", locale_dir=tmp_path)
    assert "跳到正文" not in missing
    assert {"当前位置：", "索引号", "通知公告"} <= set(missing)


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
def test_chinese_site_stays_chinese(client):
    response = client.get("/zfxxgk/", HTTP_HOST="www.localhost")
    assert response.status_code == 200
    html = response.content.decode()
    assert "政府信息公开" in html
    assert "跳到正文" in html
    assert "Skip to content" not in html
