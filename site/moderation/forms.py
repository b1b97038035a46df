from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Category


class ImportForm(forms.Form):
    words = forms.CharField(
        label=_("敏感词"), widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_("每行一个词；已在词表中的词（含繁体、全角等写法）不会重复添加。"),
    )
    category = forms.ChoiceField(label=_("类别"), choices=Category.choices, initial=Category.OTHER)
    note = forms.CharField(label=_("备注"), max_length=300, required=False)
