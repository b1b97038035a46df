from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cluster import views as cluster_views

from .media import media_urlpatterns

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap),
    path("sitemap/", cluster_views.cluster_sitemap, name="cluster_sitemap"),
    path("accessibility/", cluster_views.accessibility, name="accessibility"),
    path("untranslated/", cluster_views.untranslated, name="untranslated"),
    path("search/", include("search.urls")),
    path("api/", include("disclosure.api_urls")),
    path("yisqgk/", include("disclosure.applications.urls")),
    path("account/", include("accounts.urls")),
    path("banshi/", include("services.licensing.urls")),
    path("banshi/pingjia/", include("services.feedback.urls")),
    path("hudong/", include("interaction.urls")),
    path("hudong/yjzj/", include("interaction.consultations.urls")),
    path("hudong/dc/", include("interaction.surveys.urls")),
    path("captcha/", include("captcha.urls")),  # images of formguard.abuse's captcha
]

# the demo's image renditions when nginx is not in front (settings.SERVE_MEDIA); nothing
# else under MEDIA_ROOT has a public address, DEBUG or not (documents, attachments and
# reply documents go through views that check who asks)
urlpatterns += media_urlpatterns()

urlpatterns += [path("", include(wagtail_urls))]

handler404 = "cluster.views.page_not_found"
handler500 = "cluster.views.server_error"
