"""What goes into one arkivmelding: plain data, independent of Plone."""

from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
import hashlib
import re

INCOMING = "I"  # Noark 5 journalposttype: inngående dokument
OUTGOING = "U"  # utgående dokument
SENDER = "EA"  # korrespondanseparttype: avsender
RECIPIENT = "EM"  # mottaker
MAIN = "H"  # tilknyttetRegistreringSom: hoveddokument
ATTACHMENT = "V"  # vedlegg
ANONYMOUS_NAME = "Anonym"
CASE_NUMBER = re.compile(r"^\s*(\d{4})\s*/\s*(\d{1,9})\s*$")


def parse_case_number(value: str | None) -> tuple[int, int] | None:
    """Return (saksaar, sakssekvensnummer) of "2026/118", or None."""
    match = CASE_NUMBER.match(value or "")
    return (int(match.group(1)), int(match.group(2))) if match else None


def format_case_number(year: int, sequence: int) -> str:
    """Return the case number as people write it: "2026/118"."""
    return f"{year}/{sequence}"


@dataclass
class Party:
    """A korrespondansepart: who sent or received the document."""

    kind: str
    name: str
    email: str = ""
    phone: str = ""
    organisation: str = ""
    unit: str = ""
    handler: str = ""
    is_person: bool = True
    shielded: bool = False


@dataclass
class Document:
    """A file of the journalpost (the rendered PDF or an attachment)."""

    number: int
    title: str
    filename: str
    reference: str
    mime_type: str
    data: bytes
    role: str = MAIN

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass
class Entry:
    """One journalpost: the citizen's inquiry (I) or a reply (U)."""

    key: str
    direction: str
    title: str
    public_title: str
    date: datetime
    parties: list[Party] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    description: str = ""


@dataclass
class Filing:
    """One arkivmelding: a journalpost, in an existing case or with a new one."""

    system: str
    case_key: str
    case_title: str
    case_public_title: str
    entry: Entry
    case_number: str = ""
    new_case: bool = False
    archive_part: str = ""
    confidential: bool = False
    authority: str = ""
    unit: str = ""
    handler: str = ""
