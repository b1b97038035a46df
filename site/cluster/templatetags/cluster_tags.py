from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page, Site

from ..sites import site_roots

register = template.Library()


def _language_sites(site: Site | None) -> dict[str, str]:
    """language code -> root URL of the site that carries the current site's
    content in that language; for a site without its own translations, the
    portal's language sites (a department has no Mongolian site of its own)."""
    if site is None:
        return {}
    roots = site_roots()
    own_key = site.root_page.translation_key
    portal_key = (
        Site.objects.filter(is_default_site=True).values_list("root_page__translation_key", flat=True).first()
    )
    languages: dict[str, dict[str, str]] = {}
    paths = {
        p.url_path: (p.translation_key, p.locale.language_code)
        for p in Page.objects.filter(translation_key__in={own_key, portal_key}).select_related("locale")
    }
    for r in roots:
        if r.root_path in paths:
            key, code = paths[r.root_path]
            languages.setdefault(key, {}).setdefault(code, r.root_url + "/")
    result = dict(languages.get(portal_key, {}))
    result.update(languages.get(own_key, {}))
    return result


@register.simple_tag(takes_context=True)
def language_links(context):
    """The language switch: for each language, the same page in it if it exists,
    otherwise the notice that it has not been translated yet, on that language's site."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    cluster = context.get("cluster")
    site = cluster.site if cluster else None
    language_sites = _language_sites(site)
    translations = {}
    if isinstance(page, Page) and getattr(page, "pk", None):
        for t in page.get_translations(inclusive=True).live().select_related("locale"):
            # absolute, because hreflang alternates must be (and the versions live on other hosts)
            translations[t.locale.language_code] = t.get_full_url(request=request)
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
    return links


@register.filter
def html_lang(code: str) -> str:
    """BCP 47 tag for the <html lang> attribute: mn-mong is Mongolian in Mongolian script."""
    return {"zh-hans": "zh-Hans", "mn-mong": "mn-Mong", "en": "en"}.get(code, code)


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page=None):
    page = page or context.get("page")
    cluster = context.get("cluster")
    if not isinstance(page, Page) or cluster is None or cluster.site is None:
        return []
    root = cluster.site.root_page
    return list(page.get_ancestors(inclusive=False).filter(depth__gte=root.depth).specific()) if page.depth > root.depth else []


@register.simple_tag
def current_locale():
    return Locale.get_active()
