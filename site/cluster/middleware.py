from csp.middleware import CSPMiddleware, PolicyParts
from django.utils import translation

from .sites import language_for_site, site_for_request

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


class SiteLanguageMiddleware:
    """Each site of the cluster speaks one language: the language of its root page.
    The Mongolian site is Mongolian and the English site English, whatever the
    browser asks for. The admin keeps the editor's own language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(ADMIN_PREFIXES):
            return self.get_response(request)
        try:
            site = site_for_request(request)
        except Exception:  # a malformed Host header must not become a 500
            site = None
        language = language_for_site(site.pk if site else None) or "zh-hans"
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


class ClusterCSPMiddleware(CSPMiddleware):
    """The public pages run no inline script; Wagtail's admin still needs some."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(ADMIN_PREFIXES):
            parts.update = {
                "script-src": ["'unsafe-inline'", "'unsafe-eval'"],
                "style-src": ["'unsafe-inline'"],
                "img-src": ["blob:", "https:"],
                "frame-src": ["'self'", "https:"],
            }
        return parts
