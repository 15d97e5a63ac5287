"""Fixtures of the reply macro tests: demo staff, a desk and an inquiry."""

from tests.workflows.conftest import bare_desk  # noqa: F401
from tests.workflows.conftest import desk  # noqa: F401
from tests.workflows.conftest import inquiry  # noqa: F401
from tests.workflows.conftest import make_inquiry  # noqa: F401
from tests.workflows.conftest import staff  # noqa: F401
