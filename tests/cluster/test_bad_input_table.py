"""Every row of the bad-input table (``tests/security/bad_inputs.json``): no 5xx.

`make test` sends a quarter of the rows; this runs all of them (minutes).
"""

from tests.security.bad_input_send import ALL_BY_ENDPOINT
from tests.security.bad_input_send import send
from tests.security.conftest import agent_request  # noqa: F401
from tests.security.conftest import fresh_spam_counters  # noqa: F401
from tests.security.conftest import public_desk  # noqa: F401
from tests.security.conftest import targets  # noqa: F401
from tests.security.conftest import users  # noqa: F401
import pytest


@pytest.mark.cluster
@pytest.mark.parametrize("endpoint", sorted(ALL_BY_ENDPOINT))
def test_no_server_errors_in_any_row(endpoint, targets, functional_portal):  # noqa: F811
    assert send(ALL_BY_ENDPOINT[endpoint], targets, functional_portal) == []
