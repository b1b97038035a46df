"""Codes shared by the model, the forms and the annual statistics (table 三 of
the State Council's 2021 annual-report template). Keep the codes: the annual
report helper relies on them."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from casefile.models import IdType  # noqa: F401  (the kernel's; re-exported for the forms)
from workdays.service import ExtensionRule, Limit, Unit


class ApplicantKind(models.TextChoices):
    NATURAL = "natural", _("自然人")
    COMMERCIAL = "commercial", _("商业企业")
    RESEARCH = "research", _("科研机构")
    PUBLIC_INTEREST = "public_interest", _("社会公益组织")
    LEGAL_SERVICES = "legal_services", _("法律服务机构")
    OTHER_ORG = "other_org", _("其他")


class Outcome(models.TextChoices):
    GRANT = "grant", _("予以公开")
    PARTIAL = "partial", _("部分公开")
    REFUSE_SECRET = "refuse_secret", _("不予公开：属于国家秘密")
    REFUSE_LAW = "refuse_law", _("不予公开：其他法律行政法规禁止公开")
    REFUSE_SECURITY = "refuse_security", _("不予公开：危及“三安全一稳定”")
    REFUSE_THIRD_PARTY = "refuse_third_party", _("不予公开：保护第三方合法权益")
    REFUSE_INTERNAL = "refuse_internal", _("不予公开：属于三类内部事务信息")
    REFUSE_PROCESS = "refuse_process", _("不予公开：属于四类过程性信息")
    REFUSE_ENFORCEMENT = "refuse_enforcement", _("不予公开：属于行政执法案卷")
    REFUSE_QUERY = "refuse_query", _("不予公开：属于行政查询事项")
    UNABLE_NOT_HELD = "unable_not_held", _("无法提供：本机关不掌握相关政府信息")
    UNABLE_NOT_EXISTING = "unable_not_existing", _("无法提供：没有现成信息需要另行制作")
    UNABLE_UNCLEAR = "unable_unclear", _("无法提供：补正后申请内容仍不明确")
    NOTHANDLED_PETITION = "nothandled_petition", _("不予处理：信访举报投诉类申请")
    NOTHANDLED_REPEAT = "nothandled_repeat", _("不予处理：重复申请")
    NOTHANDLED_PUBLICATION = "nothandled_publication", _("不予处理：要求提供公开出版物")
    NOTHANDLED_MASSIVE = "nothandled_massive", _("不予处理：无正当理由大量反复申请")
    NOTHANDLED_CONFIRM = "nothandled_confirm", _("不予处理：要求行政机关确认或重新出具已获取信息")
    OTHER_NO_CORRECTION = "other_no_correction", _("其他处理：申请人无正当理由逾期不补正")
    OTHER_NO_FEE = "other_no_fee", _("其他处理：申请人逾期未按收费通知要求缴纳费用")
    OTHER_OTHER = "other_other", _("其他处理：其他")


# Outcomes that end a request by 终止 (closing) rather than by an answer on the merits.
CLOSING_OUTCOMES = {Outcome.OTHER_NO_CORRECTION, Outcome.OTHER_NO_FEE, Outcome.OTHER_OTHER}
ANSWER_OUTCOMES = [o for o in Outcome if o not in CLOSING_OUTCOMES]


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("已提交")
    ACCEPTED = "accepted", _("办理中")
    CORRECTION = "correction", _("补正中")
    CONSULTING = "consulting", _("征求意见中")
    ANSWERED = "answered", _("已答复")
    CLOSED = "closed", _("已终止")


OPEN_STATUSES = (Status.SUBMITTED, Status.ACCEPTED, Status.CORRECTION, Status.CONSULTING)


class PreferredForm(models.TextChoices):
    PAPER = "paper", _("纸质")
    ELECTRONIC = "electronic", _("电子文档")
    OTHER = "other", _("其他")


class Delivery(models.TextChoices):
    POST = "post", _("邮寄")
    EMAIL = "email", _("电子邮件")
    PICKUP = "pickup", _("当面领取")
    ONLINE = "online", _("网上查阅")


LIMIT_DAYS = 20  # 条例第三十三条: 20 working days
MAX_EXTENSION_DAYS = 20  # one extension of at most 20 working days
RECEIPT_PREFIX = "YSQ"

# The statute's limits as data (all in working days).
ANSWER_LIMIT = Limit(LIMIT_DAYS, Unit.WORKING, "《政府信息公开条例》第三十三条第二款")
EXTENSION_RULE = ExtensionRule(max_count=1, max_days=MAX_EXTENSION_DAYS, basis="《政府信息公开条例》第三十三条第二款")


class StopReason(models.TextChoices):
    """Why the clock stops. 补正 interrupts it (the 20 days run afresh,
    第三十条); consultations suspend it (the time "不计算在前款规定的期限内",
    第三十三条第三款) and have 15 working days of their own."""

    CORRECTION = "correction", _("补正")
    THIRD_PARTY = "third_party", _("征求第三方意见")
    OTHER_AGENCY = "other_agency", _("征求其他机关意见")


STOP_LIMITS = {
    StopReason.CORRECTION.value: None,
    StopReason.THIRD_PARTY.value: Limit(15, Unit.WORKING, "《政府信息公开条例》第三十二条"),
    StopReason.OTHER_AGENCY.value: Limit(15, Unit.WORKING, "《政府信息公开条例》第三十四条"),
}
# The 补正 period the officer gives the applicant ("合理的补正期限", 第三十条), by default.
CORRECTION_PERIOD = Limit(15, Unit.WORKING, "《政府信息公开条例》第三十条")
