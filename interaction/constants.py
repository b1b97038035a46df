"""Codes and statutory limits of letters (信件) and petitions (网上信访).

Units: the 信访工作条例 counts in 日 — calendar days (Unit.CALENDAR) — for
every petition limit below; a mailbox's reply limit is set by the city in
working days (Unit.WORKING, Mailbox.reply_limit)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from workdays.service import ExtensionRule, Limit, Unit

RECEIPT_PREFIX = "XJ"


class Kind(models.TextChoices):
    CONSULT = "consult", _("咨询")
    SUGGEST = "suggest", _("建议")
    COMPLAIN = "complain", _("投诉")
    HELP = "help", _("求助")
    PETITION = "petition", _("信访事项")
    REPORT = "report", _("检举控告")


class MailboxKind(models.TextChoices):
    LEADER = "leader", _("领导信箱")
    DEPARTMENT = "department", _("部门信箱")
    PLATFORM = "platform", _("平台统一受理")


class Stage(models.TextChoices):
    """A petition's round: the first request, then 复查, then 复核 (the last)."""

    FIRST = "first", _("信访事项")
    REVIEW = "review", _("复查")
    RECHECK = "recheck", _("复核")


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("待分办")
    HANDLING = "handling", _("办理中")
    DRAFTED = "drafted", _("答复待审核")
    ANSWERED = "answered", _("已答复")
    NOT_ACCEPTED = "not_accepted", _("不予受理")


class Rating(models.TextChoices):
    SATISFIED = "satisfied", _("满意")
    MOSTLY = "mostly", _("基本满意")
    UNSATISFIED = "unsatisfied", _("不满意")


class Publication(models.TextChoices):
    NONE = "", _("不选登")
    PENDING = "pending", _("待审核脱敏文本")
    PUBLISHED = "published", _("已选登")
    WITHDRAWN = "withdrawn", _("已撤下")


# -- limits (信访工作条例, 2022) — calendar days ----------------------------------------
ACCEPT_LIMIT = Limit(15, Unit.CALENDAR, "《信访工作条例》第二十二条、第二十三条")
CONCLUDE_LIMIT = Limit(60, Unit.CALENDAR, "《信访工作条例》第三十四条")
EXTENSION_RULE = ExtensionRule(max_count=1, max_days=30, basis="《信访工作条例》第三十四条")
REVIEW_REQUEST_WINDOW = Limit(30, Unit.CALENDAR, "《信访工作条例》第三十五条")
REVIEW_LIMIT = Limit(30, Unit.CALENDAR, "《信访工作条例》第三十五条")
RECHECK_REQUEST_WINDOW = Limit(30, Unit.CALENDAR, "《信访工作条例》第三十六条")
RECHECK_LIMIT = Limit(30, Unit.CALENDAR, "《信访工作条例》第三十六条")
# -- mailbox letters: the city's own limit, in working days ------------------------
DEFAULT_REPLY_DAYS = 10
MAILBOX_BASIS = "本市政府网站信箱办理规定"


def mailbox_limit(days: int) -> Limit:
    return Limit(days, Unit.WORKING, MAILBOX_BASIS)


# A valid message unanswered for more than three months fails the national
# site survey outright (政府网站与政务新媒体检查指标, 单项否决).
SURVEY_FAIL_MONTHS = 3

CONTENT_MAX = 5000
SUBJECT_MAX = 100
ATTACHMENT_TYPES = {"pdf", "doc", "docx", "wps", "jpg", "jpeg", "png", "ofd", "txt"}
ATTACHMENT_MAX_SIZE = 10 * 1024 * 1024
ATTACHMENT_MAX_COUNT = 5
