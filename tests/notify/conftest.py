import pytest
from django.utils.translation import gettext_lazy as _

from notify import registry


@pytest.fixture(autouse=True)
def test_templates():
    """Two templates of the tests' own: one with a secret, one translated (搜索 → Search)."""
    registry.register("tests.code", subject=_("政府信息公开申请已收到"), body="编号 %(number)s，验证码 %(code)s",
                      secret={"code"})
    registry.register("tests.search", subject=_("政府信息公开申请已收到"), body=_("搜索"))
    yield
    registry.unregister("tests.code")
    registry.unregister("tests.search")
