from tests.consultations.conftest import confirmed, fresh_rate_limits  # noqa: F401
