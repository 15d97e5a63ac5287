"""The reply macros of the site: an OOBTree of plain dicts in a portal annotation."""

from BTrees.OOBTree import OOBTree
from collective.servicedesk import _
from collective.servicedesk.annotations import portal_storage
from datetime import UTC
from datetime import datetime
from plone import api
import uuid

ANNOTATION_KEY = "collective.servicedesk.replymacros"
MAX_TITLE = 120
MAX_TEXT = 5000
MAX_QUERY = 100
MAX_MACROS = 500
# A picker shows a handful; the search never lists thousands.
MAX_RESULTS = 20


class MacroError(ValueError):
    """A macro that cannot be saved: a translatable message and the field."""

    def __init__(self, message, field: str = "") -> None:
        super().__init__(str(message))
        self.message = message
        self.field = field


def _tree(create: bool = False) -> OOBTree | None:
    """Return the macro tree; created only by writers (never on a read)."""
    return portal_storage(ANNOTATION_KEY, create=create)


def get_macro(macro_id: str | None) -> dict | None:
    """Return a copy of one macro, or None."""
    tree = _tree()
    if tree is None or not isinstance(macro_id, str) or not macro_id:
        return None
    record = tree.get(macro_id)
    return dict(record) if record is not None else None


def search_macros(query: str = "", limit: int | None = MAX_RESULTS) -> list[dict]:
    """Macros whose title or text contains every word of ``query``, by title."""
    tree = _tree()
    if tree is None:
        return []
    words = (query or "")[:MAX_QUERY].casefold().split()
    found = []
    for record in tree.values():
        haystack = f"{record['title']}\n{record['text']}".casefold()
        if all(word in haystack for word in words):
            found.append(dict(record))
    found.sort(key=lambda r: (r["title"].casefold(), r["id"]))
    return found[:limit] if limit else found


def count_macros() -> int:
    """How many macros are stored."""
    tree = _tree()
    return len(tree) if tree is not None else 0


def check(title: str, text: str) -> tuple[str, str]:
    """Return the cleaned title and text or raise ``MacroError`` (limits first)."""
    if not isinstance(title, str) or not isinstance(text, str):
        raise MacroError(_("error_macro_text", default="Write the macro's text."))
    if len(title) > MAX_TITLE:
        raise MacroError(
            _(
                "error_macro_title_long",
                default="The title is longer than ${max} characters.",
                mapping={"max": MAX_TITLE},
            ),
            "title",
        )
    if len(text) > MAX_TEXT:
        raise MacroError(
            _(
                "error_macro_text_long",
                default="The text is longer than ${max} characters.",
                mapping={"max": MAX_TEXT},
            ),
            "text",
        )
    title = " ".join(title.split())
    text = text.replace("\r\n", "\n").strip()
    if not title:
        raise MacroError(
            _("error_macro_title", default="Give the macro a title."), "title"
        )
    if not text:
        raise MacroError(
            _("error_macro_text", default="Write the macro's text."), "text"
        )
    return title, text


def save_macro(title: str, text: str, macro_id: str | None = None) -> dict:
    """Create (no ``macro_id``) or replace a macro and return it."""
    title, text = check(title, text)
    tree = _tree(create=True)
    if macro_id is not None and macro_id not in tree:
        raise MacroError(_("error_macro_missing", default="No such macro."), "id")
    if macro_id is None and len(tree) >= MAX_MACROS:
        raise MacroError(
            _(
                "error_macro_too_many",
                default="There are already ${max} macros; delete one first.",
                mapping={"max": MAX_MACROS},
            )
        )
    record = {
        "id": macro_id or uuid.uuid4().hex[:12],
        "title": title,
        "text": text,
        "modified": datetime.now(UTC),
        "modified_by": api.user.get_current().getId(),
    }
    tree[record["id"]] = record
    return dict(record)


def delete_macro(macro_id: str) -> bool:
    """Delete a macro; True if it existed."""
    tree = _tree()
    if tree is None or not isinstance(macro_id, str) or macro_id not in tree:
        return False
    del tree[macro_id]
    return True
