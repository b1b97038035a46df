"""依申请公开 in a real browser on the live cluster (web server + Celery worker):
file a request on a department site, read the receipt, look it up, answer it
and see the answer; axe on the pages; two concurrent POSTs make one case."""

import http.cookiejar
import re
import threading
import urllib.parse
import urllib.request

import pytest

pytestmark = pytest.mark.browser


def _fill(page):
    page.get_by_label("自然人", exact=True).check()
    page.get_by_label("姓名").fill("赵小燕")
    page.get_by_label("证件类型").select_option("resident_id")
    page.get_by_label("证件号码").fill("11010119900307803X")
    page.get_by_label("联系电话").fill("13912345678")
    page.get_by_label("电子邮箱").fill("xiaoyan@example.com")
    page.get_by_label("所需政府信息的名称").fill("2026年本市重点项目投资计划（浏览器测试）")
    page.get_by_label("电子文档", exact=True).check()
    page.get_by_label("电子邮件", exact=True).check()


def test_file_a_request_follow_it_and_read_the_answer(live_cluster, browser_page, axe_audit):
    page = browser_page
    page.goto(live_cluster.url("fgw", "/yisqgk/"))
    assert page.get_by_role("heading", level=1).inner_text() == "政府信息公开申请"
    assert axe_audit(page) == []
    # an error first: the input stays
    _fill(page)
    page.get_by_label("联系电话").fill("12345")
    page.get_by_role("button", name="提交申请").click()
    assert "请填写有效的手机号码" in page.content()
    assert page.get_by_label("姓名").input_value() == "赵小燕"
    assert axe_audit(page) == []
    page.get_by_label("联系电话").fill("13912345678")
    page.get_by_role("button", name="提交申请").click()
    page.wait_for_url(re.compile(r"/yisqgk/receipt/"))
    number = page.locator(".receipt-number").inner_text().strip()
    code = page.locator(".query-code").inner_text().strip()
    assert re.fullmatch(r"YSQ\d{8}-[0-9A-Z]{12}", number) and re.fullmatch(r"\d{6}", code)

    page.get_by_role("link", name="查询办理进度").click()
    page.get_by_label("受理编号").fill(number)
    page.get_by_label("查询码").fill(code)
    assert axe_audit(page) == []
    page.get_by_role("button", name="查询").click()
    assert page.locator(".status").inner_text() == "已提交"
    assert "赵**" in page.locator(".applicant").inner_text()
    assert "13912345678" not in page.content()
    assert axe_audit(page) == []

    live_cluster.manage(
        "shell", "-c",
        "from django.contrib.auth import get_user_model as U\n"
        "from disclosure.applications import service\n"
        "from disclosure.applications.models import DisclosureRequest as R\n"
        f"r = R.objects.get(receipt_number='{number}'); u = U().objects.get(username='fgw_editor')\n"
        "service.accept(r, user=u)\n"
        "service.answer(r, user=u, outcome='grant', reply_text='所申请信息已通过电子邮件发送。')\n",
    )
    page.goto(live_cluster.url("fgw", "/yisqgk/status/"))
    page.get_by_label("受理编号").fill(number)
    page.get_by_label("查询码").fill(code)
    page.get_by_role("button", name="查询").click()
    assert page.locator(".status").inner_text() == "已答复"
    assert "予以公开" in page.locator(".answer").inner_text()
    assert "所申请信息已通过电子邮件发送。" in page.locator(".answer").inner_text()
    timeline = page.locator(".timeline").inner_text()
    assert "已收到您的申请" in timeline and "已答复" in timeline
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0


def test_two_concurrent_posts_with_one_token_make_one_case(live_cluster):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    # Python's resolver does not know *.localhost: talk to 127.0.0.1 with the site's Host
    url = f"http://127.0.0.1:{live_cluster.port}/yisqgk/"
    host = {"Host": f"jyj.localhost:{live_cluster.port}"}
    form = opener.open(urllib.request.Request(url, headers=host), timeout=20).read().decode()
    token = re.search(r'name="submit_token" value="([^"]+)"', form).group(1)
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    description = "并发提交测试：2026年学校食堂检查结果"
    body = urllib.parse.urlencode({
        "csrfmiddlewaretoken": csrf, "submit_token": token, "website": "", "applicant_kind": "natural",
        "name": "钱多多", "id_type": "resident_id", "id_number": "11010119900307803X", "phone": "13912345678",
        "description": description, "preferred_form": "paper", "delivery": "pickup",
    }).encode()
    barrier, results = threading.Barrier(2), []

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def post():
        poster = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
        request = urllib.request.Request(url, data=body, headers=host)
        barrier.wait()
        try:
            results.append(poster.open(request, timeout=60).status)
        except urllib.error.HTTPError as exc:
            results.append(exc.code)

    threads = [threading.Thread(target=post) for _ in range(2)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert sorted(results) == [200, 302]  # one created (redirect to the receipt), one shown the first result
    count = live_cluster.manage(
        "shell", "-c",
        "from disclosure.applications.models import DisclosureRequest as R\n"
        f"print(R.objects.filter(description='{description}').count())",
    )
    assert count.strip().splitlines()[-1] == "1"
