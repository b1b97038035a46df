from functools import cached_property

from .sites import site_for_request
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
            return site_for_request(self.request)
        except Exception:
            return None

    @cached_property
    def frame(self):
        from .frame import frame_for

        return frame_for(self.site) if self.site is not None else None

    @cached_property
    def profile(self):
        return self.frame.profile if self.frame else None

    @cached_property
    def theme(self):
        return get_theme(self.profile.theme if self.profile else None)

    @cached_property
    def home(self):
        """The home page's pk, title and address (not the page itself)."""
        return self.frame.home if self.frame else None

    @cached_property
    def navigation(self):
        """The main navigation: pk, title and address of each item."""
        return self.frame.navigation if self.frame else []

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
