from django.http import HttpResponse, HttpResponseRedirect
from django.template import loader
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET

from .context_processors import A11Y_COOKIE, A11Y_FLAGS
from .service import cluster_map


@require_GET
def cluster_sitemap(request):
    """The cluster-wide site map: every site with its columns."""
    return TemplateResponse(request, "cluster/sitemap.html", {"sites": cluster_map()})


@require_GET
def accessibility(request):
    """Switch large print / high contrast on or off. Works without JavaScript."""
    toggle = request.GET.get("toggle", "")
    current = set(request.COOKIES.get(A11Y_COOKIE, "").split()) & A11Y_FLAGS
    if toggle in A11Y_FLAGS:
        current ^= {toggle}
    elif toggle == "off":
        current = set()
    target = request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        target = "/"
    response = HttpResponseRedirect(target)
    if current:
        value = " ".join(sorted(current))
        response.set_cookie(A11Y_COOKIE, value, max_age=365 * 24 * 3600, samesite="Lax", httponly=True)
    else:
        response.delete_cookie(A11Y_COOKIE)
    return response


def page_not_found(request, exception=None):
    return TemplateResponse(request, "cluster/404.html", {}, status=404).render()


def server_error(request):
    """A 500 page in the site's theme when the theme still renders, plain otherwise."""
    try:
        html = loader.render_to_string("cluster/500.html", {}, request=request)
    except Exception:
        html = "<!doctype html><title>500</title><h1>服务器内部错误 Server error</h1>"
    return HttpResponse(html, status=500)


def rate_limited(request, exception=None):
    return TemplateResponse(
        request, "cluster/rate_limited.html", {}, status=429
    ).render()


@require_GET
def untranslated(request):
    """Where the language switch leads when a page has no version in this site's
    language yet: say so, in the reader's language, instead of failing."""
    return TemplateResponse(request, "cluster/untranslated.html", {}, status=404)
