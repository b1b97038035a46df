"""Demo: every demo staff user gets a TOTP device with one fixed secret (so the
README can say how to add it to an authenticator app; ``manage.py demo_totp
<user>`` prints the current code), and two citizens' accounts to sign in with
(the SMS codes land in var/sms/). Re-runnable."""

from __future__ import annotations

from base64 import b32encode
from binascii import unhexlify

from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice

from casefile import identity

from . import service
from .otp import needs_second_factor

# RFC 6238's test secret ("12345678901234567890"); demo only
DEMO_TOTP_KEY = "3132333435363738393031323334353637383930"
DEMO_TOTP_SECRET = b32encode(unhexlify(DEMO_TOTP_KEY)).decode()  # GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ
DEMO_DEVICE = "demo"
CITIZENS = [
    {"kind": "natural", "phone": "13947100009", "name": "王小明", "id_type": "resident_id",
     "id_number": identity.with_check_character(identity.RESIDENT_ID, "150102199003078030"),
     "email": "xiaoming@example.com"},
    {"kind": "legal", "phone": "13947100010", "org_name": "敕勒川市草原云数据科技有限公司",
     "credit_code": identity.with_check_character("credit_code", "91150100MA0N1C2D30"),
     "legal_representative": "李华", "email": "office@caoyuanyun.example.com"},
]


def build(stdout=None) -> None:
    User = get_user_model()
    devices = 0
    for user in User.objects.filter(is_active=True).order_by("pk"):
        if not needs_second_factor(user) or user.username.startswith("acct-"):
            continue
        _device, created = TOTPDevice.objects.get_or_create(
            user=user, name=DEMO_DEVICE, defaults={"key": DEMO_TOTP_KEY, "confirmed": True},
        )
        devices += created
    for data in CITIZENS:
        if not service.Account.objects.filter(phone=data["phone"]).exists():
            service.register_account(data={k: v for k, v in data.items()}, language="zh-hans")
    if stdout is not None:
        stdout.write(
            f"accounts: {devices} new demo TOTP devices (secret {DEMO_TOTP_SECRET}); "
            f"citizens {', '.join(c['phone'] for c in CITIZENS)}"
        )
