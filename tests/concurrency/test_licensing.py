"""网上办事 apply: the one-time submit token. The same form sent from six tabs
(one after the other, or all at once) files one case, and every other answer
leads the citizen to that case's receipt, not to an error page."""
from __future__ import annotations

import re
import secrets

import pytest

from ..licensing.factories import applicant_user, form_data, make_item, pdf, png
from .conftest import at_once, browser, forget_browser_traces, forget_cases, in_thread, tab_of

HOST = "fgw.localhost"
TABS = 6


@pytest.fixture
def applying():
    """A licensing item and a signed-in citizen, committed; removed afterwards."""
    from services.models import ServiceIndexPage

    made: dict = {}

    def setup():
        had_index = ServiceIndexPage.objects.filter(slug="banshi-test").exists()
        code = f"XK-CONC-{secrets.token_hex(3)}"
        item = make_item(code=code, title=f"并发测试事项 {code}")
        user = applicant_user(f"conc-{code.lower()}")
        client = browser(HOST)
        client.force_login(user)
        materials = {m.name: m.pk for m in item.materials.all()}
        made.update(item=item, user=user, client=client, materials=materials, had_index=had_index)

    in_thread(setup)
    yield made

    def teardown():
        from services.licensing.models import ApplicationDraft, LicenceApplication

        cases = list(LicenceApplication.objects.filter(account=made["user"]))
        for case in cases:
            for row in case.materials.all():
                row.file.delete(save=False)
        forget_cases(*cases)
        for draft in ApplicationDraft.objects.filter(account=made["user"]):
            for row in draft.files.all():
                row.file.delete(save=False)
            draft.delete()
        forget_browser_traces(tokens=made.get("tokens", ()), clients=[made["client"]])
        made["item"].delete()
        if not made["had_index"]:
            ServiceIndexPage.objects.filter(slug="banshi-test").delete()
        made["user"].delete()

    in_thread(teardown)


def _post(client, item, materials, data):
    files = {f"m_{materials['申请书']}": pdf(), f"m_{materials['营业执照']}": png()}
    return client.post(f"/banshi/apply/{item.pk}/", {**data, **files})


def _outcome(applying):
    from services.licensing.models import ApplicationDraft, LicenceApplication

    cases = list(LicenceApplication.objects.filter(account=applying["user"]).values_list("receipt_number", flat=True))
    open_drafts = ApplicationDraft.objects.filter(account=applying["user"], submitted_receipt="").count()
    return cases, open_drafts


def _assert_one_case_and_receipts(applying, responses):
    cases, open_drafts = in_thread(lambda: _outcome(applying))
    assert len(cases) == 1, cases  # never two, never none
    number = cases[0]
    assert open_drafts == 0  # no tab's copy of the files is left behind as a draft
    created = [r for r in responses if r.status_code == 302]
    assert len(created) == 1 and created[0]["Location"] == f"/banshi/receipt/{number}/"
    for again in (r for r in responses if r.status_code != 302):
        page = again.content.decode()
        assert again.status_code == 200, page[:2000]
        assert "该申请已经提交过，以下是第一次提交的回执" in page and number in page


@pytest.mark.services
def test_the_same_form_from_six_tabs_one_after_another_files_one_case(applying):
    item, materials = applying["item"], applying["materials"]
    data = form_data(item)
    applying["tokens"] = [data["submit_token"]]
    tabs = [applying["client"], *(tab_of(applying["client"]) for _ in range(TABS - 1))]
    responses = [in_thread(lambda tab=tab: _post(tab, item, materials, data)) for tab in tabs]
    _assert_one_case_and_receipts(applying, responses)


@pytest.mark.services
def test_the_same_form_from_six_tabs_at_the_same_moment_files_one_case(applying):
    item, materials = applying["item"], applying["materials"]
    data = form_data(item)
    applying["tokens"] = [data["submit_token"]]
    tabs = [applying["client"], *(tab_of(applying["client"]) for _ in range(TABS - 1))]
    responses = at_once(*(lambda tab=tab: _post(tab, item, materials, data) for tab in tabs))
    _assert_one_case_and_receipts(applying, responses)
    # the receipt the first answer leads to opens in every tab
    number = re.search(r"/banshi/receipt/([^/]+)/", next(r["Location"] for r in responses
                                                           if r.status_code == 302)).group(1)
    page = in_thread(lambda: tabs[-1].get(f"/banshi/receipt/{number}/"))
    assert page.status_code == 200 and number in page.content.decode()


@pytest.mark.services
def test_two_posts_of_one_token_at_the_same_moment_file_one_case(applying):
    item, materials = applying["item"], applying["materials"]
    data = form_data(item, f_shop_name="并发便利店")
    applying["tokens"] = [data["submit_token"]]
    tab = tab_of(applying["client"])
    responses = at_once(lambda: _post(applying["client"], item, materials, data),
                        lambda: _post(tab, item, materials, data))
    _assert_one_case_and_receipts(applying, responses)
    assert in_thread(lambda: _shop_name(applying)) == "并发便利店"  # what was typed, kept once


def _shop_name(applying) -> str:
    from services.licensing.models import LicenceApplication

    return LicenceApplication.objects.get(account=applying["user"]).form_data["shop_name"]["value"]
