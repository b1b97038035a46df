from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _

from formguard.abuse import CaptchaFormMixin
from formguard.guard import GuardedFormMixin
from interaction.consultations.citizen import PhoneConfirmationFields

from .service import TEXT_MAX, _options


def field_name(block) -> str:
    return f"q_{block.id}"


class SurveyForm(PhoneConfirmationFields, CaptchaFormMixin, GuardedFormMixin, forms.Form):
    """The questionnaire, one field per question of the page's builder."""

    def __init__(self, *args, survey=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.blocks = list(survey.questions) if survey is not None else []
        questions = {}
        for block in self.blocks:
            value, kind = block.value, block.block_type
            required = bool(value.get("required"))
            messages = {"required": _("请回答此题。")}
            if kind == "free_text":
                field = forms.CharField(label=value["question"], required=required, max_length=TEXT_MAX,
                                        widget=forms.Textarea(attrs={"rows": 4, "maxlength": TEXT_MAX}),
                                        error_messages=messages)
            else:
                options = _options(block)
                start = 1 if kind == "rating" else 0
                choices = [(str(i + start), label) for i, label in enumerate(options)]
                if kind == "multiple_choice":
                    field = forms.MultipleChoiceField(label=value["question"], required=required, choices=choices,
                                                      widget=forms.CheckboxSelectMultiple, error_messages=messages)
                else:
                    field = forms.ChoiceField(label=value["question"], required=required, choices=choices,
                                              widget=forms.RadioSelect, error_messages=messages)
            questions[field_name(block)] = field
        # the questions first, in the builder's order
        self.fields = {**questions, **self.fields}

    def question_fields(self):
        return [self[field_name(b)] for b in self.blocks]

    def answers(self) -> dict:
        out = {}
        for block in self.blocks:
            value = self.cleaned_data.get(field_name(block))
            if value not in (None, "", []):
                out[block.id] = value
        return out
