"""pytest-plone fixtures built from our layers."""

import os

# Compile the .po catalogs when ZCML loads them (.mo files are not committed).
os.environ.setdefault("zope_i18n_compile_mo_files", "1")

from collective.servicedesk.testing import FUNCTIONAL_TESTING  # noqa: E402
from collective.servicedesk.testing import INTEGRATION_TESTING  # noqa: E402
from pytest_plone import fixtures_factory  # noqa: E402
from tests.helpers.servers import SMTPServer  # noqa: E402
import pytest  # noqa: E402

pytest_plugins = ["pytest_plone", "tests.browser_fixtures"]

globals().update(
    fixtures_factory(
        (
            (FUNCTIONAL_TESTING, "functional"),
            (INTEGRATION_TESTING, "integration"),
        )
    )
)


@pytest.fixture(scope="session")
def package_name() -> str:
    return "collective.servicedesk"


@pytest.fixture(autouse=True)
def _forget_display_names():
    """The panels cache display names per process: never across tests."""
    from collective.servicedesk.workspace import bridge

    bridge.clear_names()
    yield
    bridge.clear_names()


@pytest.fixture
def smtp():
    """The one test mail server: a recording aiosmtpd server on a free loopback port."""
    server = SMTPServer().start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _forget_cached_queues():
    """Queue summaries are cached by catalogue counter (issue 19); each test's
    database starts from the same counter, so the cache must not outlive a test."""
    from plone.memoize.ram import global_cache

    global_cache.invalidateAll()
    yield
    global_cache.invalidateAll()
