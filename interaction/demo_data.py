"""Demo mailboxes (the mayor's, the platform's and three departments') and
letters in every state: waiting to be routed (one stopped by the
sensitive-word list), being handled (one transferred, one jointly), a reply
waiting for review, answered and rated (one handled again), published with
masked text, not accepted, a 复查, and one petition long overdue — red in the
queue and listed as a site-survey failure.

Written for the project; all people, places and numbers are fictional. Every
demo letter's query code is 260928. Re-runnable: letters are found again by
their subject."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from casefile import service as casefile
from cluster.models import Organisation

from . import service
from .constants import Kind, MailboxKind, Rating
from .models import Letter, Mailbox

DEMO_CODE = "260928"
CITY, FGW, JYJ, STHJ = "11150100MB0000001A", "11150100MB0000102B", "11150100MB0000203C", "11150100MB0000304D"

MAILBOXES = [
    # key, name, English, kind, organisation, leader, title, anonymous kinds
    ("mayor", "市长信箱", "Mayor's Mailbox", MailboxKind.LEADER, CITY, "高明远", "市长",
     [Kind.SUGGEST, Kind.CONSULT]),
    ("platform", "政民互动平台（统一受理）", "Citizen Messages (routed by the platform)", MailboxKind.PLATFORM, CITY,
     "", "", [Kind.SUGGEST, Kind.REPORT]),
    ("fgw", "市发展改革委信箱", "Development and Reform Commission Mailbox", MailboxKind.DEPARTMENT, FGW, "", "",
     [Kind.REPORT]),
    ("jyj", "市教育局信箱", "Education Bureau Mailbox", MailboxKind.DEPARTMENT, JYJ, "", "", [Kind.REPORT]),
    ("sthj", "市生态环境局信箱", "Ecology and Environment Bureau Mailbox", MailboxKind.DEPARTMENT, STHJ, "", "",
     [Kind.REPORT, Kind.COMPLAIN]),
]

P = dict(applicant_kind="natural")
# mailbox, kind, subject, content, writer, publish allowed, what happens
LETTERS = [
    ("mayor", Kind.SUGGEST, "建议在昭君路增设公交站点",
     "我叫刘海燕，住在新城区昭君路88号3单元。附近新建小区入住了两千多户，最近的公交站步行要二十分钟，建议在昭君路与青城街路口增设站点。电话13947102001。",
     dict(P, name="刘海燕", phone="13947102001"), True, "published"),
    ("mayor", Kind.HELP, "老旧小区加装电梯申请进度",
     "我们楼是1998年的六层老楼，住着很多老人。去年提交了加装电梯申请，至今没有消息，想知道进度。联系人：王桂芬，身份证150102195803120024。",
     dict(P, name="王桂芬", phone="13947102002"), True, "published"),
    ("platform", Kind.COMPLAIN, "夜间施工噪音扰民",
     "光明路东段工地每天夜里十一点以后还在施工，渣土车车牌蒙A·7K321 经常闯红灯。希望有关部门管一管。",
     dict(P, name="马建军", phone="13947102003"), True, "published"),
    ("jyj", Kind.CONSULT, "小学新生入学需要准备哪些材料",
     "孩子今年九月上小学，户口在赛罕区，房子在新城区，请问应该在哪个学区报名，需要哪些材料？",
     dict(P, name="孙丽娜", phone="13947102004"), True, "answered_rated"),
    ("fgw", Kind.CONSULT, "居民阶梯电价的分档标准",
     "请问本市居民阶梯电价第二档、第三档的用电量标准是多少，冬季采暖期是否有调整？",
     dict(P, name="赵刚", phone="13947102005"), False, "answered"),
    ("sthj", Kind.COMPLAIN, "河道边有人倾倒建筑垃圾",
     "大黑河东岸靠近城南村的河滩上，最近一个月经常有人夜里倾倒建筑垃圾，已经堆了好几堆。",
     dict(P, name="郝文斌", phone="13947102006"), True, "rehandled"),
    ("mayor", Kind.SUGGEST, "冬季供暖提前开栓的建议",
     "今年十月中旬气温骤降，建议根据天气情况提前开栓，照顾家里有老人和孩子的家庭。",
     dict(P, name="陈晓红", phone="13947102007"), False, "answered_unsatisfied"),
    ("platform", Kind.HELP, "残疾人两项补贴申请咨询",
     "我父亲是二级肢体残疾，想申请残疾人生活补贴和护理补贴，不知道到哪里办理。",
     dict(P, name="杨帆", phone="13947102008"), False, "handling"),
    ("platform", Kind.COMPLAIN, "小区物业不按约定清运垃圾",
     "我们小区物业经常一周才清运一次垃圾，夏天味道很大，多次反映无果。",
     dict(P, name="李淑珍", phone="13947102009"), False, "transferred"),
    ("mayor", Kind.SUGGEST, "城区学校周边交通拥堵治理",
     "每天上学放学时段，青城二小和敕勒川实验中学门口车辆乱停，建议教育、公安交管联合治理。",
     dict(P, name="吴俊峰", phone="13947102010"), False, "joint"),
    ("jyj", Kind.COMPLAIN, "校外培训机构退费难",
     "孩子在一家校外培训机构报了一年的课，机构上了两个月就停课，至今不退费。",
     dict(P, name="周敏", phone="13947102011"), False, "drafted"),
    ("fgw", Kind.SUGGEST, "建议公开重点项目建设进度",
     "建议在网站上按季度公开市重点项目的建设进度和投资完成情况，方便群众监督。",
     dict(P, name="徐志远", phone="13947102012"), True, "drafted"),
    ("mayor", Kind.CONSULT, "退役军人优待证办理",
     "请问退役军人优待证在哪里办理，需要带什么材料？",
     dict(P, name="韩立新", phone="13947102013"), False, "submitted"),
    ("platform", Kind.SUGGEST, "增加公共充电桩",
     "新能源车越来越多，老城区的公共充电桩太少，建议在公共停车场增建。",
     {}, False, "submitted_anonymous"),
    ("platform", Kind.COMPLAIN, "有人在网上发布代办证件广告",
     "在本地论坛看到有人发布“代办各类证件”的广告，怀疑是诈骗，请有关部门核查。",
     dict(P, name="贾文静", phone="13947102015"), False, "review"),
    ("sthj", Kind.PETITION, "要求解决化工厂异味污染问题",
     "我们村紧邻工业园区，化工厂排放的异味已持续两年，多次反映没有解决，请求依法处理。",
     dict(P, name="白玉山", phone="13947102016", address="白音花旗乌兰嘎查"), False, "petition_overdue"),
    ("fgw", Kind.PETITION, "征地补偿标准执行问题",
     "我家承包地被征用，补偿款低于公布的标准，请求核查并依法补足。",
     dict(P, name="乔云飞", phone="13947102017"), False, "petition_extended"),
    ("mayor", Kind.PETITION, "拖欠农民工工资问题",
     "我们12名工人在某建筑工地干了半年，工资一直被拖欠，请求政府协调解决。",
     dict(P, name="任志强", phone="13947102018"), False, "petition_answered"),
    ("platform", Kind.PETITION, "要求为个人出具无犯罪记录证明",
     "请政府直接为我出具无犯罪记录证明。",
     dict(P, name="黄磊", phone="13947102019"), False, "not_accepted"),
    ("platform", Kind.REPORT, "检举某街道办工作人员吃拿卡要",
     "某街道办负责低保审核的工作人员，要求申请人请客送礼后才给办理。",
     dict(P, name="田娟", phone="13947102020"), False, "report"),
    ("jyj", Kind.SUGGEST, "中小学课后服务时间延长",
     "双职工家庭下班晚，建议课后服务延长到晚上六点半，并增加体育和阅读活动。",
     dict(P, name="潘丽", phone="13947102021"), True, "answered"),
    ("sthj", Kind.CONSULT, "如何查询空气质量实时数据",
     "请问在哪里能查到各监测点的空气质量实时数据？",
     dict(P, name="邓超群", phone="13947102022"), True, "published"),
]

REPLIES = {
    "建议在昭君路增设公交站点": "经市交通运输局会同公交公司实地勘察，拟于下月在昭君路与青城街路口增设“昭君路北”站，届时3路、15路公交车停靠。感谢您的建议。",
    "老旧小区加装电梯申请进度": "您所在小区的加装电梯申请已通过街道初审，正在办理规划公示，公示期满无异议后即可开工。具体进度可咨询所在街道办事处。",
    "夜间施工噪音扰民": "经城市管理综合执法局现场检查，该工地未办理夜间施工许可，已责令停止夜间施工并立案处罚；渣土车违法行为已移交公安交管部门处理。",
    "如何查询空气质量实时数据": "您可以登录市生态环境局网站“环境质量”栏目，或关注“敕勒川生态环境”公众号，查看各国控、市控监测点的实时数据。",
}
DEFAULT_REPLY = "您反映的问题已收悉。经承办单位调查核实，已按有关规定处理，具体情况如下：相关部门已安排专人跟进，如有疑问可拨打 12345 热线咨询。"


def _org(code: str) -> Organisation:
    return Organisation.objects.get(code=code)


def _mailboxes() -> dict[str, Mailbox]:
    boxes = {}
    for order, (key, name, name_en, kind, org, leader, title, anonymous) in enumerate(MAILBOXES):
        box, _created = Mailbox.objects.update_or_create(name=name, defaults=dict(
            name_en=name_en, kind=kind, organisation=_org(org), leader_name=leader, leader_title=title,
            anonymous_kinds=[str(k) for k in anonymous], sort_order=order * 10, active=True, public_listing=True,
        ))
        boxes[key] = box
    return boxes


def _back(letter: Letter, days: int) -> None:
    """Date a demo letter ``days`` back (its clock with it)."""
    day = timezone.localdate() - timedelta(days=days)
    letter.submitted_at = timezone.now() - timedelta(days=days)
    letter.received_on = day
    letter.clock_stops, letter.clock_extensions = [], []
    letter.start_clock(day, service.limit_for(letter))
    letter.save()


def build(stdout=None) -> None:
    admin = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    if admin is None:
        return
    boxes = _mailboxes()
    made = 0
    for key, kind, subject, content, writer, publish, fate in LETTERS:
        if Letter.objects.filter(subject=subject).exists():
            continue
        with transaction.atomic():
            _make(boxes[key], kind, subject, content, writer, publish, fate, admin)
        made += 1
    overdue = Letter.objects.filter(subject="要求解决化工厂异味污染问题").first()
    if stdout is not None and made:
        stdout.write(f"interaction: {made} demo letters; overdue petition {overdue.receipt_number if overdue else '-'}"
                     f" (query code {DEMO_CODE})")


def _make(box, kind, subject, content, writer, publish, fate, admin) -> None:
    receipt = service.submit_letter(
        mailbox=box, kind=kind, subject=subject, content=content, writer=writer, anonymous=not writer,
        publish_allowed=publish, language="zh-hans",
        accused_organisation=_org(CITY) if kind == Kind.REPORT else None,
    )
    letter = receipt.letter
    letter.query_code_hash = casefile.hash_query_code(letter.receipt_number, DEMO_CODE)
    letter.save(update_fields=["query_code_hash"])
    if fate == "review" and not letter.needs_review:
        Letter.objects.filter(pk=letter.pk).update(needs_review=True, review_words=["代办证件"])
    if fate.startswith("submitted") or fate == "review":
        return
    if fate == "report":
        return  # waits for routing: it accuses the city government's staff
    age = {"petition_overdue": 110, "petition_extended": 50, "petition_answered": 40}.get(fate, 12)
    _back(letter, age)
    if letter.needs_review:
        service.clear_review(letter, user=admin, note="演示：人工审核通过")
    if fate == "not_accepted":
        service.not_accept(letter, user=admin, reason="出具无犯罪记录证明属于公安机关的法定职责，请向户籍所在地派出所申请。")
        return
    departments = {"sthj": [_org(STHJ)], "fgw": [_org(FGW)], "jyj": [_org(JYJ)]}.get(
        next(k for k, b in _mailbox_keys().items() if b == box.name), [_org(FGW)])
    if fate == "joint":
        departments = [_org(JYJ), _org(CITY)]
    route_day = timezone.localdate() - timedelta(days=max(age - 2, 0))
    service.route(letter, user=admin, departments=departments, note="演示分办", on=route_day)
    if fate == "transferred":
        service.transfer(letter, user=admin, departments=[_org(STHJ)], reason="垃圾清运属于环境卫生管理，转市生态环境局办理。")
        return
    if fate in ("handling", "joint", "petition_overdue"):
        return
    if fate == "petition_extended":
        service.extend(letter, user=admin, days=30, reason="需要调取十年前的征地档案并组织现场测量。")
        return
    service.draft_reply(letter, user=admin, text=REPLIES.get(subject, DEFAULT_REPLY))
    if fate == "drafted":
        return
    service.approve_reply(letter, user=admin, publish=fate == "published" and letter.publish_allowed)
    if fate == "published":
        letter.refresh_from_db()
        service.approve_publication(letter, user=admin, subject=letter.public_subject,
                                    content=letter.public_content, reply=letter.public_reply)
    elif fate == "answered_rated":
        service.rate(letter, rating=Rating.SATISFIED)
    elif fate in ("answered_unsatisfied", "rehandled"):
        service.rate(letter, rating=Rating.UNSATISFIED)
        if fate == "rehandled":
            service.rehandle(letter, reason="答复说已清理，但现场垃圾还在，请再核实。")
    elif fate == "petition_answered":
        letter.refresh_from_db()
        review = service.request_review(letter, reason="协调后只发放了一半工资，请求复查。")
        review.letter.query_code_hash = casefile.hash_query_code(review.letter.receipt_number, DEMO_CODE)
        review.letter.save(update_fields=["query_code_hash"])


def _mailbox_keys() -> dict[str, str]:
    return {key: name for key, name, *_rest in MAILBOXES}
