"""The bad-input table (``bad_inputs.json``): no row may answer 5xx (issue 12)."""

from tests.security import bad_inputs
from tests.security.bad_input_send import BY_ENDPOINT
from tests.security.bad_input_send import PROBES
from tests.security.bad_input_send import ROWS
from tests.security.bad_input_send import send
import pytest


def test_table_is_generated_from_the_spec():
    assert ROWS == bad_inputs.build()
    assert len(ROWS) >= 400


def test_probes_are_in_the_table():
    assert PROBES <= {row["id"] for row in ROWS}


@pytest.mark.parametrize("endpoint", sorted(BY_ENDPOINT))
def test_no_server_errors(endpoint, targets, functional_portal):
    assert send(BY_ENDPOINT[endpoint], targets, functional_portal) == []
