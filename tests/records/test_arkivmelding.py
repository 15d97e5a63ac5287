"""The arkivmelding validates against the official Fiks Arkiv XSD in every case."""

from collective.servicedesk.records import arkivmelding
from collective.servicedesk.records import schemas
from collective.servicedesk.records.api import _messages
from collective.servicedesk.records.collect import filing
from collective.servicedesk.records.model import Entry
from collective.servicedesk.records.model import Filing
from datetime import UTC
from datetime import datetime
from lxml import etree
from tests.records.helpers import filable
import pytest

NS = {"a": arkivmelding.NS, "m": arkivmelding.MDK}


@pytest.fixture
def desk(portal, xsd_folder):
    from plone.app.testing import TEST_USER_ID
    from plone.app.testing import setRoles
    from tests.replies.helpers import make_desk

    setRoles(portal, TEST_USER_ID, ["Manager"])
    return make_desk(portal)


def build_all(obj, case_number: str = "") -> list[etree._Element]:
    """Build (and so validate) every message of the inquiry's filing."""
    messages = _messages(obj)
    return [
        etree.fromstring(arkivmelding.build(filing(obj, m, case_number or "2026/5")))
        if index
        else etree.fromstring(arkivmelding.build(filing(obj, m, case_number)))
        for index, m in enumerate(messages)
    ]


class TestValid:
    def test_new_case_asks_for_a_saksmappe(self, desk):
        obj = filable(desk)
        (root,) = build_all(obj)
        case = root.find("a:mappe", NS)
        assert case is not None
        assert case.get(f"{{{arkivmelding.XSI}}}type") == "saksmappe"
        parent = root.find("a:registrering/a:referanseForelderMappe", NS)
        key = parent.findtext("m:referanseEksternNoekkel/m:noekkel", namespaces=NS)
        assert key == obj.UID()
        assert (
            root.findtext("a:registrering/a:journalposttype/m:kode", namespaces=NS)
            == "I"
        )

    def test_existing_case_by_saksnummer(self, desk):
        obj = filable(desk, case_number="2026/118")
        (root,) = build_all(obj, "2026/118")
        assert root.find("a:mappe", NS) is None
        number = root.find("a:registrering/a:referanseForelderMappe/m:saksnummer", NS)
        assert number.findtext("m:saksaar", namespaces=NS) == "2026"
        assert number.findtext("m:sakssekvensnummer", namespaces=NS) == "118"

    def test_requester_is_the_sender(self, desk):
        obj = filable(desk)
        (root,) = build_all(obj)
        part = root.find("a:registrering/a:korrespondansepart", NS)
        assert (
            part.findtext("a:korrespondansepartNavn", namespaces=NS) == "Åse Nordmann"
        )
        assert part.findtext("a:epostadresse", namespaces=NS) == "ase@example.org"
        assert part.findtext("a:korrespondanseparttype/m:kode", namespaces=NS) == "EA"

    def test_anonymous_stays_anonymous(self, desk):
        obj = filable(
            desk,
            anonymous=True,
            requester_name=None,
            requester_email=None,
            requester_phone=None,
            requester_organisation=None,
        )
        (root,) = build_all(obj)
        part = root.find("a:registrering/a:korrespondansepart", NS)
        assert part.findtext("a:korrespondansepartNavn", namespaces=NS) == "Anonym"
        assert part.findtext("a:erPersonnavn", namespaces=NS) == "false"
        text = etree.tostring(root).decode()
        assert "ase@example.org" not in text and "912 34 567" not in text

    def test_confidential_is_shielded(self, desk):
        obj = filable(desk, confidential=True)
        (root,) = build_all(obj)
        post = root.find("a:registrering", NS)
        assert (
            post.findtext("a:skjerming/a:tilgangsrestriksjon/m:kode", namespaces=NS)
            == "13"
        )
        assert post.findtext("a:skjerming/a:skjermingshjemmel", namespaces=NS)
        assert root.find("a:mappe/a:skjerming", NS) is not None
        part = post.find("a:korrespondansepart", NS)
        assert part.findtext("a:erSkjermet", namespaces=NS) == "true"
        # The public title names nobody.
        assert "Åse" not in post.findtext("a:offentligTittel", namespaces=NS)
        for document in post.findall("a:dokumentbeskrivelse", NS):
            assert document.find("a:skjerming", NS) is not None

    def test_replies_are_outgoing_journalposts(self, desk):
        obj = filable(desk, replies=2)
        roots = build_all(obj)
        kinds = [
            r.findtext("a:registrering/a:journalposttype/m:kode", namespaces=NS)
            for r in roots
        ]
        assert kinds == ["I", "U", "U"]
        recipient = roots[1].find("a:registrering/a:korrespondansepart", NS)
        assert (
            recipient.findtext("a:korrespondanseparttype/m:kode", namespaces=NS) == "EM"
        )

    def test_attachments_as_they_came(self, desk):
        obj = filable(desk, attachments=2)
        (root,) = build_all(obj)
        documents = root.findall("a:registrering/a:dokumentbeskrivelse", NS)
        roles = [
            d.findtext("a:tilknyttetRegistreringSom/m:kode", namespaces=NS)
            for d in documents
        ]
        assert roles == ["H", "V", "V"]
        assert root.findtext("a:antallFiler", namespaces=NS) == "3"
        names = [
            d.findtext("a:dokumentobjekt/a:filnavn", namespaces=NS) for d in documents
        ]
        assert names[1:] == ["tegning-0.pdf", "tegning-1.pdf"]

    def test_documents_are_pdfs_with_checksums(self, desk):
        obj = filable(desk, replies=1)
        message = _messages(obj)[0]
        item = filing(obj, message, "")
        main = item.entry.documents[0]
        assert main.data.startswith(b"%PDF")
        root = etree.fromstring(arkivmelding.build(item))
        checksum = root.findtext(
            "a:registrering/a:dokumentbeskrivelse/a:dokumentobjekt/a:sjekksum",
            namespaces=NS,
        )
        assert checksum == main.checksum


class TestInvalid:
    def test_schema_invalid_message_is_refused(self, xsd_folder):
        entry = Entry(
            key="k", direction="X", title="", public_title="t", date=datetime.now(UTC)
        )
        item = Filing(
            system="s",
            case_key="c",
            case_title="t",
            case_public_title="t",
            entry=entry,
            new_case=True,
        )
        # An empty title (minLength 1) is against the schema: build() refuses.
        with pytest.raises(schemas.InvalidMessage) as error:
            arkivmelding.build(item)
        assert "tittel" in str(error.value)

    def test_missing_schema_folder_is_an_error(self, monkeypatch):
        monkeypatch.delenv(schemas.ENV, raising=False)
        with pytest.raises(schemas.SchemaMissing):
            schemas.folder("")
