"""Fixtures of the security tests (the REST fixtures of tests/services, too)."""

from tests.security.permission_fixtures import secret  # noqa: F401
from tests.security.permission_fixtures import session_for  # noqa: F401
from tests.services.conftest import agent_request  # noqa: F401
from tests.services.conftest import fresh_spam_counters  # noqa: F401
from tests.services.conftest import member_request  # noqa: F401
from tests.services.conftest import public_desk  # noqa: F401
from tests.services.conftest import users  # noqa: F401
from tests.services.helpers import make_inquiry
import pytest
import transaction


@pytest.fixture
def targets(public_desk, users):  # noqa: F811
    """The desk and an inquiry the bad-input rows are sent to."""
    inquiry = make_inquiry(public_desk, description="Vegen er ikkje brøytt.")
    transaction.commit()
    return {"{desk}": public_desk.absolute_url(), "{inquiry}": inquiry.absolute_url()}
