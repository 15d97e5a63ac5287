"""The official Fiks Arkiv XSDs, read at run time from a configured folder.

The project ships no copy of the schemas: the folder comes from the registry
(``schema_folder``) or the environment variable ``SERVICEDESK_FIKS_ARKIV_XSD``.
"""

from lxml import etree
from pathlib import Path
import os
import threading

ENV = "SERVICEDESK_FIKS_ARKIV_XSD"
OPPRETT = "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett.xsd"
KVITTERING = "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett.kvittering.xsd"
UGYLDIG = "no.ks.fiks.arkiv.v1.feilmelding.ugyldigforespoersel.xsd"
SERVERFEIL = "no.ks.fiks.arkiv.v1.feilmelding.serverfeil.xsd"
IKKEFUNNET = "no.ks.fiks.arkiv.v1.feilmelding.ikkefunnet.xsd"

_cache: dict[tuple[str, str], etree.XMLSchema] = {}
_lock = threading.Lock()


class SchemaMissing(RuntimeError):
    """The schema folder is not configured or lacks a file."""


class InvalidMessage(ValueError):
    """The XML does not validate against its schema."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors[:5]))
        self.errors = errors


def folder(configured: str | None = None) -> Path:
    """Return the schema folder (setting, else environment); raise if unusable."""
    value = (configured or "").strip() or os.environ.get(ENV, "").strip()
    if not value:
        raise SchemaMissing(
            f"No Fiks Arkiv schema folder: set the registry record or ${ENV}."
        )
    path = Path(value)
    if not (path / OPPRETT).is_file():
        raise SchemaMissing(f"{path} does not hold {OPPRETT}.")
    return path


def schema(name: str, configured: str | None = None) -> etree.XMLSchema:
    """Return the compiled schema ``name`` of the folder (compiled once)."""
    path = folder(configured) / name
    key = (str(path), name)
    with _lock:
        if key not in _cache:
            if not path.is_file():
                raise SchemaMissing(f"{path} is missing.")
            # Imports are resolved relative to the file; no network access.
            parser = etree.XMLParser(no_network=True, resolve_entities=False)
            _cache[key] = etree.XMLSchema(etree.parse(str(path), parser))
        return _cache[key]


def validate(xml: bytes, name: str = OPPRETT, configured: str | None = None) -> None:
    """Raise ``InvalidMessage`` unless ``xml`` validates against schema ``name``."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    try:
        document = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as error:
        raise InvalidMessage([str(error)]) from error
    compiled = schema(name, configured)
    if not compiled.validate(document):
        raise InvalidMessage(
            [f"line {e.line}: {e.message}" for e in compiled.error_log]
        )
