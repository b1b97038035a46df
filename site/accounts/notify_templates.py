"""The one-time code SMS, registered with notify at start-up (AccountsConfig.ready).
The code is a secret parameter: encrypted in the outbox until sent, then masked."""

from django.utils.translation import gettext_lazy as _

from notify.registry import register

CODE = "accounts.code"


def register_templates() -> None:
    register(
        CODE,
        subject=_("短信验证码"),
        body=_("您正在%(purpose)s，验证码 %(code)s，%(minutes)s 分钟内有效。请勿将验证码告诉他人。"),
        secret={"code"},
    )
