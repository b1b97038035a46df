"""Secret message parameters at rest.

Why encrypt rather than keep the code in memory only: a message must still go
out when the broker is down at submission, and then only the ``deliver_pending``
beat, in another process and possibly much later, can send it. So the secret
parameters wait in the outbox row as a Fernet token under a key derived from
SECRET_KEY (never stored in the database): a database dump or a staff member
reading the outbox sees no code. The token is dropped once the message is sent
or has failed for good. SECRET_KEY_FALLBACKS keep tokens readable across a key
rotation.
"""

from __future__ import annotations

import base64
import json

from cryptography.fernet import Fernet, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

_INFO = b"govsite notify outbox secret parameters"


def _fernet(secret_key: str) -> Fernet:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(secret_key.encode())
    return Fernet(base64.urlsafe_b64encode(key))


def _keys() -> MultiFernet:
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return MultiFernet([_fernet(k) for k in keys])


def seal(values: dict[str, str]) -> str:
    return _keys().encrypt(json.dumps(values, ensure_ascii=False).encode()).decode("ascii")


def unseal(token: str) -> dict[str, str]:
    """Raises cryptography.fernet.InvalidToken if no current key opens it."""
    return json.loads(_keys().decrypt(token.encode("ascii")))
