"""The officers' pages of online licensing over HTTP, as the department's
officer uses them (signed in with the second factor): the queue, 补正 with the
whole missing list, 受理, 决定 and 办结 with an uploaded licence; another
department's officer sees and changes nothing."""
import re
from datetime import date

import pytest
from django.test import Client
from django.utils import timezone

from casefile.service import history
from notify.models import Outbox
from services.licensing.models import LicenceApplication

from .factories import PDF, exe_as_pdf, material, pdf, png, submitted

pytestmark = pytest.mark.django_db
ADMIN = {"HTTP_HOST": "www.localhost"}
FGW = {"HTTP_HOST": "fgw.localhost"}
MISSING = ["营业执照副本（加盖公章）", "经营场所平面图"]


@pytest.fixture
def officer(client, demo_user):
    client.force_login(demo_user("fgw_editor"))  # the item's department (市发展改革委)
    return client


@pytest.fixture
def stranger(demo_user):
    from tests.conftest import SecondFactorClient

    other = SecondFactorClient()
    other.force_login(demo_user("jyj_editor"))  # 市教育局: another department
    return other


def _act(client, app, action, data, files=None):
    payload = {"seen_status": app.status, **{f"{action}-{k}": v for k, v in data.items()}}
    for name, upload in (files or {}).items():
        payload[f"{action}-{name}"] = upload
    return client.post(f"/admin/banjian/{app.pk}/{action}/", payload, **ADMIN)


def _detail(client, app):
    response = client.get(f"/admin/banjian/{app.pk}/", **ADMIN)
    assert response.status_code == 200
    return response.content.decode()


def test_the_officer_asks_for_everything_missing_accepts_decides_and_finishes_with_a_licence(
    officer, item, citizen
):
    app, _code = submitted(item, citizen)
    queue = officer.get("/admin/banjian/", **ADMIN).content.decode()
    assert app.receipt_number in queue
    page = _detail(officer, app)
    assert "王小明" in page and "小明便利店" in page  # the officer reads the application in full
    for action in ("accept", "reject", "ask_correction"):
        assert f'action="/admin/banjian/{app.pk}/{action}/"' in page

    # 补正: the whole list at once, the applicant told by SMS and e-mail
    today = timezone.localdate()
    response = _act(officer, app, "ask_correction", {"items": "\n".join(MISSING) + "\n", "note": "请加盖公章",
                                                     "on": today.isoformat(), "until": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    app.refresh_from_db()
    assert app.status == "correction" and app.correction_items == MISSING
    page = _detail(officer, app)
    assert all(m in page for m in MISSING)
    assert f"/admin/banjian/{app.pk}/ask_correction/" not in page  # one notice only: its form is gone
    told = Outbox.objects.filter(reference=app.receipt_number, template="banshi.correction")
    assert {m.channel for m in told} == {"sms", "email"}

    # the applicant sends the licence online; the case is back for acceptance
    owner = Client()
    owner.force_login(citizen)
    response = owner.post(f"/banshi/query/{app.receipt_number}/supplement/",
                          {f"m_{material(item, '营业执照').pk}": png("盖章执照.png")}, **FGW)
    assert response.status_code == 302
    app.refresh_from_db()
    assert app.status == "submitted"
    assert "盖章执照.png" in _detail(officer, app)

    # 受理
    response = _act(officer, app, "accept", {"note": "材料齐全", "on": today.isoformat()})
    assert response.status_code == 302
    app.refresh_from_db()
    assert app.status == "accepted" and app.accepted_on == today and app.due_on

    # 决定: a refusal needs its ground (the typed choice stays), then 准予
    response = _act(officer, app, "decide", {"decision": "refused", "ground": ""})
    assert response.status_code == 400 and "不予许可的，应当说明理由和依据。" in response.content.decode()
    app.refresh_from_db()
    assert app.status == "accepted"
    response = _act(officer, app, "decide", {"decision": "granted", "ground": "符合《食品安全法》第三十五条"})
    assert response.status_code == 302
    app.refresh_from_db()
    assert app.status == "decided" and app.decision == "granted" and app.decided_by.username == "fgw_editor"

    # 办结: a disguised file is refused, the licence itself is served to the applicant
    response = _act(officer, app, "complete", {"title": "食品经营许可证"}, {"document": exe_as_pdf("许可证.pdf")})
    assert response.status_code == 400 and "内容与其扩展名不符" in response.content.decode()
    response = _act(officer, app, "complete", {"title": "食品经营许可证"}, {"document": pdf("许可证.pdf")})
    assert response.status_code == 302
    app.refresh_from_db()
    assert app.status == "completed" and app.completed_at
    assert [d.title for d in app.documents.all()] == ["食品经营许可证"]
    assert set(Outbox.objects.filter(reference=app.receipt_number).values_list("template", flat=True)) >= {
        "banshi.received", "banshi.correction", "banshi.supplemented", "banshi.accepted", "banshi.decided",
        "banshi.completed"}

    status_page = owner.get(f"/banshi/query/{app.receipt_number}/", **FGW).content.decode()
    assert "食品经营许可证" in status_page
    link = re.search(r'href="(/banshi/document/[^"]+/)"', status_page).group(1)
    download = owner.get(link, **FGW)
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF


def test_another_departments_officer_gets_nothing(officer, stranger, item, citizen):
    app, _code = submitted(item, citizen)
    assert app.receipt_number not in stranger.get("/admin/banjian/", **ADMIN).content.decode()
    assert stranger.get(f"/admin/banjian/{app.pk}/", **ADMIN).status_code == 404
    row = app.materials.first()
    assert stranger.get(f"/admin/banjian/{app.pk}/material/{row.pk}/", **ADMIN).status_code == 404
    for action, data in (("accept", {"on": date.today().isoformat()}), ("reject", {"reason": "不属于本机关"}),
                         ("ask_correction", {"items": "全部", "on": date.today().isoformat()})):
        assert _act(stranger, app, action, data).status_code in (403, 404)
    app.refresh_from_db()
    assert app.status == "submitted" and [e.action for e in history(app)] == ["submit"]
    # the department's own officer downloads the same file
    assert officer.get(f"/admin/banjian/{app.pk}/material/{row.pk}/", **ADMIN).status_code == 200


def test_without_the_second_factor_or_as_a_citizen_the_pages_stay_shut(item, citizen, demo_user):
    app, _code = submitted(item, citizen)
    half = Client()  # password only: django.test.Client skips no step
    half.force_login(demo_user("fgw_editor"))
    response = half.get(f"/admin/banjian/{app.pk}/", **ADMIN)
    assert response.status_code == 302 and app.receipt_number not in response.content.decode()
    applicant = Client()
    applicant.force_login(citizen)
    response = applicant.get(f"/admin/banjian/{app.pk}/", **ADMIN)
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert LicenceApplication.objects.get(pk=app.pk).status == "submitted"
