"""Fixtures of the history tests (shared with the workflow tests)."""

from tests.workflows.conftest import bare_desk  # noqa: F401
from tests.workflows.conftest import desk  # noqa: F401
from tests.workflows.conftest import inquiry  # noqa: F401
from tests.workflows.conftest import make_inquiry  # noqa: F401
from tests.workflows.conftest import staff  # noqa: F401
