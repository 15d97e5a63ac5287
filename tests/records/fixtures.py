"""Functional fixtures: a desk, folders and the records settings per transport."""

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from tests.records.conftest import schema_folder
from tests.replies.helpers import make_desk
import pytest
import transaction

PREFIX = "collective.servicedesk.records"


def configure(**values) -> None:
    for name, value in values.items():
        api.portal.set_registry_record(f"{PREFIX}.{name}", value)


@pytest.fixture
def fdesk(functional_portal):
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    desk = make_desk(functional_portal)
    transaction.commit()
    return desk


@pytest.fixture
def filedrop(functional_portal, tmp_path):
    """The file-drop transport with fresh folders; returns the folder paths."""
    folders = {name: tmp_path / name for name in ("out", "in", "spool")}
    for path in folders.values():
        path.mkdir()
    configure(
        transport="filedrop",
        filedrop_out=str(folders["out"]),
        filedrop_in=str(folders["in"]),
        spool_folder=str(folders["spool"]),
        schema_folder=schema_folder(),
    )
    transaction.commit()
    return folders
