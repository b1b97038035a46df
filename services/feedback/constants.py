"""Codes of 好差评 (the national rating of government services, 国办发〔2019〕51号):
five levels, the channels a rating comes through, the outcomes of a call-back."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.IntegerChoices):
    """The national five-level scale; 5 is the best."""

    VERY_SATISFIED = 5, _("非常满意")
    SATISFIED = 4, _("满意")
    BASIC = 3, _("基本满意")
    UNSATISFIED = 2, _("不满意")
    VERY_UNSATISFIED = 1, _("非常不满意")


# 差评: a rating of 1 or 2 opens a follow-up (差评整改); the rest count as 好评
POOR_LEVELS = (Level.UNSATISFIED, Level.VERY_UNSATISFIED)
GOOD_LEVELS = (Level.VERY_SATISFIED, Level.SATISFIED, Level.BASIC)
# best first, as the national forms list them
LEVELS = [Level.VERY_SATISFIED, Level.SATISFIED, Level.BASIC, Level.UNSATISFIED, Level.VERY_UNSATISFIED]


class Channel(models.TextChoices):
    WEB = "web", _("网站")
    ACCOUNT = "account", _("个人账户")
    SMS = "sms", _("短信邀请")
    WINDOW = "window", _("服务窗口")
    HOTLINE = "hotline", _("12345热线")


class CallbackOutcome(models.TextChoices):
    """What the applicant said when the department called back (回访)."""

    SATISFIED = "satisfied", _("满意")
    BASIC = "basic", _("基本满意")
    UNSATISFIED = "unsatisfied", _("仍不满意")
    UNREACHABLE = "unreachable", _("未能联系上")


COMMENT_MAX_LENGTH = 500
