"""The read-only JSON API: search with filters, facets and pages, documents by
index number, the OpenAPI description, and JSON errors."""
import pytest
from django.test import Client
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate

from disclosure.api import openapi_document

pytestmark = [pytest.mark.django_db]


def api(client, path, host="www.localhost", **params):
    return client.get("/api/v1" + path, params, HTTP_HOST=host, REMOTE_ADDR="10.9.8.7")


def schema_validator(name):
    doc = openapi_document()
    schema = {**doc["components"]["schemas"][name], "components": doc["components"]}
    return OAS31Validator(schema)


def test_openapi_document_is_valid_and_served(client):
    doc = api(client, "/openapi.json").json()
    validate(doc)  # raises on an invalid OpenAPI 3.1 document
    assert doc["openapi"] == "3.1.0"
    assert doc["servers"] == [{"url": "http://www.localhost/api/v1"}]
    assert set(doc["paths"]) == {"/search/", "/documents/{index_number}", "/openapi.json"}
    params = {p["name"] for p in doc["paths"]["/search/"]["get"]["parameters"]}
    from search import registry

    # one parameter per registered facet (domains may register more, e.g. services' theme)
    assert params == {"q", "sort", "page", *registry.facet_names()}
    assert params >= {"q", "site", "content_type", "organisation", "topic", "type", "validity", "year", "sort", "page"}


def test_every_filter_declares_the_values_the_api_accepts(client):
    from cluster.models import Organisation
    from disclosure.models import Topic, Validity

    doc = api(client, "/openapi.json").json()
    schemas = {p["name"]: p["schema"] for p in doc["paths"]["/search/"]["get"]["parameters"]}
    assert set(schemas["site"]["enum"]) >= {"www.localhost", "fgw.localhost", "en.localhost", "mgl.localhost"}
    assert set(schemas["organisation"]["enum"]) == set(Organisation.objects.values_list("code", flat=True))
    assert set(schemas["topic"]["enum"]) == set(Topic.objects.values_list("code", flat=True))
    assert set(schemas["validity"]["enum"]) == set(Validity.values)
    from search import registry

    # every registered type (the domains add theirs: service, letter, ...)
    assert set(schemas["content_type"]["enum"]) == {t.name for t in registry.types()}
    assert set(schemas["content_type"]["enum"]) >= {"article", "disclosure", "section"}
    assert schemas["sort"]["enum"] == ["relevance", "date"]
    assert (schemas["year"]["type"], schemas["year"]["minimum"], schemas["year"]["maximum"]) == ("integer", 1900, 2100)
    assert (schemas["page"]["type"], schemas["page"]["minimum"], schemas["page"]["maximum"]) == ("integer", 1, 500)
    # a declared value is accepted (the contract test tries them all); a value just beside one is not
    for name in ("site", "content_type", "organisation", "topic", "type", "validity"):
        value = schemas[name]["enum"][-1]
        assert api(client, "/search/", q="政务", **{name: value}).status_code == 200, (name, value)
        for near in (" " + schemas[name]["enum"][0], schemas[name]["enum"][0].upper() + "X", ""):
            assert api(client, "/search/", **{name: near}).status_code == 400, (name, near)
    for name, value in (("year", "02026"), ("year", " 2026"), ("page", "+1"), ("page", ""), ("sort", "Date")):
        assert api(client, "/search/", **{name: value}).status_code == 400, (name, value)


@pytest.fixture
def fresh_codes():
    # the service caches the known codes for 30 s; this test's organisation is rolled back
    from search import service

    service._LABELS = None
    yield service
    service._LABELS = None


def test_a_new_organisation_appears_in_the_description(client, fresh_codes):
    from cluster.models import Organisation

    before = api(client, "/openapi.json").json()
    Organisation.objects.create(code="11150100MB0099999X", name="市新设局")
    fresh_codes._LABELS = None
    after = api(client, "/openapi.json").json()
    enum = next(p for p in after["paths"]["/search/"]["get"]["parameters"] if p["name"] == "organisation")["schema"]["enum"]
    assert "11150100MB0099999X" in enum and before != after
    assert api(client, "/search/", organisation="11150100MB0099999X").status_code == 200


