"""A request for information filed in traditional Mongolian on the Mongolian
site comes back intact: the receipt, the applicant's status page and the case
officer's detail view in the admin show the same text the citizen typed."""

import re
import unicodedata

import pytest

from .conftest import admin_login

pytestmark = pytest.mark.browser

FVS1 = "\u180b"
# "ᠨᠠᠢᠮᠠᠨ" typed with a free variation selector, a narrow no-break space before
# the case suffix, and decomposed nothing: what a Mongolian IME really sends.
DESCRIPTION = "ᠬᠣᠲᠠ\u202fᠶᠢᠨ 2026 ᠣᠨ\u202fᠤ ᠨᠠᠢ" + FVS1 + "ᠮᠠᠨ ᠵᠦᠢᠯ\u202fᠦᠨ ᠮᠡᠳᠡᠭᠡᠯ"


def test_a_request_in_mongolian_is_stored_and_read_back_unchanged(live_cluster, browser_page, axe_audit):
    page = browser_page
    page.goto(live_cluster.url("mgl", "/yisqgk/"))
    assert page.locator("html").get_attribute("lang") == "mn-Mong"
    heading = page.get_by_role("heading", level=1).inner_text()
    assert re.search(r"[\u1820-\u18aa]", heading) and not re.search(r"[\u4e00-\u9fff]", heading)
    assert axe_audit(page) == []

    page.locator("input[name=applicant_kind][value=natural]").check()
    page.locator("[name=name]").fill("ᠪᠠᠲᠤ")
    page.locator("[name=id_type]").select_option("resident_id")
    page.locator("[name=id_number]").fill("11010119900307803X")
    page.locator("[name=phone]").fill("13912345678")
    page.locator("[name=description]").fill(DESCRIPTION)
    page.locator("input[name=preferred_form][value=electronic]").check()
    page.locator("input[name=delivery][value=email]").check()
    page.locator("[name=email]").fill("batu@example.com")
    # a validation error is shown in Mongolian and keeps the text
    page.locator("[name=phone]").fill("12345")
    page.locator("form button[type=submit]").last.click()
    error = page.locator(".errorlist, .field-error, [role=alert]").first.inner_text()
    assert re.search(r"[\u1820-\u18aa]", error) and not re.search(r"[\u0400-\u04ff]", error)
    assert page.locator("[name=description]").input_value() == DESCRIPTION
    page.locator("[name=phone]").fill("13912345678")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/yisqgk/receipt/"))
    number = page.locator(".receipt-number").inner_text().strip()

    stored = live_cluster.manage(
        "shell", "-c",
        "from disclosure.applications.models import DisclosureRequest as R\n"
        f"print(R.objects.get(receipt_number='{number}').description.encode('unicode_escape').decode())",
    ).strip().splitlines()[-1]
    stored = stored.encode().decode("unicode_escape")
    assert stored == unicodedata.normalize("NFC", DESCRIPTION)

    # the case officer reads it back unchanged in the admin
    admin_login(page, live_cluster, "admin")  # password, then the TOTP code
    page.wait_for_url(re.compile(r"/admin/$"))
    pk = live_cluster.manage(
        "shell", "-c",
        "from disclosure.applications.models import DisclosureRequest as R\n"
        f"print(R.objects.get(receipt_number='{number}').pk)",
    ).strip().splitlines()[-1]
    page.goto(live_cluster.url("www", f"/admin/yisqgk/{pk}/"))
    assert DESCRIPTION in page.content() or unicodedata.normalize("NFC", DESCRIPTION) in page.content()
    assert page.get_by_text("ᠪᠠᠲᠤ", exact=True).count() >= 1


@pytest.mark.parametrize("word", ["ᠨᠠᠢ\u180dᠮᠠᠨ", "ᠨᠠᠢᠮᠠᠨ"], ids=["with-fvs", "without-fvs"])
def test_mongolian_search_box_finds_the_document_however_the_word_is_typed(live_cluster, browser_page, word):
    page = browser_page
    page.goto(live_cluster.url("mgl", "/"))
    box = page.locator("#site-search-q")
    box.fill(word)
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?"))
    # the query comes back intact in the search page's own field
    assert page.locator("#search-page-q").input_value() == word
    results = page.locator("main").inner_text()
    assert "ᠨᠠᠢᠮᠠᠨ ᠵᠦᠢᠯ" in results.replace("\u180d", "")
