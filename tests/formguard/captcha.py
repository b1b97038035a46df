"""Read the captcha a page shows and answer it, as a person reading the image would."""

import re

from captcha.models import CaptchaStore


def captcha_key(html: str) -> str | None:
    found = re.search(r'name="captcha_0" value="([0-9a-f]+)"', html)
    return found.group(1) if found else None


def answer(html: str, *, right: bool = True) -> dict[str, str]:
    key = captcha_key(html)
    assert key, "the page shows no captcha"
    response = CaptchaStore.objects.get(hashkey=key).response
    return {"captcha_0": key, "captcha_1": response if right else response + "x"}
