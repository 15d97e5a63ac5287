"""Letters to citizens: an A4 PDF with the municipality's letterhead (reportlab)."""

from dataclasses import dataclass
from dataclasses import field
from datetime import date
from io import BytesIO
from pathlib import Path
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph
from reportlab.platypus import SimpleDocTemplate
from reportlab.platypus import Spacer
from reportlab.platypus import Table
from reportlab.platypus import TableStyle
from xml.sax.saxutils import escape
import reportlab

# A font with Norwegian and Sami letters (æøå, čšŋ…): DejaVu if the system has
# it, else reportlab's bundled Vera, else the PDF base font.
FONT_CANDIDATES = (
    (
        Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
        Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ),
    (
        Path(reportlab.__file__).parent / "fonts" / "Vera.ttf",
        Path(reportlab.__file__).parent / "fonts" / "VeraBd.ttf",
    ),
)


@dataclass
class Letter:
    """What goes on the letter; every text is already translated."""

    municipality: str
    reference: str
    date: date
    body: str
    subject: str = ""
    letterhead_address: str = ""
    logo_text: str = ""
    recipient_name: str = ""
    recipient_address: str = ""
    sender_name: str = ""
    sender_unit: str = ""
    labels: dict = field(default_factory=dict)


def _fonts() -> tuple[str, str]:
    """Register and return (regular, bold) font names."""
    for regular, bold in FONT_CANDIDATES:
        if regular.exists() and bold.exists():
            if "SDSans" not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont("SDSans", str(regular)))
                pdfmetrics.registerFont(TTFont("SDSans-Bold", str(bold)))
            return "SDSans", "SDSans-Bold"
    return "Helvetica", "Helvetica-Bold"


def _lines(text: str) -> str:
    """Escape ``text`` for a Paragraph and keep its line breaks."""
    return "<br/>".join(escape(line) for line in (text or "").strip().splitlines())


def render(letter: Letter) -> bytes:
    """Return the PDF of ``letter``."""
    regular, bold = _fonts()
    styles = {
        "logo": ParagraphStyle("logo", fontName=bold, fontSize=18, leading=22),
        "head": ParagraphStyle("head", fontName=bold, fontSize=11, leading=14),
        "small": ParagraphStyle("small", fontName=regular, fontSize=8.5, leading=11),
        "meta": ParagraphStyle(
            "meta", fontName=regular, fontSize=9.5, leading=13, alignment=TA_RIGHT
        ),
        "body": ParagraphStyle("body", fontName=regular, fontSize=11, leading=15),
        "subject": ParagraphStyle("subject", fontName=bold, fontSize=12, leading=16),
    }
    labels = {"reference": "Our reference", "date": "Date", **letter.labels}
    story = []
    if letter.logo_text:
        story.append(Paragraph(_lines(letter.logo_text), styles["logo"]))
    story.append(Paragraph(_lines(letter.municipality), styles["head"]))
    if letter.letterhead_address:
        story.append(Paragraph(_lines(letter.letterhead_address), styles["small"]))
    story.append(Spacer(1, 14 * mm))
    recipient = "\n".join(
        part for part in (letter.recipient_name, letter.recipient_address) if part
    )
    meta = (
        f"{escape(labels['reference'])}: {escape(letter.reference)}<br/>"
        f"{escape(labels['date'])}: {letter.date:%d.%m.%Y}"
    )
    table = Table(
        [
            [
                Paragraph(_lines(recipient), styles["body"]),
                Paragraph(meta, styles["meta"]),
            ]
        ],
        colWidths=[100 * mm, 70 * mm],
    )
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story.extend([table, Spacer(1, 14 * mm)])
    if letter.subject:
        story.extend([Paragraph(_lines(letter.subject), styles["subject"])])
        story.append(Spacer(1, 5 * mm))
    for paragraph in (letter.body or "").strip().split("\n\n"):
        story.append(Paragraph(_lines(paragraph), styles["body"]))
        story.append(Spacer(1, 3 * mm))
    signature = "\n".join(p for p in (letter.sender_name, letter.sender_unit) if p)
    if signature:
        story.extend([Spacer(1, 8 * mm), Paragraph(_lines(signature), styles["body"])])
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=25 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=20 * mm,
        title=f"{letter.municipality} {letter.reference}",
        author=letter.municipality,
    )
    document.build(story)
    return buffer.getvalue()
