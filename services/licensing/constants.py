"""Codes of online licensing applications (行政许可法). Keep the codes: the
ratings, supervision and statistics (services/feedback) read them.

Every limit here is in working days: 行政许可法 第八十二条 ("本法规定的行政机关
实施行政许可的期限以工作日计算，不含法定节假日").
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from workdays.service import ExtensionRule, Limit, Unit

RECEIPT_PREFIX = "XK"  # 行政许可 receipts: XK20260928-…


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("待受理")
    CORRECTION = "correction", _("补正中")
    ACCEPTED = "accepted", _("已受理")
    REVIEWING = "reviewing", _("审查中")
    SPECIAL = "special", _("特别程序中")
    DECIDED = "decided", _("已决定")
    COMPLETED = "completed", _("已办结")
    REJECTED = "rejected", _("不予受理")
    WITHDRAWN = "withdrawn", _("已撤回")
    TERMINATED = "terminated", _("已终止")


OPEN_STATUSES = (
    Status.SUBMITTED, Status.CORRECTION, Status.ACCEPTED, Status.REVIEWING, Status.SPECIAL, Status.DECIDED,
)
FINAL_STATUSES = (Status.COMPLETED, Status.REJECTED, Status.WITHDRAWN, Status.TERMINATED)
# the case has been accepted (the decision clock runs, or ran)
ACCEPTED_STATUSES = (Status.ACCEPTED, Status.REVIEWING, Status.SPECIAL, Status.DECIDED, Status.COMPLETED)


class Decision(models.TextChoices):
    GRANTED = "granted", _("准予许可")
    REFUSED = "refused", _("不予许可")


class StopReason(models.TextChoices):
    """Why the clock stops. 补正 before acceptance interrupts the 5-day
    acceptance clock (it runs afresh once the materials are complete); a late
    补正 notice suspends the decision clock (the case already counts as
    accepted, 第三十二条). The special procedures of 第四十五条 suspend the
    decision clock ("所需时间不计算在本节规定的期限内"), each for the length
    the body tells the applicant."""

    CORRECTION = "correction", _("补正")
    HEARING = "hearing", _("听证")
    TENDER = "tender", _("招标")
    AUCTION = "auction", _("拍卖")
    INSPECTION = "inspection", _("检验")
    TESTING = "testing", _("检测")
    QUARANTINE = "quarantine", _("检疫")
    APPRAISAL = "appraisal", _("鉴定")
    EXPERT_REVIEW = "expert_review", _("专家评审")


SPECIAL_PROCEDURES = [r for r in StopReason if r != StopReason.CORRECTION]


class DocumentKind(models.TextChoices):
    LICENCE = "licence", _("行政许可证件")
    DECISION = "decision", _("决定书")
    OTHER = "other", _("其他文书")


class MaterialKind(models.TextChoices):
    """An uploaded file answers a listed material, or is an extra one."""

    LISTED = "listed", _("申请材料")
    EXTRA = "extra", _("其他材料")


# -- the statute's limits, as data (working days, 第八十二条) --------------------------
# 受理/不予受理/补正 within 5 working days of receiving the application (第三十二条)
ACCEPTANCE_LIMIT = Limit(5, Unit.WORKING, "《行政许可法》第三十二条")
# a decision within 20 working days of acceptance (第四十二条), unless the item promises less
DECISION_DAYS = 20
DECISION_LIMIT = Limit(DECISION_DAYS, Unit.WORKING, "《行政许可法》第四十二条")
# one extension of 10 working days, approved by the head of the body (第四十二条)
EXTENSION_DAYS = 10
EXTENSION_RULE = ExtensionRule(max_count=1, max_days=EXTENSION_DAYS, basis="《行政许可法》第四十二条")
EXTENSION_PERMISSION = "licensing.approve_extension"
# the licence issued and served within 10 working days of the decision (第四十四条)
ISSUE_LIMIT = Limit(10, Unit.WORKING, "《行政许可法》第四十四条")
# the 补正 period the officer gives the applicant by default: not statutory (the
# Act sets none), a local practice the officer may change per case
CORRECTION_PERIOD = Limit(15, Unit.WORKING, "")
# special procedures have the length the body states per case (第四十五条)
STOP_LIMITS: dict[str, Limit | None] = {r.value: None for r in StopReason}

# the applicant's remedies told with every refusal (第三十八条; 行政复议法 第二十条, 行政诉讼法 第四十六条)
REMEDIES = _(
    "如不服本决定，可以自收到本决定之日起六十日内依法申请行政复议，"
    "或者自收到本决定之日起六个月内依法向人民法院提起行政诉讼。"
)

# what an applicant may upload per material (when the item gives no accept list), and how big
DEFAULT_ACCEPT = "pdf,jpg,png"
MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# (archives that inflate too far are refused by formguard.uploads.check_upload)
