"""Officers' date inputs must carry ISO values: <input type="date"> drops 2026/12/01."""
import re

import pytest
from django.utils import timezone

from disclosure.applications.constants import Status
from disclosure.applications.models import DisclosureRequest

pytestmark = pytest.mark.django_db


def test_officer_case_page_prefills_dates_in_iso_under_chinese(client, demo_user):
    req = DisclosureRequest.objects.filter(organisation__code="11150100MB0000102B", status=Status.SUBMITTED).first()
    client.force_login(demo_user("fgw_editor"))
    html = client.get(f"/admin/yisqgk/{req.pk}/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert 'lang="zh-hans"' in html or "告知补正日期" in html  # the Chinese admin
    values = re.findall(r'<input type="date" name="[\w-]+" value="([^"]*)"', html)
    assert values, "no pre-filled date input on an open request"
    assert set(values) == {timezone.localdate().isoformat()}
