"""Fixtures for tests against real instances (FileStorage and RelStorage/PostgreSQL)."""

from tests.cluster.harness import Instance
from tests.cluster.harness import create_database
from tests.cluster.harness import drop_database
from tests.cluster.harness import postgres_available
import os
import pytest

STORAGES = ["filestorage", "relstorage"]


@pytest.fixture(params=STORAGES)
def instance(request, tmp_path):
    """A started instance with a fresh site on the parametrized storage."""
    dsn = ""
    name = f"servicedesk_test_{os.getpid()}"
    if request.param == "relstorage":
        if not postgres_available():
            if os.environ.get("CI") == "true":
                pytest.fail("PostgreSQL is not reachable on 127.0.0.1:5432")
            pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432")
        dsn = create_database(name)
    inst = Instance(tmp_path, request.param, dsn)
    try:
        inst.create_site()
        inst.start()
        yield inst
    finally:
        inst.stop()
        if dsn:
            drop_database(name)
