"""Every date/datetime input of every form renders its value as the ISO string the
browser's picker needs, whatever the language's display format."""
import datetime
import importlib

import pytest
from django import forms
from django.utils import translation

FORM_MODULES = [
    "disclosure.applications.forms", "services.licensing.forms", "services.feedback.forms",
    "interaction.forms", "interaction.consultations.forms", "interaction.surveys.forms",
    "accounts.forms", "moderation.forms", "cluster.admin_views", "cluster.withdraw_views",
]
ISO = {"date": "2026-12-01", "datetime-local": "2026-12-01T09:30"}


def _picker_widgets():
    for name in FORM_MODULES:
        module = importlib.import_module(name)
        for obj in vars(module).values():
            if isinstance(obj, type) and issubclass(obj, forms.BaseForm) and obj.__module__ == name:
                for field_name, field in obj.base_fields.items():
                    if getattr(field.widget, "input_type", None) in ISO:
                        yield f"{obj.__name__}.{field_name}", field.widget


WIDGETS = list(_picker_widgets())


def test_the_project_has_date_pickers_to_check():
    assert len(WIDGETS) >= 10


@pytest.mark.parametrize("language", ["zh-hans", "en", "mn-mong"])
def test_every_date_picker_renders_iso(language):
    value = datetime.datetime(2026, 12, 1, 9, 30)
    with translation.override(language):
        wrong = {}
        for label, widget in WIDGETS:
            initial = value if widget.input_type == "datetime-local" else value.date()
            html = widget.render("x", initial)
            if f'value="{ISO[widget.input_type]}"' not in html:
                wrong[label] = html
    assert not wrong
