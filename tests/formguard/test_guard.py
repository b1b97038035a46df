import pytest
from django import forms
from django.core.exceptions import ValidationError

from formguard.guard import GuardedForm, clean_text, issue_token, run_once
from formguard.models import SubmissionToken


def test_clean_text_strips_markup_and_keeps_plain_text():
    assert clean_text("<script>alert(1)</script>申请<b>公开</b>文件").text == "申请公开文件"
    assert clean_text("a < b & c").text == "a < b & c"  # no double escaping on output
    assert clean_text("<img src=x onerror=alert(1)>文件").text == "文件"


def test_clean_text_converts_menksoft_with_a_warning_and_refuses_z52():
    menksoft = "\ue2f1\ue27e\ue2a2"
    result = clean_text(menksoft)
    assert result.warning
    assert not any(0xE000 <= ord(c) <= 0xF8FF for c in result.text)
    with pytest.raises(ValidationError):
        clean_text("\u1880\u1881\u1882\u1883\u1884")


class DemoForm(GuardedForm):
    title = forms.CharField(label="标题")


def test_guarded_form_cleans_fields_and_traps_the_honeypot():
    form = DemoForm(data={"title": "<i>x</i>标题", "submit_token": issue_token(), "website": ""})
    assert form.is_valid() and form.cleaned_data["title"] == "x标题"
    bot = DemoForm(data={"title": "t", "submit_token": issue_token(), "website": "http://spam"})
    assert not bot.is_valid() and bot.non_field_errors()


def test_forged_token_is_refused_but_input_kept():
    form = DemoForm(data={"title": "我的标题", "submit_token": "forged"})
    assert not form.is_valid()
    assert form["title"].value() == "我的标题"
    assert form["submit_token"].value() != "forged"


@pytest.mark.django_db
@pytest.mark.services
def test_run_once_creates_one_result_per_token():
    token = issue_token()
    calls = []

    def create():
        calls.append(1)
        return f"R{len(calls)}"

    assert run_once(scope="t", token=token, create=create) == ("R1", True)
    assert run_once(scope="t", token=token, create=create) == ("R1", False)
    assert len(calls) == 1 and SubmissionToken.objects.filter(token=token).count() == 1


@pytest.mark.django_db
def test_run_once_failure_frees_the_token():
    token = issue_token()

    def broken():
        raise ValueError("boom")

    with pytest.raises(ValueError):
        run_once(scope="t", token=token, create=broken)
    assert run_once(scope="t", token=token, create=lambda: "ok") == ("ok", True)


def test_expired_used_tokens_are_purged_and_fresh_ones_kept(db):
    from datetime import timedelta

    from django.utils import timezone

    from formguard.guard import TOKEN_MAX_AGE, issue_token, run_once
    from formguard.models import SubmissionToken
    from formguard.tasks import purge_used_tokens

    run_once(scope="test", token=issue_token(), create=lambda: "OLD")
    run_once(scope="test", token=issue_token(), create=lambda: "NEW")
    old = SubmissionToken.objects.get(result="OLD")
    SubmissionToken.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(seconds=TOKEN_MAX_AGE, hours=2)
    )
    assert purge_used_tokens.delay().get() == 1
    assert list(SubmissionToken.objects.filter(scope="test").values_list("result", flat=True)) == ["NEW"]