def test_search_returns_results_facets_and_pages(client, engine):
    response = api(client, "/search/", q="元旦春节")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    body = response.json()
    schema_validator("SearchResponse").validate(body)
    first = body["results"][0]
    assert first["title"] == "关于做好2027年元旦春节期间有关工作的通知"
    assert first["url"].startswith("http://www.localhost/tzgg/")
    assert "<em>元旦春节</em>" in first["snippet_html"]
    assert body["count"] >= 1 and body["page"] == 1
    assert {"site", "organisation", "topic", "type", "validity", "year", "content_type"} <= set(body["facets"])
    assert sum(v["count"] for v in body["facets"]["content_type"]) == body["count"]


def test_search_filters_match_the_database(client, engine):
    from disclosure.models import DisclosureDocumentPage

    live = DisclosureDocumentPage.objects.live().public()
    doc = live.exclude(topic=None).exclude(doc_number="").first()
    cases = [
        ({"content_type": "disclosure"}, live.count()),
        ({"content_type": "disclosure", "organisation": doc.organisation.code}, live.filter(organisation=doc.organisation).count()),
        ({"topic": doc.topic.code}, live.filter(topic=doc.topic).count()),
        ({"type": "regulation"}, live.filter(doc_type="regulation").count()),
        ({"validity": "repealed"}, live.filter(validity="repealed").count()),
        ({"content_type": "disclosure", "year": str(doc.publish_date.year)}, live.filter(publish_date__year=doc.publish_date.year).count()),
    ]
    for params, expected in cases:
        body = api(client, "/search/", **params).json()
        assert body["count"] == expected, params
        assert body["filters"] == params
    body = api(client, "/search/", content_type="disclosure", organisation=doc.organisation.code, sort="date").json()
    dates = [r["publish_date"] for r in body["results"]]
    assert dates == sorted(dates, reverse=True)
    assert all(r["organisation"]["code"] == doc.organisation.code and r["index_number"] for r in body["results"])
    page2 = api(client, "/search/", content_type="disclosure", sort="date", page="2").json()
    assert page2["page"] == 2 or page2["num_pages"] == 1


def test_a_document_number_with_other_brackets_comes_first(client, engine):
    from disclosure.models import DisclosureDocumentPage

    doc = DisclosureDocumentPage.objects.live().exclude(doc_number="").last()
    body = api(client, "/search/", q=doc.doc_number.replace("〔", "[").replace("〕", "]")).json()
    assert body["results"][0]["index_number"] == doc.index_number
    assert body["results"][0]["exact_match"] is True


def test_document_by_index_number(client):
    from disclosure.models import DisclosureDocumentPage

    doc = DisclosureDocumentPage.objects.live().exclude(topic=None).first()
    response = api(client, "/documents/" + doc.index_number)
    assert response.status_code == 200
    body = response.json()
    schema_validator("Document").validate(body)
    assert body["title"] == doc.title and body["index_number"] == doc.index_number
    assert body["organisation"]["code"] == doc.organisation.code
    assert body["url"] == doc.full_url
    # the slash may come encoded, too
    assert api(client, "/documents/" + doc.index_number.replace("/", "%2F")).json()["title"] == doc.title


def test_unpublished_or_unknown_documents_are_json_404(client):
    from disclosure.models import DisclosureDocumentPage

    doc = DisclosureDocumentPage.objects.live().first()
    doc.live = False
    doc.save(update_fields=["live"])
    for number in (doc.index_number, "nope/1", "' OR 1=1 --", "%00"):
        response = api(client, "/documents/" + number)
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found" and response.json()["error"]["message"]


