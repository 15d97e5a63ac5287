"""Attached PDF and DOCX files are searchable (real files made in the test)."""

from collective.servicedesk.knowledge.text import attachment_text
from collective.servicedesk.search import search
from collective.servicedesk.search.extract import extract_text
from collective.servicedesk.search.extract import file_kind
from io import BytesIO
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.namedfile.file import NamedBlobFile
from tests.knowledge.helpers import make_document
from tests.knowledge.helpers import make_kb
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent
import base64
import pytest
import transaction

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def make_pdf(*lines: str) -> bytes:
    """A real PDF with the given lines (reportlab, built-in font with Latin-1)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    y = 800
    for line in lines:
        pdf.drawString(72, y, line)
        y -= 20
    pdf.showPage()
    pdf.drawString(72, 800, "Side to: klagefrist tre uker.")
    pdf.save()
    return buffer.getvalue()


def make_docx(*paragraphs: str, table: tuple[str, str] | None = None) -> bytes:
    """A real Word document (python-docx)."""
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        cells = document.add_table(rows=1, cols=2).rows[0].cells
        cells[0].text, cells[1].text = table
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


class TestExtraction:
    def test_pdf(self):
        text = extract_text(
            make_pdf("Søknad om bostøtte sendes Husbanken."), "veileder.pdf"
        )
        assert "Søknad om bostøtte sendes Husbanken." in text
        assert "klagefrist" in text  # second page too

    def test_docx_paragraphs_and_tables(self):
        data = make_docx(
            "Rutine for utleie av kommunale boliger.", table=("Frist", "Tre uker")
        )
        text = extract_text(data, "rutine.docx", DOCX)
        assert "kommunale boliger" in text
        assert "Tre uker" in text

    @pytest.mark.parametrize(
        "filename,content_type,kind",
        [
            ("a.pdf", "", "pdf"),
            ("a.bin", "application/pdf", "pdf"),
            ("a.DOCX", "", "docx"),
            ("a.txt", "", "text"),
            ("a.png", "image/png", None),
        ],
    )
    def test_kind(self, filename, content_type, kind):
        assert file_kind(filename, content_type) == kind

    def test_broken_file_gives_empty_text(self):
        assert extract_text(b"%PDF-1.4 this is not a pdf", "broken.pdf") == ""
        assert extract_text(b"PK\x03\x04 not a zip", "broken.docx") == ""


class TestAttachmentsInSearch:
    def test_pdf_and_docx_words_found_in_inflected_form(self, portal, kb):
        pdf = NamedBlobFile(
            data=make_pdf("Veileder: Slik søker du om tilskudd til trappeheis."),
            filename="trappeheis.pdf",
            contentType="application/pdf",
        )
        docx = NamedBlobFile(
            data=make_docx("Rutinen gjelder utleie av kommunale gymsaler."),
            filename="gymsal.docx",
            contentType=DOCX,
        )
        make_document(kb, "Tilskudd", state="published", attachment=pdf)
        make_document(kb, "Utleie", state="published", attachment=docx)
        assert [i["title"] for i in search("trappeheisen")["items"]] == ["Tilskudd"]
        assert [i["title"] for i in search("gymsalen")["items"]] == ["Utleie"]
        # The excerpt falls back to the file's text when there is no description.
        assert "<mark>gymsaler</mark>" in search("gymsal")["items"][0]["snippet_html"]

    def test_replacing_the_file_replaces_its_text(self, portal, kb):
        doc = make_document(
            kb,
            "Skjema",
            state="published",
            attachment=NamedBlobFile(
                data=make_docx("Gammel tekst om hundehold."), filename="a.docx"
            ),
        )
        assert search("hundehold")["total"] == 1
        with api.env.adopt_roles(["Manager"]):
            doc.attachment = NamedBlobFile(
                data=make_docx("Ny tekst om kattehold."), filename="a.docx"
            )
            notify(ObjectModifiedEvent(doc))
        assert search("hundehold")["total"] == 0
        assert search("kattehold")["total"] == 1
        assert "kattehold" in attachment_text(doc)


class TestUploadOverREST:
    def test_upload_pdf_and_find_it(self, functional_portal, request_factory):
        make_kb(functional_portal)
        transaction.commit()
        session = request_factory(basic_auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD))
        data = make_pdf("Kommunen rydder snø fra fortau etter klokken sju.")
        response = session.post(
            "/knowledge-base",
            json={
                "@type": "ExperienceDocument",
                "title": "Snørydding",
                "document_kind": "routine",
                "attachment": {
                    "data": base64.b64encode(data).decode(),
                    "encoding": "base64",
                    "filename": "snorydding.pdf",
                    "content-type": "application/pdf",
                },
            },
        )
        assert response.status_code == 201, response.text
        found = session.get("/@knowledge-search", params={"q": "fortauene"}).json()
        assert [i["title"] for i in found["items"]] == ["Snørydding"]
