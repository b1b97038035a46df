"""The item's own rules: time limits, codes, fees and the links other apps use."""
import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from services.models import FieldType, ServiceFormField, ServiceItemPage

from .factories import ServiceItemFactory, publish_under


def test_promised_limit_may_not_exceed_the_statutory_one(market):
    item = ServiceItemFactory.build(organisation=market, statutory_limit=20, promised_limit=25)
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert "承诺时限（25个工作日）不得超过法定时限（20个工作日）" in str(error.value.message_dict["promised_limit"])


def test_the_database_refuses_a_longer_promise_too(portal_catalogue, market):
    item = publish_under(portal_catalogue, market)
    # an import or a bulk update that skips the form's validation
    with pytest.raises(IntegrityError), transaction.atomic():
        ServiceItemPage.objects.filter(pk=item.pk).update(promised_limit=item.statutory_limit + 1)


def test_limit_days_is_the_promise_else_the_statute(market):
    assert ServiceItemFactory.build(organisation=market, statutory_limit=20, promised_limit=7).limit_days() == 7
    assert ServiceItemFactory.build(organisation=market, statutory_limit=20, promised_limit=None).limit_days() == 20


def test_item_code_is_unique_within_a_language_but_shared_by_translations(portal_catalogue, food_item, market):
    twin = ServiceItemFactory.build(organisation=market, item_code=food_item.item_code, locale=food_item.locale)
    with pytest.raises(ValidationError) as error:
        twin.full_clean(exclude=["path", "depth"])
    assert "item_code" in error.value.message_dict
    english = ServiceItemPage.objects.get(item_code=food_item.item_code, locale__language_code="en")
    english.full_clean()  # the translation keeps the code without a complaint


def test_a_fee_needs_its_standard(market):
    item = ServiceItemFactory.build(organisation=market, free=False, fee="")
    with pytest.raises(ValidationError) as error:
        item.full_clean(exclude=["path", "depth"])
    assert "fee" in error.value.message_dict


def test_a_choice_field_needs_choices():
    field = ServiceFormField(key="scope", label="经营项目", field_type=FieldType.CHOICE, choices="\n  \n")
    with pytest.raises(ValidationError):
        field.clean()
    field.choices = "热食类\n冷食类\n"
    field.clean()
    assert field.choice_list() == ["热食类", "冷食类"]


def test_apply_url_only_for_items_applied_for_online(food_item, market):
    offline = ServiceItemFactory.build(organisation=market, online_apply=False)
    offline.pk = food_item.pk
    assert offline.apply_url() == ""
    url = food_item.apply_url()
    # the licensing app's form, once it exists; never an exception before that
    assert url == "" or str(food_item.pk) in url
