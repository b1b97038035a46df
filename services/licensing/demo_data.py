"""Demo applications in every state: 待受理, 补正中 (in time), 已受理, 审查中,
特别程序 (专家评审), 已决定, 已办结 (with a generated licence), 不予受理, 已撤回,
and one overdue (accepted long ago, red in the supervisors' view).

Every demo application's query code is 260928. The finished one has a fixed
receipt number (``FINISHED_RECEIPT``) for the ratings demo (services/feedback)
to rate poorly. Re-runnable: each application is found again by its receipt number."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from casefile import references
from casefile import service as casefile

from . import service
from .constants import RECEIPT_PREFIX
from .models import ApplicationDraft, DraftMaterial, LicenceApplication

DEMO_CODE = "260928"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
FINISHED_DAY = date(2026, 3, 2)


def demo_number(tag: str, day: date) -> str:
    """A well-formed receipt number that is the same on every load."""
    digest = hashlib.sha256(tag.encode()).digest()
    random_part = "".join(references.ALPHABET[b % len(references.ALPHABET)] for b in digest[: references.RANDOM_LENGTH])
    digits = f"{day:%Y%m%d}"
    return f"{RECEIPT_PREFIX}{digits}-{random_part}{references._check_char(digits, random_part)}"


FINISHED_RECEIPT = demo_number("finished", FINISHED_DAY)

PEOPLE = [
    dict(applicant_kind="natural", name="赵丽娜", id_type="resident_id", id_number="150102199002140028",
         phone="13947100009", email="zhaolina@example.com", address="敕勒川市新城区锡林路8号"),
    dict(applicant_kind="legal", org_name="敕勒川市草原鲜乳业有限公司", credit_code="91150100MA0N3P6X1T",
         legal_representative="王海涛", contact_person="刘芳", phone="13947100010", email="liufang@example.com"),
]


def _back(days: int) -> date:
    return timezone.localdate() - timedelta(days=days)


def _account(phone: str):
    try:
        from accounts.models import Account
    except ImportError:
        return None
    account = Account.objects.filter(phone=phone).select_related("user").first()
    return account.user if account else None


def _items():
    from services.models import ServiceItemPage

    return list(ServiceItemPage.objects.live().filter(online_apply=True, locale__language_code="zh-hans")
                .prefetch_related("materials").order_by("pk"))


def _file(app_item, person, *, tag: str, day: date) -> LicenceApplication | None:
    number = demo_number(tag, day)
    # found again by the random part (the date part follows the day it was loaded on)
    if LicenceApplication.objects.filter(receipt_number__contains=number[len(RECEIPT_PREFIX) + 8:]).exists():
        return None
    account = _account(person["phone"]) or get_user_model().objects.filter(is_superuser=True).first()
    draft = ApplicationDraft.objects.create(account=account, item=app_item, data={})
    for material in app_item.materials.all()[:3]:
        row = DraftMaterial(draft=draft, material=material, material_name=material.name,
                            original_name=f"{material.name}.pdf", file_type="PDF", size=len(PDF))
        row.file.save("demo.pdf", ContentFile(PDF), save=False)
        row.save()
    receipt = service.submit_application(
        account=account, item=app_item, applicant=person, draft=draft, site=None, language="zh-hans", today=day,
        form_data={f.key: {"label": f.label, "value": "（演示）"} for f in app_item.form_fields.all()},
    )
    app = receipt.application
    # every demo application answers to the same query code, and keeps its fixed number
    LicenceApplication.objects.filter(pk=app.pk).update(
        receipt_number=number, query_code_hash=casefile.hash_query_code(number, DEMO_CODE))
    app.refresh_from_db()
    return app


def build(stdout=None) -> None:
    items = _items()
    if not items:
        return
    admin = get_user_model().objects.filter(is_superuser=True).first()
    if admin is None:
        return
    made = 0

    def item(n):
        return items[n % len(items)]

    def person(n):
        return PEOPLE[n % len(PEOPLE)]

    with transaction.atomic():
        # 待受理: arrived today
        if _file(item(0), person(0), tag="submitted", day=timezone.localdate()):
            made += 1
        # 补正中: asked in time, the applicant has until the period ends
        if app := _file(item(1), person(1), tag="correction", day=_back(3)):
            service.ask_correction(app, user=admin, items=["营业执照副本（加盖公章）", "经营场所使用证明"],
                                   note="请上传清晰的扫描件。", on=_back(2))
            made += 1
        # 已受理 and 审查中
        if app := _file(item(2), person(0), tag="accepted", day=_back(6)):
            service.accept(app, user=admin, on=_back(5))
            made += 1
        if app := _file(item(3), person(1), tag="reviewing", day=_back(10)):
            service.accept(app, user=admin, on=_back(9))
            service.review(app, user=admin, note="材料齐全，进入实质审查。")
            made += 1
        # 特别程序: 专家评审, its length told to the applicant
        if app := _file(item(4), person(0), tag="special", day=_back(14)):
            service.accept(app, user=admin, on=_back(13))
            service.review(app, user=admin)
            service.start_special(app, user=admin, procedure="expert_review", days=15, on=_back(6),
                                  note="组织专家对生产工艺进行评审。")
            made += 1
        # overdue: accepted about two months ago, still not decided (red)
        if app := _file(item(5), person(1), tag="overdue", day=_back(62)):
            service.accept(app, user=admin, on=_back(61))
            service.review(app, user=admin)
            made += 1
        # 已决定 (granted), waiting to be served
        if app := _file(item(6), person(0), tag="decided", day=_back(20)):
            service.accept(app, user=admin, on=_back(19))
            service.decide(app, user=admin, decision="granted", ground="申请材料齐全，符合法定条件。", on=_back(2))
            made += 1
        # 已办结 with a generated licence (the ratings demo rates this one)
        if app := _file(item(7), person(0), tag="finished", day=FINISHED_DAY):
            service.accept(app, user=admin, on=FINISHED_DAY + timedelta(days=1))
            service.review(app, user=admin)
            service.decide(app, user=admin, decision="granted", ground="申请材料齐全，符合法定条件。",
                           on=FINISHED_DAY + timedelta(days=14))
            service.complete(app, user=admin, generate=True)
            made += 1
        # 不予受理 and 已撤回
        if app := _file(item(8), person(1), tag="rejected", day=_back(30)):
            service.reject(app, user=admin, reason="申请事项依法不需要取得行政许可。")
            made += 1
        if app := _file(item(9), person(0), tag="withdrawn", day=_back(12)):
            service.accept(app, user=admin, on=_back(11))
            service.withdraw(app, reason="经营计划调整，暂不申请。")
            made += 1
    if stdout:
        stdout.write(
            f"licensing demo: {made} new applications in every state; finished {FINISHED_RECEIPT}, overdue "
            f"{demo_number('overdue', _back(62))} (query code {DEMO_CODE}) at http://www.localhost:8000/banshi/query/"
        )
