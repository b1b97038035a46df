"""/api/v1/: the read-only JSON API of the disclosure library."""
from django.urls import path, re_path

from . import api

app_name = "disclosure_api"
urlpatterns = [
    path("v1/search/", api.search, name="search"),
    # index numbers contain a "/": take the rest of the path
    path("v1/documents/<path:index_number>", api.document, name="document"),
    path("v1/openapi.json", api.openapi, name="openapi"),
    re_path(r"^(?P<rest>.*)$", api.not_found),
]
