from django import template

from privacy import masking

register = template.Library()

for _name in ("mask_name", "mask_phone", "mask_id_number", "mask_email", "mask_address", "mask_plate", "mask_text"):
    register.filter(_name, getattr(masking, _name))
