"""Published pages as static files (静态发布) and their tamper guard (网页防篡改)."""
from django.apps import AppConfig


class StaticpubConfig(AppConfig):
    name = "staticpub"
    verbose_name = "静态发布"

    def ready(self):
        from . import signals

        signals.connect()

        from django.utils.translation import gettext_lazy as _

        from notify.registry import register

        register(
            "staticpub.tampered",
            subject=_("网站页面被篡改并已恢复"),
            body=_("网站 %(host)s 的静态页面在发布流程之外被改动，已按数据库内容恢复：%(changes)s"),
        )
