"""Reply templates managed by editors: an OOBTree of plain dicts on the portal."""

from BTrees.OOBTree import OOBTree
from collective.servicedesk.annotations import portal_storage
from collective.servicedesk.replies.storage import CHANNELS
from datetime import UTC
from datetime import datetime
from plone import api
import uuid

ANNOTATION_KEY = "collective.servicedesk.replytemplates"


def _tree(create: bool = False) -> OOBTree | None:
    """Return the template tree; create it only when asked (never on a read)."""
    return portal_storage(ANNOTATION_KEY, create=create)


def list_templates(channel: str | None = None) -> list[dict]:
    """Return the templates (for one channel, if given), sorted by title."""
    tree = _tree()
    records = [dict(record) for record in tree.values()] if tree is not None else []
    if channel:
        records = [r for r in records if not r["channels"] or channel in r["channels"]]
    return sorted(records, key=lambda r: r["title"].casefold())


def get_template(template_id: str | None) -> dict | None:
    """Return a copy of one template, or None."""
    tree = _tree()
    record = tree.get(template_id) if tree is not None and template_id else None
    return dict(record) if record is not None else None


def save_template(
    title: str,
    text: str,
    subject: str = "",
    channels: list[str] | tuple[str, ...] = (),
    template_id: str | None = None,
) -> dict:
    """Create or replace a template and return it (empty channels = every channel)."""
    title = " ".join((title or "").split())
    if not title or not (text or "").strip():
        raise ValueError("A template needs a title and a text.")
    unknown = set(channels) - set(CHANNELS)
    if unknown:
        raise ValueError(f"Unknown channels: {sorted(unknown)}")
    record = {
        "id": template_id or uuid.uuid4().hex[:12],
        "title": title,
        "subject": " ".join((subject or "").split()),
        "text": text.strip().replace("\r\n", "\n"),
        "channels": [c for c in CHANNELS if c in channels],
        "modified": datetime.now(UTC),
        "modified_by": api.user.get_current().getId(),
    }
    _tree(create=True)[record["id"]] = record
    return dict(record)


def delete_template(template_id: str) -> bool:
    """Delete a template; True if it existed."""
    tree = _tree()
    if tree is None or template_id not in tree:
        return False
    del tree[template_id]
    return True
