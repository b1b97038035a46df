"""The public status query (办件查询) asks for a captcha after repeated misses
from one address, as 依申请公开's status form does; answered, it finds the case."""
import pytest
from django.test import Client

from tests.formguard.captcha import answer, captcha_key

from .factories import submitted

pytestmark = pytest.mark.django_db
FGW = {"HTTP_HOST": "fgw.localhost"}


def _ask(client, number, code, **extra):
    return client.post("/banshi/query/", {"receipt_number": number, "query_code": code, **extra}, **FGW)


def test_three_misses_bring_the_captcha_and_only_an_answered_one_finds_the_case(item, citizen):
    app, code = submitted(item, citizen)
    wrong = "000000" if code != "000000" else "111111"
    alice = Client(REMOTE_ADDR="198.51.100.7")
    first = alice.get("/banshi/query/").content.decode()
    assert captcha_key(first) is None  # nobody is asked before they miss
    pages = [_ask(alice, app.receipt_number, wrong).content.decode() for _ in range(3)]
    assert all("没有找到与该办件编号和查询码相符的办件" in p for p in pages)
    assert captcha_key(pages[1]) is None and captcha_key(pages[2])  # shown with the third miss
    assert '<label for="id_captcha_1">验证码' in pages[2]
    assert captcha_key(alice.get("/banshi/query/").content.decode())  # and on a fresh visit
    # another citizen's address is not asked
    assert captcha_key(Client(REMOTE_ADDR="198.51.100.8").get("/banshi/query/").content.decode()) is None

    # the right code without the captcha finds nothing, and what was typed stays
    response = _ask(alice, app.receipt_number, code)
    page = response.content.decode()
    assert response.status_code == 400 and "请输入验证码" in page
    assert f'value="{app.receipt_number}"' in page
    # a wrong answer is refused the same way
    page = _ask(alice, app.receipt_number, code, **answer(page, right=False)).content.decode()
    assert "验证码不正确" in page and f'value="{app.receipt_number}"' in page
    # answered: the case page
    response = _ask(alice, app.receipt_number, code, **answer(page))
    assert response.status_code == 302 and response["Location"].endswith(f"/banshi/query/{app.receipt_number}/")
    assert app.receipt_number in alice.get(response["Location"], **FGW).content.decode()


def test_the_captcha_is_labelled_and_described_in_english_and_mongolian(item, citizen):
    app, _code = submitted(item, citizen)
    for host, label in (("en.localhost", "Verification code"), ("mgl.localhost", None)):
        visitor = Client(REMOTE_ADDR="203.0.113.20")
        for _ in range(3):
            page = visitor.post("/banshi/query/", {"receipt_number": app.receipt_number, "query_code": "123456"},
                                HTTP_HOST=host).content.decode()
        assert captcha_key(page)
        assert 'aria-describedby="id_captcha-help"' in page
        if label:
            assert label in page
        else:
            assert "验证码" not in page  # translated, not the Chinese source
        from django.core.cache import cache

        cache.clear()
