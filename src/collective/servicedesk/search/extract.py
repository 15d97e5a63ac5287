"""Plain text out of attached files (PDF with pypdf, DOCX with python-docx)."""

from collective.servicedesk import logger
from io import BytesIO

# Enough for any guide or regulation; protects the index from a 500-page scan dump.
MAX_CHARS = 500_000

PDF_TYPES = ("application/pdf",)
DOCX_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(BytesIO(data))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def file_kind(filename: str = "", content_type: str = "") -> str | None:
    """Return "pdf", "docx", "text" or None for a file we cannot read."""
    name = (filename or "").lower()
    content_type = (content_type or "").lower()
    if content_type in PDF_TYPES or name.endswith(".pdf"):
        return "pdf"
    if content_type in DOCX_TYPES or name.endswith(".docx"):
        return "docx"
    if content_type.startswith("text/") or name.endswith((".txt", ".md", ".csv")):
        return "text"
    return None


def extract_text(data: bytes, filename: str = "", content_type: str = "") -> str:
    """Text of a PDF, DOCX or plain-text file; empty for other or broken files."""
    kind = file_kind(filename, content_type)
    if not data or kind is None:
        return ""
    try:
        if kind == "pdf":
            text = _pdf_text(data)
        elif kind == "docx":
            text = _docx_text(data)
        else:
            text = data.decode("utf-8", errors="replace")
    except Exception:  # a broken upload must never break saving or indexing
        logger.warning("Could not extract text from %r", filename, exc_info=True)
        return ""
    return text[:MAX_CHARS]
