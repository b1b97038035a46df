from functools import cached_property

from wagtail.models import Site

from .themes import get_theme

A11Y_COOKIE = "a11y"
A11Y_FLAGS = {"large", "contrast"}


class SiteContext:
    """What every public template needs about the current site, computed lazily
    so that admin pages and JSON endpoints pay nothing."""

    def __init__(self, request):
        self.request = request

    @cached_property
    def site(self):
        try:
            return Site.find_for_request(self.request)
        except Exception:
            return None

    @cached_property
    def profile(self):
        from .models import SiteProfile

        if self.site is None:
            return None
        return SiteProfile.for_site(self.site)

    @cached_property
    def theme(self):
        return get_theme(self.profile.theme if self.profile else None)

    @cached_property
    def home(self):
        return self.site.root_page.specific if self.site else None

    @cached_property
    def navigation(self):
        if self.site is None:
            return []
        return list(self.site.root_page.get_children().live().public().in_menu().specific())

    @cached_property
    def name(self) -> str:
        if self.profile and self.profile.site_name:
            return self.profile.site_name
        return self.site.site_name if self.site else ""

    @cached_property
    def a11y_mode(self) -> str:
        flags = set(self.request.COOKIES.get(A11Y_COOKIE, "").split()) & A11Y_FLAGS
        return " ".join(sorted(flags))

    @cached_property
    def body_classes(self) -> str:
        return " ".join(f"a11y-{m}" for m in self.a11y_mode.split())


def cluster(request):
    return {"cluster": SiteContext(request)}
