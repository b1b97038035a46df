"""What the search keeps in the database: the synonym table editors manage
(everyday words -> official terms) and the log of popular queries."""
from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


class Synonym(index.Indexed, models.Model):
    """An everyday term and the official term(s) it stands for: a query with
    the everyday term also searches the official ones (驾照 -> 机动车驾驶证)."""

    term = models.CharField(_("日常用语"), max_length=60, unique=True,
                            help_text=_("群众常说的词，例如“驾照”。"))
    official = models.CharField(
        _("规范用语"), max_length=200,
        help_text=_("一个或几个规范用语，用“|”分隔，例如“机动车驾驶证”；同一个规范用语里的空格表示几个词都要出现。"),
    )
    active = models.BooleanField(_("启用"), default=True)
    note = models.CharField(_("备注"), max_length=200, blank=True)
    updated_at = models.DateTimeField(_("修改时间"), auto_now=True)

    search_fields = [
        index.SearchField("term"),
        index.SearchField("official"),
        index.SearchField("note"),
        index.AutocompleteField("term"),
        index.FilterField("active"),
    ]

    class Meta:
        ordering = ["term"]
        verbose_name = _("同义词")
        verbose_name_plural = _("同义词")

    def __str__(self):
        return f"{self.term} → {self.official}"

    def officials(self) -> list[str]:
        return [t.strip() for t in self.official.replace("｜", "|").split("|") if t.strip()]


class QueryLog(models.Model):
    """How often a query that found something was searched, per day: no
    person, no address, no time of day (popular queries for suggestions)."""

    day = models.DateField(_("日期"))
    query = models.CharField(_("查询词"), max_length=40)
    count = models.PositiveIntegerField(_("次数"), default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "query"], name="search_querylog_day_query")]
        indexes = [models.Index(fields=["query"])]
        verbose_name = _("热门搜索")
        verbose_name_plural = _("热门搜索")

    def __str__(self):
        return f"{self.day} {self.query} ×{self.count}"
