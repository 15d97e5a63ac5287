"""Every row of the bad-input table (``tests/security/bad_inputs.json``): no 5xx.

`make test` sends a quarter of the rows; this runs all of them (minutes).
"""

from tests.security.conftest import agent_request  # noqa: F401
from tests.security.conftest import fresh_spam_counters  # noqa: F401
from tests.security.conftest import public_desk  # noqa: F401
from tests.security.conftest import users  # noqa: F401
from tests.security.test_bad_input import targets  # noqa: F401
from tests.security.test_bad_input import test_no_server_errors_in_any_row  # noqa: F401
