"""Plain-text helpers for knowledge content (indexing, excerpts, category titles)."""

from Acquisition import aq_base
from collective.servicedesk.categories import get_category
from collective.servicedesk.categories.language import pick_title
from collective.servicedesk.plaintext import html_to_text
from collective.servicedesk.search.extract import extract_text
import hashlib


def richtext_to_text(value) -> str:
    """Plain text of a RichTextValue (its raw HTML, without tags)."""
    if value is None:
        return ""
    return html_to_text(getattr(value, "raw", None) or "")


def excerpt(text: str, length: int = 400) -> str:
    """The first ``length`` characters of text, cut at a word boundary."""
    text = " ".join((text or "").split())
    if len(text) <= length:
        return text
    return text[:length].rsplit(" ", 1)[0] + " …"


def category_titles(category_ids) -> list[str]:
    """Titles of categories in all languages, so "byggesak" finds building permits."""
    titles: list[str] = []
    for category_id in category_ids or ():
        record = get_category(category_id) if category_id else None
        if record:
            titles.extend(t for t in (record.get("title") or {}).values() if t)
    return titles


def attachment_text(obj) -> str:
    """Text of the attached file, extracted once per file version and cached."""
    file = getattr(aq_base(obj), "attachment", None)
    if file is None or not getattr(file, "size", 0):
        return ""
    data = file.data
    signature = (file.filename, file.size, hashlib.sha1(data).hexdigest())  # noqa: S324
    cached = getattr(aq_base(obj), "_servicedesk_attachment_text", None)
    if cached and cached[0] == signature:
        return cached[1]
    text = extract_text(data, file.filename or "", file.contentType or "")
    # Written only when the file changed, i.e. within the request that saved it.
    obj._servicedesk_attachment_text = (signature, text)
    return text


def category_title(category_id: str, language: str | None = None) -> str:
    """The category's title in the current (or given) language; its id if unknown."""
    record = get_category(category_id) if category_id else None
    if not record:
        return category_id or ""
    return pick_title(record.get("title") or {}, language) or category_id
