from django import template

from .. import service

register = template.Library()


@register.simple_tag
def rate_state(case) -> dict:
    """What the rating block on the status page shows for ``case``."""
    return service.rate_state(case)
