"""Build a KS Fiks Arkiv v1 ``arkivmelding`` (arkivering.arkivmelding.opprett).

Built with lxml and validated against the official XSD before it is returned:
invalid XML never leaves this module.
"""

from collective.servicedesk.records import schemas
from collective.servicedesk.records.model import INCOMING
from collective.servicedesk.records.model import Entry
from collective.servicedesk.records.model import Filing
from collective.servicedesk.records.model import Party
from collective.servicedesk.records.model import parse_case_number
from datetime import UTC
from datetime import datetime
from lxml import etree

NS = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/arkivmelding/opprett/v1"
MDK = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/metadatakatalog/v1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
MESSAGE_TYPE = "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett"
FILENAME = "arkivmelding.xml"
# Noark 5 code for "taushetsplikt" (offentleglova § 13).
RESTRICTION_CONFIDENTIAL = "13"


def _el(parent, name: str, text=None, ns: str = NS, **attrs):
    element = etree.SubElement(parent, f"{{{ns}}}{name}", **attrs)
    if text is not None:
        element.text = str(text)
    return element


def _code(parent, name: str, code: str, description: str = "") -> None:
    # The children of Noark types live in the metadata catalogue's namespace.
    element = _el(parent, name)
    _el(element, "kode", code, ns=MDK)
    if description:
        _el(element, "beskrivelse", description, ns=MDK)


def _when(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).replace(microsecond=0).isoformat()


def _external_key(parent, name: str, system: str, key: str, ns: str = NS) -> None:
    element = _el(parent, name, ns=ns)
    _el(element, "fagsystem", system, ns=MDK)
    _el(element, "noekkel", key, ns=MDK)


def _skjerming(parent, filing: Filing) -> None:
    if filing.confidential:
        element = _el(parent, "skjerming")
        _code(element, "tilgangsrestriksjon", RESTRICTION_CONFIDENTIAL, "Taushetsplikt")
        _el(element, "skjermingshjemmel", filing.authority or "Offl. § 13")


def _case(root, filing: Filing) -> None:
    mappe = _el(root, "mappe", **{f"{{{XSI}}}type": "saksmappe"})
    _el(mappe, "tittel", filing.case_title)
    _el(mappe, "offentligTittel", filing.case_public_title)
    if filing.archive_part:
        _code(mappe, "arkivdel", filing.archive_part)
    _skjerming(mappe, filing)
    _external_key(mappe, "referanseEksternNoekkel", filing.system, filing.case_key)
    if filing.unit:
        _el(mappe, "administrativEnhet", filing.unit)
    if filing.handler:
        _el(mappe, "saksansvarlig", filing.handler)


def _party(parent, party: Party) -> None:
    element = _el(parent, "korrespondansepart")
    _code(element, "korrespondanseparttype", party.kind)
    _el(element, "korrespondansepartNavn", party.name)
    if party.email:
        _el(element, "epostadresse", party.email)
    if party.phone:
        _el(element, "telefonnummer", party.phone)
    if party.organisation and party.is_person:
        _el(element, "kontaktperson", party.name)
    if party.unit:
        _el(element, "administrativEnhet", party.unit)
    if party.handler:
        _el(element, "saksbehandler", party.handler)
    if party.shielded:
        _el(element, "erSkjermet", "true")
    _el(element, "erPersonnavn", "true" if party.is_person else "false")


def _documents(parent, filing: Filing, entry: Entry) -> None:
    for document in entry.documents:
        element = _el(parent, "dokumentbeskrivelse")
        _el(element, "tittel", document.title)
        _code(element, "tilknyttetRegistreringSom", document.role)
        _el(element, "dokumentnummer", document.number)
        _skjerming(element, filing)
        obj = _el(element, "dokumentobjekt")
        _el(obj, "versjonsnummer", 1)
        _code(obj, "variantformat", "P", "Produksjonsformat")
        _el(obj, "mimeType", document.mime_type)
        _el(obj, "filnavn", document.filename)
        _el(obj, "referanseDokumentfil", document.reference)
        _el(obj, "sjekksum", document.checksum)
        _el(obj, "sjekksumAlgoritme", "SHA-256")
        _el(obj, "filstoerrelse", len(document.data))


def _entry(root, filing: Filing) -> None:
    entry = filing.entry
    post = _el(root, "registrering", **{f"{{{XSI}}}type": "journalpost"})
    parent = _el(post, "referanseForelderMappe")
    number = parse_case_number(filing.case_number)
    if number and not filing.new_case:
        saksnummer = _el(parent, "saksnummer", ns=MDK)
        _el(saksnummer, "saksaar", number[0], ns=MDK)
        _el(saksnummer, "sakssekvensnummer", number[1], ns=MDK)
    else:
        _external_key(
            parent, "referanseEksternNoekkel", filing.system, filing.case_key, MDK
        )
    _skjerming(post, filing)
    _documents(post, filing, entry)
    _el(post, "tittel", entry.title)
    _el(post, "offentligTittel", entry.public_title)
    if entry.description:
        _el(post, "beskrivelse", entry.description)
    for party in entry.parties:
        _party(post, party)
    _external_key(post, "referanseEksternNoekkel", filing.system, entry.key)
    _code(
        post,
        "journalposttype",
        entry.direction,
        "Inngående dokument" if entry.direction == INCOMING else "Utgående dokument",
    )
    _el(post, "dokumentetsDato", entry.date.astimezone(UTC).date().isoformat())
    if entry.direction == INCOMING:
        _el(post, "mottattDato", _when(entry.date))
    else:
        _el(post, "sendtDato", _when(entry.date))
    attachments = max(len(entry.documents) - 1, 0)
    _el(post, "antallVedlegg", attachments)


def build(filing: Filing, schema_folder: str | None = None) -> bytes:
    """Return the arkivmelding XML of ``filing``; ``InvalidMessage`` if invalid."""
    root = etree.Element(
        f"{{{NS}}}arkivmelding", nsmap={None: NS, "n5mdk": MDK, "xsi": XSI}
    )
    _el(root, "system", filing.system)
    _el(root, "antallFiler", len(filing.entry.documents))
    if filing.new_case:
        _case(root, filing)
    _entry(root, filing)
    xml = etree.tostring(root, xml_declaration=True, encoding="utf-8")
    schemas.validate(xml, schemas.OPPRETT, schema_folder)
    return xml
