"""The JSON API keeps its own contract: schemathesis reads /api/v1/openapi.json
from a live server holding the demo cluster and drives every operation with data
the description allows and data it forbids. Every answer must be declared (status
code, JSON content type, body schema), nothing may be a server error, an
undeclared method must be answered 405 with Allow, and the API must accept what
the description allows and reject what it forbids."""
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from pytest_django.live_server_helper import LiveServer

from tests.search.conftest import EngineSwitch

pytestmark = [pytest.mark.django_db]

HOST = "www.localhost"


@pytest.fixture(scope="module")
def live_api(django_db_setup, django_db_blocker, tmp_path_factory):
    """The app on a real HTTP server in this process: it shares the in-memory
    test database (the demo cluster) and a fresh Whoosh index of it."""
    from search.rebuild import rebuild

    with EngineSwitch("whoosh", tmp_path_factory.mktemp("contract-index")):
        with django_db_blocker.unblock():
            rebuild(stream=None)
        server = LiveServer("127.0.0.1")
        try:
            yield server.url
        finally:
            server.stop()


@pytest.fixture
def api_schema(live_api, monkeypatch):
    # the fuzzer sends far more than a client may per minute; the limit has its own test
    monkeypatch.setattr("disclosure.api.API_RATE", "100000/m")
    monkeypatch.setattr("search.service._LABELS", None)  # codes as the database has them now
    schema = schemathesis.openapi.from_url(f"{live_api}/api/v1/openapi.json", headers={"Host": HOST})
    schema.config.update(base_url=f"{live_api}/api/v1", headers={"Host": HOST})
    return schema


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_keeps_the_contract(case):
    case.call_and_validate(headers={"Host": HOST})
