"""What other apps call (see masking.py)."""

from .masking import (  # noqa: F401
    mask_address,
    mask_email,
    mask_id_number,
    mask_name,
    mask_phone,
    mask_plate,
    mask_text,
)
