import json
from pathlib import Path

from django.conf import settings

from notify.service import send_sms


def test_default_sms_backend_writes_the_template_rendered_in_the_recipients_language():
    message_id = send_sms(phone="13800000000", template="tests.code", params={"number": "A1B2C3", "code": "123456"})
    [path] = [p for p in Path(settings.SMS_FILE_PATH).glob("*.json") if message_id in p.name]
    record = json.loads(path.read_text(encoding="utf-8"))
    assert record["to"] == "13800000000"
    assert record["template"] == "tests.code" and record["params"] == {"number": "A1B2C3", "code": "123456"}
    assert record["text"] == "编号 A1B2C3，验证码 123456"
    english = send_sms(phone="13800000000", template="tests.search", params={}, language="en")
    [path] = [p for p in Path(settings.SMS_FILE_PATH).glob("*.json") if english in p.name]
    assert json.loads(path.read_text(encoding="utf-8"))["text"] == "Search"


def test_the_gateway_gets_its_own_template_code(settings):
    from notify import registry

    settings.SMS_TEMPLATE_CODES = {"tests.code": "SMS_100200300", "tests.code:en": "SMS_100200301"}
    assert registry.sms_code("tests.code", "zh-hans") == "SMS_100200300"
    assert registry.sms_code("tests.code", "en") == "SMS_100200301"
    message_id = send_sms(phone="13800000000", template="tests.code", params={"number": "N1", "code": "654321"})
    [path] = [p for p in Path(settings.SMS_FILE_PATH).glob("*.json") if message_id in p.name]
    record = json.loads(path.read_text(encoding="utf-8"))
    assert record["template"] == "SMS_100200300" and record["text"] == "编号 N1，验证码 654321"


def test_console_backend_prints_the_rendered_text(settings, capsys):
    settings.SMS_BACKEND = "notify.backends.ConsoleSMSBackend"
    assert send_sms(phone="13800000000", template="tests.code", params={"number": "C1", "code": "777777"})
    assert "SMS to 13800000000: 编号 C1，验证码 777777" in capsys.readouterr().out
