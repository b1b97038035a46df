from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page

from ..frame import memo, page_url

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """The language switch: for each language, the same page in it if it exists,
    otherwise the notice that it has not been translated yet, on that language's site."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    # asked twice per page (the head's alternates and the toolbar): computed once
    memo_key = (getattr(page, "pk", None), current)
    held = getattr(request, "_cluster_language_links", None)
    if held is not None and held[0] == memo_key:
        return held[1]
    cluster = context.get("cluster")
    language_sites = cluster.frame.language_sites if cluster is not None and cluster.frame else {}
    translations = {}
    if isinstance(page, Page) and getattr(page, "pk", None):

        def find():
            # absolute, because hreflang alternates must be (and the versions live on other hosts)
            return {
                t.locale.language_code: t.get_full_url(request=request)
                for t in page.get_translations(inclusive=True).live().select_related("locale")
            }

        # translations appear and go only through publishing, which renews the memo
        translations = memo(("translations", page.pk), find)
    links = []
    for code, name in settings.LANGUAGES:
        if code in translations:
            url, available = translations[code], True
        elif code == current:
            url, available = request.build_absolute_uri() if request else "", True
        else:
            base = language_sites.get(code)
            if not base:
                continue
            url, available = base + "untranslated/?lang=" + code, False
        links.append({"code": code, "name": name, "url": url, "current": code == current, "available": available})
    if request is not None:
        request._cluster_language_links = (memo_key, links)
    return links


@register.filter
def html_lang(code: str) -> str:
    """BCP 47 tag for the <html lang> attribute: mn-mong is Mongolian in Mongolian script."""
    return {"zh-hans": "zh-Hans", "mn-mong": "mn-Mong", "en": "en"}.get(code, code)


class Crumb:
    __slots__ = ("title", "url")

    def __init__(self, title, url):
        self.title, self.url = title, url


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page=None):
    page = page or context.get("page")
    cluster = context.get("cluster")
    if not isinstance(page, Page) or cluster is None or cluster.site is None:
        return []
    root = cluster.site.root_page
    if page.depth <= root.depth:
        return []
    if page.depth == root.depth + 1 and page.path.startswith(root.path) and cluster.home is not None:
        return [Crumb(cluster.home.title, cluster.home.url)]  # a page right under the home page
    site_id = cluster.site.pk

    def find():
        # plain pages, not .specific(): a crumb needs only its title and address
        ancestors = page.get_ancestors(inclusive=False).filter(depth__gte=root.depth)
        return [Crumb(a.title, page_url(a.url_path, site_id)) for a in ancestors.only("title", "url_path", "path", "depth")]

    return memo(("crumbs", page.pk, site_id), find)


@register.simple_tag
def current_locale():
    return Locale.get_active()


@register.filter
def startswith(text, prefix) -> bool:
    return isinstance(text, str) and bool(prefix) and text.startswith(str(prefix))
