"""Read what the records system answered: a receipt, an acknowledgement or an error."""

from collective.servicedesk.records import schemas
from collective.servicedesk.records.model import format_case_number
from collective.servicedesk.records.transport import ERROR_TYPES
from collective.servicedesk.records.transport import RECEIPT_TYPE
from collective.servicedesk.records.transport import RECEIVED_TYPE
from collective.servicedesk.records.transport import Incoming
from dataclasses import dataclass
from lxml import etree

KV = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/arkivmelding/opprett/kvittering/v1"
MDK = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/metadatakatalog/v1"
FEIL = (
    "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/feil/feilmelding/v1"
)
ERROR_SCHEMAS = {
    "no.ks.fiks.arkiv.v1.feilmelding.ugyldigforespoersel": schemas.UGYLDIG,
    "no.ks.fiks.arkiv.v1.feilmelding.serverfeil": schemas.SERVERFEIL,
    "no.ks.fiks.arkiv.v1.feilmelding.ikkefunnet": schemas.IKKEFUNNET,
}
FILED = "filed"
RECEIVED = "received"
REJECTED = "rejected"
IGNORED = "ignored"


@dataclass
class Result:
    """The meaning of one answer from the records system."""

    kind: str
    case_number: str = ""
    journalpost_number: str = ""
    registry_entry: str = ""
    date: str = ""
    error_type: str = ""
    error_id: str = ""
    error_text: str = ""
    key: str = ""  # our message id, as the archive's external key


def _xml(incoming: Incoming) -> bytes:
    for name, data in incoming.files.items():
        if name.endswith(".xml"):
            return data
    return b""


def _text(element, path: str) -> str:
    found = element.find(path, {"kv": KV, "mdk": MDK, "f": FEIL})
    return (found.text or "").strip() if found is not None else ""


def parse(incoming: Incoming, schema_folder: str | None = None) -> Result:
    """Return what ``incoming`` means; invalid XML is reported as a rejection."""
    message_type = incoming.message_type
    if message_type == RECEIVED_TYPE:
        return Result(RECEIVED)
    if message_type not in (RECEIPT_TYPE, *ERROR_TYPES):
        return Result(IGNORED)
    xml = _xml(incoming)
    name = (
        schemas.KVITTERING
        if message_type == RECEIPT_TYPE
        else ERROR_SCHEMAS[message_type]
    )
    try:
        schemas.validate(xml, name, schema_folder)
    except schemas.InvalidMessage as error:
        return Result(
            REJECTED,
            error_type="invalid_receipt",
            error_text=f"The archive's answer is not valid: {error}"[:500],
        )
    root = etree.fromstring(
        xml, etree.XMLParser(resolve_entities=False, no_network=True)
    )
    if message_type != RECEIPT_TYPE:
        return Result(
            REJECTED,
            error_type=message_type.rsplit(".", 1)[-1],
            error_id=_text(root, "f:feilId"),
            error_text=_text(root, "f:feilmelding"),
        )
    failed = root.find(f"{{{KV}}}registreringFeilet")
    if failed is None:
        failed = root.find(f"{{{KV}}}mappeFeilet")
    if failed is not None:
        return Result(
            REJECTED,
            error_type="feilet",
            error_id=_text(failed, "f:feilId"),
            error_text=_text(failed, "f:feilmelding"),
        )
    result = Result(FILED)
    case = root.find(f"{{{KV}}}mappeKvittering")
    if case is not None:
        year, sequence = _text(case, "kv:saksaar"), _text(case, "kv:sakssekvensnummer")
        if year and sequence:
            result.case_number = format_case_number(int(year), int(sequence))
    entry = root.find(f"{{{KV}}}registreringKvittering")
    if entry is not None:
        result.journalpost_number = _text(entry, "kv:journalpostnummer")
        year, sequence = (
            _text(entry, "kv:journalaar"),
            _text(entry, "kv:journalsekvensnummer"),
        )
        if year and sequence:
            result.registry_entry = f"{year}/{sequence}"
        result.date = _text(entry, "kv:journaldato")
        result.key = _text(entry, "kv:referanseEksternNoekkel/mdk:noekkel")
    return result
