"""Demo requests: one per outcome family, one in 补正, one near its deadline,
one received last year and answered this year, one still open from last year,
so the annual report has numbers and a newcomer can follow one to its answer.

Re-runnable: each request is found again by its description."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from casefile import identity
from casefile import service as casefile
from cluster.models import Organisation
from workdays.service import add_days

from . import service
from .constants import CORRECTION_PERIOD, EXTENSION_RULE, RECEIPT_PREFIX, STOP_LIMITS, Status, StopReason
from .models import DisclosureRequest

DEMO_CODE = "260928"  # every demo request has this query code (demo only)
PERSON = dict(applicant_kind="natural", id_type="resident_id", phone="13947100001", address="敕勒川市新城区光明路12号")


def _at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _back(days: int) -> date:
    return timezone.localdate() - timedelta(days=days)


def _specs(year: int):
    last = year - 1
    # (org code, description, fields, received, steps); steps: (action, day, extra)
    return [
        ("11150100MB0000102B", "2026年度中央预算内投资项目清单（本市部分）", dict(PERSON, name="王建国", id_number="150102198807150012"),
         date(year, 3, 2), [("accept", date(year, 3, 3), {}), ("answer", date(year, 3, 20), {"outcome": "grant", "text": "您申请的信息已通过电子邮件提供，请查收附件。"})]),
        ("11150100MB0000102B", "光明路供热管网改造项目的可行性研究报告批复", dict(applicant_kind="commercial", org_name="敕勒川市北辰热力有限公司", credit_code="91150100MA0N3P6X1T", legal_representative="刘振华", contact_person="高敏", phone="04716661234", email="gaomin@example.com"),
         date(year, 4, 7), [("accept", date(year, 4, 8), {}), ("answer", date(year, 4, 28), {"outcome": "partial", "text": "批复文件予以公开；其中涉及商业秘密的投资测算部分不予公开。"})]),
        ("11150100MB0000102B", "某企业提交的节能审查申报材料", dict(PERSON, name="李秀兰", id_number="15010219900307002X", phone="13847100002"),
         date(year, 5, 11), [("accept", date(year, 5, 12), {}), ("answer", date(year, 6, 1), {"outcome": "refuse_third_party", "text": "所申请信息涉及第三方商业秘密，经征求意见第三方不同意公开，依据《条例》第十五条不予公开。"})]),
        ("11150100MB0000102B", "2015年以前全市粮食储备库的建设档案", dict(applicant_kind="research", org_name="敕勒川大学经济研究所", credit_code="12150100MB1A2B3C4D", legal_representative="赵文博", contact_person="孙磊", phone="13647100003", email="sunlei@example.edu.cn"),
         date(year, 6, 15), [("accept", date(year, 6, 16), {}), ("answer", date(year, 7, 3), {"outcome": "unable_not_held", "text": "经检索，本机关未制作或获取该信息，建议向市粮食和物资储备局咨询。"})]),
        ("11150100MB0000102B", "举报某小区物业乱收费，请查处", dict(PERSON, name="张伟", id_number="150102197512300031", phone="13747100004"),
         date(year, 7, 6), [("accept", date(year, 7, 7), {}), ("answer", date(year, 7, 14), {"outcome": "nothandled_petition", "text": "您的申请属于投诉举报事项，不属于政府信息公开申请，已告知通过12345热线反映。"})]),
        ("11150100MB0000102B", "关于“那个项目”的所有文件", dict(PERSON, name="欧阳明", id_number="150102199201010016", phone="13547100005"),
         date(year, 8, 3), [("ask_correction", date(year, 8, 4), {"missing": "请写明项目名称、文号或其他特征性描述。"}), ("close", date(year, 8, 31), {"outcome": "other_no_correction", "text": "申请人逾期未补正，视为放弃申请。"})]),
        ("11150100MB0000102B", "本市新能源汽车充电桩专项补贴的发放名单", dict(PERSON, name="陈静", id_number="150102198503210027", phone="13447100006", email="chenjing@example.com"),
         _back(20), [("ask_correction", _back(18), {"missing": "请说明所需名单的年度。"})]),
        ("11150100MB0000102B", "敕勒川市2026年重点项目建设计划", dict(PERSON, name="周晓东", id_number="150102199306060019", phone="13347100007"),
         _back(26), [("accept", _back(25), {})]),
        ("11150100MB0000102B", f"{last}年度市级预算执行情况中的发展改革专项资金明细", dict(applicant_kind="legal_services", org_name="内蒙古正衡律师事务所", credit_code="31150000MD0000012X", legal_representative="马志远", contact_person="吴倩", phone="04716669876"),
         date(last, 12, 22), [("accept", date(last, 12, 23), {}), ("answer", date(year, 1, 16), {"outcome": "grant", "text": "已邮寄纸质材料。"})]),
        ("11150100MB0000102B", "城南片区棚户区改造项目的立项审批全部材料", dict(applicant_kind="public_interest", org_name="敕勒川市城市发展研究会", credit_code="51150100MJ0000034Y", legal_representative="郭宏", contact_person="韩梅", phone="13247100008"),
         date(last, 12, 15), [("accept", date(last, 12, 16), {}), ("extend", date(year, 1, 9), {"days": 20, "reason": "材料涉及多个处室，需调取档案。"})]),
        ("11150100MB0000102B", "本委2026年政府信息公开工作年度报告的统计口径说明", dict(PERSON, name="刘洋", id_number="150102200001010012", phone="13147100009", email="liuyang@example.com"),
         _back(2), []),
        ("11150100MB0000203C", "2026年义务教育阶段学校招生划片范围", dict(PERSON, name="杨帆", id_number="150102198709090011", phone="13047100010"),
         date(year, 5, 20), [("accept", date(year, 5, 21), {}), ("answer", date(year, 6, 5), {"outcome": "grant", "text": "已在本局网站公开，链接已告知。"})]),
        ("11150100MB0000102B", "某热电厂扩建项目环境影响评价中的企业排放数据", dict(PERSON, name="赵敏", id_number="150102199107070024", phone="13947100012"),
         _back(12), [("accept", _back(11), {}), ("consult", _back(6), {"whom": "敕勒川市北辰热电有限公司"})]),
        ("11150100MB0000203C", "本市中小学校舍安全鉴定报告", dict(PERSON, name="黄丽", id_number="150102198111110028", phone="15947100011"),
         _back(9), [("accept", _back(8), {})]),
    ]


def _fix_id(number: str) -> str:
    """Demo ID numbers get a valid check character."""
    return identity.with_check_character(identity.RESIDENT_ID, number)


def _fix_credit(code: str) -> str:
    return identity.with_check_character("credit_code", code)


def _officer(org: Organisation):
    User = get_user_model()
    for profile in org.site_profiles.select_related("site"):
        user = User.objects.filter(username=f"{profile.site.hostname.split('.')[0]}_editor").first()
        if user:
            return user
    return User.objects.filter(is_superuser=True).first()


def _approver(org: Organisation):
    User = get_user_model()
    for profile in org.site_profiles.select_related("site"):
        user = User.objects.filter(username=f"{profile.site.hostname.split('.')[0]}_signer").first()
        if user:
            return user
    return User.objects.filter(is_superuser=True).first()


@transaction.atomic
def build(stdout=None) -> None:
    for site in Site.objects.all():
        service.grant_site_permissions(site)
    year = timezone.localdate().year
    shown = None
    for org_code, description, fields, received, steps in _specs(year):
        org = Organisation.objects.filter(code=org_code).first()
        if org is None:
            continue
        req = DisclosureRequest.objects.filter(organisation=org, description=description).first()
        if req is None:
            req = _create(org, description, dict(fields), received, steps)
        if shown is None and req.status in (Status.SUBMITTED,) and org_code == "11150100MB0000102B":
            shown = req
    if stdout is not None and shown is not None:
        stdout.write(
            f"依申请公开 demo: receipt {shown.receipt_number} query code {DEMO_CODE} "
            f"at http://fgw.localhost:{settings.CLUSTER_PUBLIC_PORT or 8000}/yisqgk/status/"
        )


def _create(org, description, fields, received, steps) -> DisclosureRequest:
    if fields.get("id_number"):
        fields["id_number"] = _fix_id(fields["id_number"])
    if fields.get("credit_code"):
        fields["credit_code"] = _fix_credit(fields["credit_code"])
    fields.setdefault("preferred_form", "electronic")
    fields.setdefault("delivery", "email" if fields.get("email") else "post")
    fields.setdefault("address", "敕勒川市新城区新华大街1号")
    site = org.site_profiles.first().site if org.site_profiles.exists() else None
    number = casefile.new_receipt_number(RECEIPT_PREFIX, day=received)
    req = DisclosureRequest(
        organisation=org, site=site, description=description, received_on=received,
        submitted_at=_at(received, 9), receipt_number=number,
        query_code_hash=casefile.hash_query_code(number, DEMO_CODE), language="zh-hans", **fields,
    )
    req.start_clock(received)
    req.save()
    casefile.record_event(req, action="submit", to_status=Status.SUBMITTED, actor_kind="applicant",
                          public_note="已收到您的申请。", at=_at(received, 9))
    officer, approver = _officer(org), _approver(org)
    # the steps are written as they happened on their days (the services act on today)
    for action, day, extra in steps:
        frm, clock = req.status, req.clock()
        req.assignee = req.assignee or officer
        if action == "accept":
            req.status = Status.ACCEPTED
            note = "申请已受理，正在办理。"
        elif action == "ask_correction":
            req.status, req.correction_request = Status.CORRECTION, extra["missing"]
            until = add_days(start=day, days=CORRECTION_PERIOD.days, unit=CORRECTION_PERIOD.unit).due or day
            clock.interrupt(day, reason=StopReason.CORRECTION, applicant_due=until)
            note = f"需要补正：{extra['missing']} 请于 {until.isoformat()} 前补正，逾期不补正视为放弃申请。"
        elif action == "consult":
            req.status, req.consultation = Status.CONSULTING, f"{day.isoformat()} 征求第三方意见：{extra['whom']}"
            clock.suspend(day, reason=StopReason.THIRD_PARTY, limit=STOP_LIMITS[StopReason.THIRD_PARTY])
            note = "正在征求第三方意见，所需时间不计入答复期限。"
        elif action == "extend":
            clock.extend(extra["days"], rule=EXTENSION_RULE, approver=approver.get_username(), approver_id=approver.pk,
                         reason=extra["reason"], on=day)
            note = f"答复期限延长 {extra['days']} 个工作日。"
        else:  # answer / close
            req.status = Status.ANSWERED if action == "answer" else Status.CLOSED
            req.outcome, req.reply_text = extra["outcome"], extra["text"]
            req.answered_at, req.answered_by = _at(day, 15), officer
            clock.end_stop(day)
            note = ("已答复：" if action == "answer" else "已终止办理：") + req.get_outcome_display()
        req.store_clock(clock)
        req.save()
        casefile.record_event(req, action=action, from_status=frm, to_status=req.status, user=officer,
                              reason=extra.get("text", extra.get("reason", "")), public_note=note, at=_at(day, 14))
    return req