@pytest.mark.parametrize(
    "params, field",
    [({"site": "evil.example"}, "site"), ({"year": "20x6"}, "year"), ({"page": "0"}, "page"),
     ({"sort": "drop table"}, "sort"), ({"organisation": "' OR 1=1 --"}, "organisation"), ({"type": "<script>"}, "type")],
)
def test_bad_parameters_are_json_400_with_a_localized_message(client, params, field):
    response = api(client, "/search/", q="政务", **params)
    assert response.status_code == 400
    error = response.json()["error"]
    schema_validator("Error").validate(response.json())
    assert error["code"] == "invalid_parameter" and error["message"] == "请求参数有误。"
    assert field in error["fields"] and "无效" in error["fields"][field] or "页码" in error["fields"].get(field, "") or "排序" in error["fields"].get(field, "")


@pytest.mark.parametrize("query", ['"(((', "a" * 10000, "\u0000𠀀", "<script>alert(1)</script>", "ᠮᠣᠩᠭᠣᠯ 🙂", "title:x AND"])
def test_odd_queries_give_json(client, engine, query):
    response = api(client, "/search/", q=query)
    assert response.status_code == 200
    body = response.json()
    assert isinstance(body["results"], list)
    assert body["query_truncated"] is (len(query) > 200)


@pytest.mark.parametrize("path", ["/nothing-here", "/", "/documents/", "/documents/a\nb", "/documents/%0A", "/search/x"])
def test_unknown_endpoints_and_bad_document_paths_are_json_404(client, path):
    response = api(client, path)
    assert response.status_code == 404 and response["Content-Type"].startswith("application/json")
    assert response.json()["error"]["code"] == "not_found" and response.json()["error"]["message"]


def test_everything_else_under_api_is_json_404(client):
    for other in ("/api/", "/api/v2/search/"):
        response = client.get(other, HTTP_HOST="www.localhost")
        assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"
    # a real client has no CSRF token: it must get JSON, not the CSRF page
    response = Client(enforce_csrf_checks=True).post("/api/v1/nothing-here", HTTP_HOST="www.localhost")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options", "trace"])
@pytest.mark.parametrize("path", ["/search/", "/documents/11150100MB0000001A/2026-00001", "/openapi.json"])
def test_undeclared_methods_are_json_405_with_allow(method, path):
    client = Client(enforce_csrf_checks=True)  # as a real client: no CSRF token
    response = getattr(client, method)("/api/v1" + path, HTTP_HOST="www.localhost")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert response.json()["error"] == {"code": "method_not_allowed", "message": "只支持 GET 请求。"}


def test_head_is_answered_like_get(client):
    response = client.head("/api/v1/search/", {"q": "政务"}, HTTP_HOST="www.localhost")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")


def test_a_broken_index_is_a_json_500_and_logged(client, tmp_path, caplog):
    from tests.search.conftest import EngineSwitch

    # the index folder is a file (a volume not mounted), on an engine told to
    # raise its errors rather than answer empty results
    (tmp_path / "index").write_text("not a folder")
    switch = EngineSwitch("whoosh", tmp_path / "index")
    switch.conf["default"]["SILENTLY_FAIL"] = False
    with switch:
        response = api(client, "/search/", q="政务")
    assert response.status_code == 500 and response["Content-Type"].startswith("application/json")
    assert response.json()["error"] == {"code": "server_error", "message": "服务器内部错误，请稍后再试。"}
    assert any(r.levelname == "ERROR" and r.exc_info for r in caplog.records if r.name == "django.request")


def test_rate_limit_answers_429_json(client, monkeypatch):
    # an hour-long window, so that a slow run does not cross into a new one
    monkeypatch.setattr("disclosure.api.API_RATE", "3/h")
    codes = [client.get("/api/v1/openapi.json", HTTP_HOST="www.localhost", REMOTE_ADDR="10.1.42.3").status_code for _ in range(5)]
    assert codes[:3] == [200, 200, 200] and codes[-1] == 429
    response = client.get("/api/v1/openapi.json", HTTP_HOST="www.localhost", REMOTE_ADDR="10.1.42.3")
    assert response.json()["error"]["code"] == "rate_limited"
