"""Fixtures of the records-system tests: the official schemas, keys, folders."""

from pathlib import Path
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from tests.records.fixtures import configure
from tests.replies.helpers import make_desk
import os
import pytest
import transaction

ENV = "SERVICEDESK_FIKS_ARKIV_XSD"
DEFAULT = Path(__file__).resolve().parents[3] / "shared" / "data" / "fiks-arkiv"


def schema_folder() -> str:
    """The Fiks Arkiv XSD folder; a missing folder fails the test (never a skip)."""
    folder = Path(os.environ.get(ENV) or DEFAULT)
    if not (
        folder / "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett.xsd"
    ).is_file():
        pytest.fail(
            f"Fiks Arkiv XSDs not found in {folder}: set ${ENV} to the folder of "
            "ks-no/fiks-arkiv-specification Schema/V1 (see ../shared/data/README.md)."
        )
    return str(folder)


@pytest.fixture
def xsd_folder(monkeypatch) -> str:
    folder = schema_folder()
    monkeypatch.setenv(ENV, folder)
    return folder


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
