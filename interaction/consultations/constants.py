from django.db import models
from django.utils.translation import gettext_lazy as _

# 重大行政决策程序暂行条例 第十五条: 征求意见的期限一般不少于30日 (calendar days,
# counted with both the first and the last day); a shorter period needs a reason,
# which is shown to the public with the draft.
MIN_PERIOD_DAYS = 30
TEXT_MAX = 2000
SUBMIT_SCOPE = "yjzj-comment"
PHONE_RATE = "10/h"  # comments with one phone number, from whatever address


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("待审核")
    NEEDS_REVIEW = "needs_review", _("待人工复核（含敏感词）")
    APPROVED = "approved", _("已通过")
    REJECTED = "rejected", _("未通过")


class Adoption(models.TextChoices):
    UNDECIDED = "", _("未处理")
    ADOPTED = "adopted", _("采纳")
    PARTLY = "partly", _("部分采纳")
    NOT_ADOPTED = "not_adopted", _("未采纳")
