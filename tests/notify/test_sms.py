import json
from pathlib import Path

from django.conf import settings

from notify.service import send_sms


def test_default_sms_backend_writes_a_file_in_the_data_folder():
    message_id = send_sms(phone="13800000000", text="您的申请已受理，受理编号 A1B2C3。")
    [path] = [p for p in Path(settings.SMS_FILE_PATH).glob("*.json") if message_id in p.name]
    record = json.loads(path.read_text(encoding="utf-8"))
    assert record["to"] == "13800000000"
    assert record["text"] == "您的申请已受理，受理编号 A1B2C3。"
