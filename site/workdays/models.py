"""The official working-day calendar: which years are known, and their exceptions.

A date is a working day when it is Monday–Friday, unless the State Council's
schedule for its year makes it a holiday (法定节假日休息), or when it is a
Saturday/Sunday that the schedule makes a working day (调休上班日). A year counts
as known only once its whole schedule has been entered (``complete``).
"""
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel


class CalendarYearForm(WagtailAdminModelForm):
    """Checks that every day entered inline lies in the year being edited."""

    def clean(self):
        cleaned = super().clean()
        year = cleaned.get("year")
        formset = self.formsets.get("days")
        if year and formset is not None:
            formset.is_valid()  # clean the day forms first
            for form in formset.forms:
                data = getattr(form, "cleaned_data", None) or {}
                day = data.get("date")
                if day and not data.get("DELETE") and day.year != year:
                    form.add_error("date", _("日期不在 %(year)s 年内。") % {"year": year})
        return cleaned


class CalendarYear(ClusterableModel):
    year = models.PositiveSmallIntegerField(_("年份"), unique=True)
    complete = models.BooleanField(
        _("全年安排已录入"),
        default=False,
        help_text=_("勾选后，该年的工作日计算才会生效；未勾选的年份一律视为“日历未知”。"),
    )
    source = models.CharField(_("来源"), max_length=255, blank=True, help_text=_("如：国务院办公厅关于2027年部分节假日安排的通知"))
    notes = models.TextField(_("备注"), blank=True)

    base_form_class = CalendarYearForm

    panels = [
        MultiFieldPanel([FieldPanel("year"), FieldPanel("complete"), FieldPanel("source"), FieldPanel("notes")], heading=_("年度")),
        InlinePanel("days", heading=_("节假日与调休上班日"), label=_("日期")),
    ]

    class Meta:
        ordering = ["-year"]
        verbose_name = _("日历年度")
        verbose_name_plural = _("日历年度")

    def __str__(self) -> str:
        return f"{self.year}"


class CalendarDay(models.Model):
    class Kind(models.TextChoices):
        HOLIDAY = "holiday", _("法定节假日休息")
        WORKDAY = "workday", _("调休上班日")

    calendar_year = ParentalKey(CalendarYear, on_delete=models.CASCADE, related_name="days", verbose_name=_("年度"))
    date = models.DateField(_("日期"), unique=True)
    kind = models.CharField(_("类型"), max_length=16, choices=Kind.choices)
    name = models.CharField(_("名称"), max_length=64, blank=True, help_text=_("如：春节、国庆节"))

    panels = [FieldPanel("date"), FieldPanel("kind"), FieldPanel("name")]

    class Meta:
        ordering = ["date"]
        verbose_name = _("日历日期")
        verbose_name_plural = _("日历日期")

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.get_kind_display()} {self.name}".strip()

    def clean(self) -> None:
        super().clean()
        try:
            parent = self.calendar_year
        except CalendarYear.DoesNotExist:
            parent = None
        if parent is not None and parent.year and self.date and self.date.year != parent.year:
            raise ValidationError({"date": _("日期不在 %(year)s 年内。") % {"year": parent.year}})
