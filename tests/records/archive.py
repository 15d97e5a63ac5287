"""A stand-in records system: reads arkivmelding, files it, answers like Fiks Arkiv.

It validates every message against the official XSD, treats a repeated
``referanseEksternNoekkel`` as the existing record (as Fiks Arkiv prescribes),
numbers cases and journalposts, and answers with a kvittering or a feilmelding
that validate against their schemas.
"""

from collective.servicedesk.records import schemas
from datetime import date
from lxml import etree
import uuid

NS = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/arkivmelding/opprett/v1"
MDK = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/metadatakatalog/v1"
KV = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/arkivmelding/opprett/kvittering/v1"
FEIL = (
    "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/feil/feilmelding/v1"
)
XSI = "http://www.w3.org/2001/XMLSchema-instance"
IKKEFUNNET = (
    "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/feil/ikkefunnet/v1"
)
UGYLDIG = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/feil/ugyldigforespoersel/v1"
RECEIPT = "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett.kvittering"
NOT_FOUND = "no.ks.fiks.arkiv.v1.feilmelding.ikkefunnet"
INVALID = "no.ks.fiks.arkiv.v1.feilmelding.ugyldigforespoersel"


def _sub(parent, ns, name, text=None, **attrs):
    element = etree.SubElement(parent, f"{{{ns}}}{name}", **attrs)
    if text is not None:
        element.text = str(text)
    return element


class Archive:
    """Cases and journalposts kept in memory, numbered like a Noark system."""

    def __init__(self, year: int = 2026, first_case: int = 118) -> None:
        self.year = year
        self.next_case = first_case
        self.cases: dict[tuple[int, int], dict] = {}
        self.case_keys: dict[str, tuple[int, int]] = {}
        self.entries: dict[str, dict] = {}  # by external key
        self.next_entry = 1000
        self.messages: list[bytes] = []  # every arkivmelding received
        self.files: list[dict[str, bytes]] = []

    def add_case(self, number: tuple[int, int]) -> None:
        self.cases[number] = {"entries": []}

    def receive(self, files: dict[str, bytes], schema_folder: str) -> tuple[str, bytes]:
        """File one message; return (message type, answer XML)."""
        xml = files.get("arkivmelding.xml", b"")
        self.messages.append(xml)
        self.files.append(files)
        try:
            schemas.validate(xml, schemas.OPPRETT, schema_folder)
        except schemas.InvalidMessage as error:
            return INVALID, self._error(
                UGYLDIG, "ugyldigforespoersel", str(error), schema_folder
            )
        root = etree.fromstring(xml)
        ns = {"a": NS, "m": MDK}
        case_el = root.find("a:mappe", ns)
        created_case = None
        if case_el is not None:
            key = case_el.findtext("a:referanseEksternNoekkel/m:noekkel", namespaces=ns)
            if key not in self.case_keys:
                number = (self.year, self.next_case)
                self.next_case += 1
                self.add_case(number)
                self.case_keys[key] = number
                created_case = "Opprettet"
            else:
                created_case = "Eksisterende"
        post = root.find("a:registrering", ns)
        parent = post.find("a:referanseForelderMappe", ns)
        saksnummer = parent.find("m:saksnummer", ns)
        if saksnummer is not None:
            number = (
                int(saksnummer.findtext("m:saksaar", namespaces=ns)),
                int(saksnummer.findtext("m:sakssekvensnummer", namespaces=ns)),
            )
            if number not in self.cases:
                return NOT_FOUND, self._error(
                    IKKEFUNNET,
                    "ikkefunnet",
                    f"Saken {number[0]}/{number[1]} finnes ikke",
                    schema_folder,
                )
        else:
            key = parent.findtext("m:referanseEksternNoekkel/m:noekkel", namespaces=ns)
            number = self.case_keys[key]
        entry_key = post.findtext("a:referanseEksternNoekkel/m:noekkel", namespaces=ns)
        entry = self.entries.get(entry_key)
        existing = entry is not None
        if entry is None:
            self.next_entry += 1
            entry = {
                "key": entry_key,
                "case": number,
                "journalsekvensnummer": self.next_entry,
                "journalpostnummer": len(self.cases[number]["entries"]) + 1,
                "type": post.findtext("a:journalposttype/m:kode", namespaces=ns),
                "xml": xml,
            }
            self.entries[entry_key] = entry
            self.cases[number]["entries"].append(entry_key)
        return RECEIPT, self._receipt(
            number, created_case, entry, existing, schema_folder
        )

    def _receipt(self, number, created_case, entry, existing, schema_folder) -> bytes:
        root = etree.Element(
            f"{{{KV}}}arkivmeldingKvittering", nsmap={None: KV, "mdk": MDK, "xsi": XSI}
        )
        if created_case:
            case = _sub(
                root, KV, "mappeKvittering", **{f"{{{XSI}}}type": "saksmappeKvittering"}
            )
            _sub(case, KV, "systemID", str(uuid.uuid4()))
            _sub(case, KV, "opprettetEllerEksisterende", created_case)
            _sub(case, KV, "saksaar", number[0])
            _sub(case, KV, "sakssekvensnummer", number[1])
        post = _sub(
            root,
            KV,
            "registreringKvittering",
            **{f"{{{XSI}}}type": "journalpostKvittering"},
        )
        _sub(post, KV, "systemID", str(uuid.uuid4()))
        key = _sub(post, KV, "referanseEksternNoekkel")
        _sub(key, MDK, "fagsystem", "collective.servicedesk")
        _sub(key, MDK, "noekkel", entry["key"])
        _sub(
            post,
            KV,
            "opprettetEllerEksisterende",
            "Eksisterende" if existing else "Opprettet",
        )
        _sub(post, KV, "journalaar", self.year)
        _sub(post, KV, "journalsekvensnummer", entry["journalsekvensnummer"])
        _sub(post, KV, "journalpostnummer", entry["journalpostnummer"])
        _sub(post, KV, "journaldato", date(self.year, 3, 1).isoformat())
        xml = etree.tostring(root, xml_declaration=True, encoding="utf-8")
        schemas.validate(xml, schemas.KVITTERING, schema_folder)
        return xml

    def _error(self, ns, name, text, schema_folder) -> bytes:
        root = etree.Element(f"{{{ns}}}{name}", nsmap={None: ns, "f": FEIL})
        _sub(root, FEIL, "feilId", str(uuid.uuid4()))
        _sub(root, FEIL, "feilmelding", text)
        xml = etree.tostring(root, xml_declaration=True, encoding="utf-8")
        schema_name = schemas.IKKEFUNNET if name == "ikkefunnet" else schemas.UGYLDIG
        schemas.validate(xml, schema_name, schema_folder)
        return xml
