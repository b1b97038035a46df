"""A neutral starter list: the kinds of spam and abuse every public form gets.
Editors extend it in the admin (敏感词 → 批量导入)."""

from __future__ import annotations

from .models import Category

SEED: dict[str, list[str]] = {
    Category.ADVERTISING: ["代开发票", "加微信", "刷单", "办证", "无抵押贷款", "代写论文"],
    Category.GAMBLING: ["网络赌博", "赌博", "博彩", "六合彩", "百家乐", "赌场"],
    Category.FRAUD: ["中奖领取", "安全账户", "刷信誉"],
    Category.PORNOGRAPHY: ["色情服务", "裸聊"],
    Category.ABUSE: ["傻逼", "王八蛋", "去死"],
}
