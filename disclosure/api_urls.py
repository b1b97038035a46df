"""/api/: the read-only JSON API of the disclosure library (django-ninja)."""
from django.urls import path, re_path

from . import api

app_name = "disclosure_api"
urlpatterns = [
    path("v1/", api.api.urls),
    # everything else under /api/, line breaks included, is a JSON 404
    re_path(r"^(?P<rest>[\s\S]*)\Z", api.guarded(api.not_found)),
]
