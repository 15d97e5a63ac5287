"""Fixtures of the records-system tests: the official schemas, keys, folders."""

from pathlib import Path
import os
import pytest

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
