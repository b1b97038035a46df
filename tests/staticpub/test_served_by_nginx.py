"""Through nginx, as in production: published pages come from the static tree,
an approved change shows on every page that shows it within 5 seconds (through
the real Celery worker), an unpublished page disappears everywhere, per-reader
requests reach Django, and a file edited by hand is restored."""

import json
import time

HOST = "fgw.localhost"
FIND = """
import json
from wagtail.models import Site
from cluster.models import ArticlePage
site = Site.objects.get(hostname="fgw.localhost")
a = ArticlePage.objects.live().descendant_of(site.root_page).order_by("pk")[{n}]
print(json.dumps({{"pk": a.pk, "title": a.title, "path": a.get_url_parts()[2],
                   "column": a.get_parent().get_url_parts()[2]}}))
"""
APPROVE = """
import time
from django.contrib.auth import get_user_model
from cluster.models import ArticlePage
from cluster.workflows import publish_approved
signer = get_user_model().objects.get(username="fgw_signer")
article = ArticlePage.objects.get(pk={pk})
article.title = {title!r}
article.save_revision(user=signer)
class State:  # what the workflow hands to its finish action
    content_object = article
publish_approved(State(), user=signer)
print(time.time())
"""
WITHDRAW = """
import time
from django.contrib.auth import get_user_model
from cluster.models import ArticlePage
from cluster.withdrawal import withdraw_page
signer = get_user_model().objects.get(username="fgw_signer")
withdraw_page(page=ArticlePage.objects.get(pk={pk}), user=signer, reason="测试撤稿")
print(time.time())
"""



def article(stack, n: int) -> dict:
    return json.loads(stack.python(FIND.format(n=n)).strip().splitlines()[-1])


def wait_until(check, seconds: float) -> float:
    start = time.time()
    while time.time() - start < seconds:
        if check():
            return time.time()
        time.sleep(0.1)
    raise AssertionError(f"not within {seconds} s")


def test_published_pages_come_from_the_tree(static_stack):
    page = article(static_stack, 0)
    file = static_stack.live / HOST / page["path"].strip("/") / "index.html"
    assert file.exists()
    served = static_stack.get(HOST, page["path"])
    assert served.status == 200 and served.body == file.read_text(encoding="utf-8")
    # nginx's own file headers: Django sends neither
    assert "ETag" in served.headers and "Last-Modified" in served.headers, (
        served.headers, (static_stack.data_dir / "nginx.conf").read_text()[:3000])
    assert served.headers.get("Content-Security-Policy")  # the same security headers as Django's
    # nginx answers from the file: a mark written into it shows through nginx, not through gunicorn
    original = file.read_bytes()
    file.write_bytes(original.replace(b"</body>", b"<!-- from-the-tree --></body>"))
    try:
        assert "from-the-tree" in static_stack.get(HOST, page["path"]).body
        assert "from-the-tree" not in static_stack.get(HOST, page["path"], port=static_stack.app_port).body
        # a query string or a form post is the reader's own: Django answers
        assert "from-the-tree" not in static_stack.get(HOST, page["path"] + "?page=1").body
    finally:
        file.write_bytes(original)
    rss = static_stack.get(HOST, page["column"] + "feed/rss/")
    assert rss.status == 200 and rss.headers["Content-Type"].startswith("application/rss+xml")
    assert static_stack.get(HOST, "/sitemap.xml").status == 200


def test_forms_stay_dynamic_through_nginx(static_stack):
    form = static_stack.get(HOST, "/yisqgk/")
    assert form.status == 200 and "csrfmiddlewaretoken" in form.body
    assert not (static_stack.live / HOST / "yisqgk").exists()


def test_an_approved_change_shows_everywhere_within_5_seconds(static_stack):
    page = article(static_stack, 1)
    title = "静态发布五秒测试：关于调整办事时间的通知"
    approved_at = float(static_stack.python(APPROVE.format(pk=page["pk"], title=title)).strip().splitlines()[-1])
    done = wait_until(lambda: title in static_stack.get(HOST, page["path"]).body, 5)
    assert done - approved_at < 5
    wait_until(lambda: title in static_stack.get(HOST, page["column"]).body, 5 - (time.time() - approved_at) + 0.5)
    # the article's own file, not Django, answers now
    assert title in (static_stack.live / HOST / page["path"].strip("/") / "index.html").read_text(encoding="utf-8")


def test_an_unpublished_page_disappears_everywhere_within_5_seconds(static_stack):
    page = article(static_stack, 2)
    assert page["title"] in static_stack.get(HOST, page["column"]).body
    withdrawn_at = float(static_stack.python(WITHDRAW.format(pk=page["pk"])).strip().splitlines()[-1])
    wait_until(lambda: static_stack.get(HOST, page["path"]).status == 404, 5)
    wait_until(lambda: page["title"] not in static_stack.get(HOST, page["column"]).body, 5)
    assert time.time() - withdrawn_at < 6
    assert not (static_stack.live / HOST / page["path"].strip("/") / "index.html").exists()


def test_a_file_edited_on_disk_is_restored_through_the_worker(static_stack):
    page = article(static_stack, 0)
    file = static_stack.live / HOST / page["path"].strip("/") / "index.html"
    original = file.read_bytes()
    file.write_text("<html><body>defaced</body></html>", encoding="utf-8")
    assert "defaced" in static_stack.get(HOST, page["path"]).body
    out = static_stack.python(
        "from staticpub.tasks import check_tampering; print(check_tampering.delay())"
    )
    assert out.strip()
    wait_until(lambda: file.read_bytes() == original, 15)
    assert "defaced" not in static_stack.get(HOST, page["path"]).body
    events = static_stack.python(
        "from staticpub.models import TamperEvent; print(list(TamperEvent.objects.values_list('kind', 'path')))"
    )
    assert "changed" in events and page["path"] in events
