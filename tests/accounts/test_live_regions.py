"""A live region (role="status"/"alert") on a <ul>/<ol> takes away its list role, so
its <li> lose their list (axe: listitem); the region must wrap the list instead."""
import re
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string

ROLE_ON_LIST = re.compile(r"<(ul|ol)\b[^>]*\brole=\"(status|alert|log)\"", re.S)
FOLDERS = ("site", "services", "interaction", "disclosure", "themes")


def test_no_template_puts_a_live_region_role_on_a_list():
    root = Path(settings.BASE_DIR)
    found = [
        f"{path.relative_to(root)}: {m.group(0)[:60]}"
        for folder in FOLDERS for path in (root / folder).rglob("*.html")
        for m in ROLE_ON_LIST.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_account_messages_are_announced_and_stay_a_list():
    html = render_to_string("accounts/_form_top.html", {"messages": ["账户信息已保存。"], "form": None})
    assert re.search(r'<div role="status"><ul class="messages"><li[^>]*>账户信息已保存。</li></ul></div>', html)
