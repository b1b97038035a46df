"""The client's real address behind a trusted proxy, the rate limits keyed by it
(and by phone number), and the captcha after repeated failures, on the
依申请公开 form and status page."""

import pytest
from django.test import Client, RequestFactory

from disclosure.applications.models import DisclosureRequest
from formguard.abuse import client_ip
from formguard.guard import issue_token
from tests.formguard.captcha import answer, captcha_key

PROXY = "10.0.0.5"  # the nginx in front of the application


@pytest.fixture(autouse=True)
def behind_the_proxy(settings):
    from django.core.cache import cache

    settings.TRUSTED_PROXIES = [PROXY]
    cache.clear()  # rate-limit and captcha counters live in the cache
    yield
    cache.clear()


def via_proxy(address: str) -> Client:
    """A citizen at ``address`` reaching the site through nginx."""
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=address, HTTP_HOST="fgw.localhost")


def application(**overrides) -> dict:
    data = {
        "applicant_kind": "natural", "name": "王小明", "id_type": "resident_id", "id_number": "11010119900307803X",
        "phone": "13912345678", "email": "xiaoming@example.com", "address": "敕勒川市新城区光明路12号",
        "description": "2026年本市新建中小学校的立项批复文件", "purpose": "了解家附近学校建设进度",
        "preferred_form": "electronic", "delivery": "email", "submit_token": issue_token(), "website": "",
    }
    data.update(overrides)
    return data


# --- the address ---------------------------------------------------------------


def ip(remote: str, forwarded: str | None = None) -> str:
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return client_ip(RequestFactory().get("/", REMOTE_ADDR=remote, **extra))


def test_the_trusted_proxy_s_forwarded_address_is_the_client():
    assert ip(PROXY, "203.0.113.7") == "203.0.113.7"
    # what the client wrote itself stands left of what nginx appended
    assert ip(PROXY, "1.2.3.4, 203.0.113.7") == "203.0.113.7"


def test_a_forged_header_from_an_untrusted_peer_is_ignored():
    assert ip("198.51.100.20", "203.0.113.7") == "198.51.100.20"
    # naming the trusted proxy inside the header does not help
    assert ip("198.51.100.20", f"203.0.113.7, {PROXY}") == "198.51.100.20"


def test_a_chain_of_trusted_proxies_and_networks(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24", "fd00::/8"]
    assert ip("10.0.0.9", "203.0.113.7, 10.0.0.3") == "203.0.113.7"
    assert ip("fd00::1", "2001:db8::7") == "2001:db8::7"
    assert ip("10.0.0.9", "garbage") == "10.0.0.9"  # nothing believable: the proxy itself


def test_without_trusted_proxies_remote_addr_is_the_client(settings):
    settings.TRUSTED_PROXIES = []
    assert ip(PROXY, "203.0.113.7") == PROXY


# --- the status lookup -----------------------------------------------------------------


def lookup(client: Client, code: str = "123456", **extra):
    return client.post("/yisqgk/status/", {"receipt_number": "YSQ1", "query_code": code, **extra})


@pytest.mark.django_db
def test_the_status_lookup_limit_counts_per_real_client():
    alice, bob = via_proxy("203.0.113.7"), via_proxy("198.51.100.9")
    page = lookup(alice).content.decode()
    for _attempt in range(9):
        page = lookup(alice, **(answer(page) if captcha_key(page) else {})).content.decode()
    limited = lookup(alice, **answer(page))
    assert limited.status_code == 429 and "操作过于频繁" in limited.content.decode()
    # the neighbour behind the same nginx is not limited, and is asked no captcha yet
    other = lookup(bob)
    assert other.status_code == 200 and "没有找到与该受理编号和查询码相符的申请" in other.content.decode()


@pytest.mark.django_db
def test_wrong_query_codes_bring_a_captcha_for_that_address_only():
    alice, bob = via_proxy("203.0.113.7"), via_proxy("198.51.100.9")
    pages = [lookup(alice).content.decode() for _ in range(3)]
    assert captcha_key(pages[1]) is None and captcha_key(pages[2])  # shown after the third miss
    assert 'alt="验证码图片"' in pages[2] and '<label for="id_captcha_1">验证码' in pages[2]
    assert captcha_key(alice.get("/yisqgk/status/").content.decode())  # also on a fresh visit
    assert captcha_key(bob.get("/yisqgk/status/").content.decode()) is None
    # without the captcha nothing is looked up, so the code cannot be guessed on
    req = DisclosureRequest.objects.first()
    skipped = alice.post("/yisqgk/status/", {"receipt_number": req.receipt_number, "query_code": "260928"})
    assert "请输入验证码。" in skipped.content.decode() and "办理过程" not in skipped.content.decode()


@pytest.mark.django_db
def test_the_captcha_image_is_served_offline():
    alice = via_proxy("203.0.113.7")
    page = ""
    for _ in range(3):
        page = lookup(alice).content.decode()
    image = alice.get(f"/captcha/image/{captcha_key(page)}/")
    assert image.status_code == 200 and image.content.startswith(b"\x89PNG")


# --- the application form ----------------------------------------------------------------


def submit(client: Client, data: dict):
    return client.post("/yisqgk/", data)


@pytest.mark.django_db
def test_failed_applications_bring_a_captcha_a_wrong_one_keeps_the_input_a_right_one_goes_through():
    alice, bob = via_proxy("203.0.113.7"), via_proxy("198.51.100.9")
    page = ""
    for _ in range(3):
        page = submit(alice, application(phone="12345")).content.decode()
    assert captcha_key(page)
    assert captcha_key(bob.get("/yisqgk/").content.decode()) is None  # another address is unaffected

    wrong = submit(alice, application(description="某某文件的批复", **answer(page, right=False)))
    html = wrong.content.decode()
    assert wrong.status_code == 200 and "验证码不正确，请重新输入图片中的字符。" in html
    assert "某某文件的批复" in html and 'value="王小明"' in html and "xiaoming@example.com" in html
    assert not DisclosureRequest.objects.filter(description="某某文件的批复").exists()

    right = submit(alice, application(description="某某文件的批复", **answer(html)))
    assert right.status_code == 302 and "/yisqgk/receipt/" in right["Location"]
    assert DisclosureRequest.objects.filter(description="某某文件的批复").count() == 1


@pytest.mark.django_db
def test_one_phone_number_is_limited_across_addresses():
    for n in range(5):
        response = submit(via_proxy(f"203.0.113.{n + 1}"), application(description=f"申请第{n}份文件"))
        assert response.status_code == 302, response.content.decode()[:500]
    again = submit(via_proxy("203.0.113.99"), application(description="申请第6份文件"))
    assert again.status_code == 429 and "操作过于频繁" in again.content.decode()
    assert not DisclosureRequest.objects.filter(description="申请第6份文件").exists()
    # another applicant from that same address goes through
    other = submit(via_proxy("203.0.113.99"), application(phone="13800001111", description="另一位申请人"))
    assert other.status_code == 302


@pytest.mark.django_db
def test_the_api_limit_counts_per_real_client(monkeypatch):
    monkeypatch.setattr("disclosure.api.API_RATE", "3/m")
    alice, bob = via_proxy("203.0.113.7"), via_proxy("198.51.100.9")
    codes = [alice.get("/api/v1/openapi.json", HTTP_HOST="www.localhost").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    assert bob.get("/api/v1/openapi.json", HTTP_HOST="www.localhost").status_code == 200
