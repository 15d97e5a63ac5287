"""Fixtures of the security tests (the REST fixtures of tests/services, too)."""

from tests.security.permission_fixtures import secret  # noqa: F401
from tests.security.permission_fixtures import session_for  # noqa: F401
from tests.services.conftest import agent_request  # noqa: F401
from tests.services.conftest import fresh_spam_counters  # noqa: F401
from tests.services.conftest import member_request  # noqa: F401
from tests.services.conftest import public_desk  # noqa: F401
from tests.services.conftest import users  # noqa: F401
