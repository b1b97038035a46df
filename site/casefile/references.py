"""Receipt numbers and query codes that cannot be guessed.

A receipt number is ``<prefix><yyyymmdd>-<11 random characters><check>``: 11
characters of a 31-letter alphabet without look-alikes (no 0/O, 1/I, U) carry
about 54 random bits, so numbers can neither be enumerated nor guessed, and the
check character (ISO 7064 style, over the date and random part) catches any
single mistyped character and any swap of two neighbours.

The 6-digit query code is given to the applicant once and stored only as an
HMAC of the receipt number and the code, compared in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

from django.conf import settings
from django.utils import timezone

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTVWXYZ"  # 31 symbols (a prime), no 0 O 1 I U
RANDOM_LENGTH = 11  # 11 × log2(31) ≈ 54 random bits
_INDEX = {ch: i for i, ch in enumerate(ALPHABET)}
_SHAPE = re.compile(r"^([A-Z]{1,6})(\d{8})-([%s]{%d})([%s])$" % (ALPHABET, RANDOM_LENGTH, ALPHABET))


def _check_char(date_digits: str, random_part: str) -> str:
    """ISO 7064-style pure check (radix 2, modulus 31 = the alphabet size): any
    single substitution and any swap of two neighbours changes it."""
    total = 0
    for value in [int(d) for d in date_digits] + [_INDEX[ch] for ch in random_part]:
        total = (total + value) * 2 % 31
    return ALPHABET[(31 - total) % 31]


def new_receipt_number(prefix: str, *, day=None) -> str:
    """``prefix`` + receipt date + random part + check, e.g. YSQ20260928-7KD3M9QXW2AH."""
    day = day or timezone.localdate()
    date_digits = f"{day:%Y%m%d}"
    random_part = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_LENGTH))
    return f"{prefix.upper()}{date_digits}-{random_part}{_check_char(date_digits, random_part)}"


def normalize_receipt_number(raw: str) -> str:
    """Forgive what people do when copying: spaces, lower case, full-width dashes."""
    text = re.sub(r"[\s\u3000]", "", raw or "").upper()
    return text.replace("－", "-").replace("—", "-").replace("–", "-")


def is_valid_receipt_number(raw: str) -> bool:
    """Well formed with a matching check character (catches typos before any lookup)."""
    match = _SHAPE.match(normalize_receipt_number(raw))
    return bool(match) and _check_char(match.group(2), match.group(3)) == match.group(4)


def new_query_code() -> str:
    return f"{secrets.randbelow(10**6):06d}"


def hash_query_code(receipt_number: str, code: str) -> str:
    key = hashlib.sha256(("casefile-query-code:" + settings.SECRET_KEY).encode()).digest()
    message = f"{normalize_receipt_number(receipt_number)}:{(code or '').strip()}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def check_query_code(receipt_number: str, code: str, stored_hash: str) -> bool:
    return hmac.compare_digest(hash_query_code(receipt_number, code), stored_hash or "")
