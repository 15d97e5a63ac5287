"""Files that came with an e-mail or a message, stored on the inquiry.

Stored as ``NamedBlobFile`` values in an annotation of the inquiry (an OOBTree
of plain dicts), not as content items: an inquiry is not a folder, and an
annotation shares the inquiry's security, so a confidential inquiry's files
are confidential too, and they go when the inquiry goes. Records are never
changed in place.
"""

from BTrees.OOBTree import OOBTree
from collective.servicedesk.annotations import object_storage
from datetime import UTC
from datetime import datetime
from plone.namedfile.file import NamedBlobFile
import mimetypes
import re
import uuid

ANNOTATION_KEY = "collective.servicedesk.attachments"
# Per file and per message; larger files are left in the mailbox.
MAX_SIZE = 25 * 1024 * 1024
MAX_COUNT = 20
UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]+")


def clean_filename(name: str | None, content_type: str = "") -> str:
    """Return a safe file name (no paths, no control characters)."""
    name = UNSAFE.sub("_", (name or "").strip()).strip(". _")[:150]
    if not name:
        extension = mimetypes.guess_extension(content_type or "") or ".bin"
        name = "attachment" + extension
    return name


def _tree(obj, create: bool = False) -> OOBTree | None:
    return object_storage(obj, ANNOTATION_KEY, create=create)


def add_attachments(obj, files, source: str = "") -> list[dict]:
    """Store ``(filename, content_type, data)`` triples on ``obj``; return records.

    Empty and oversized files and those beyond ``MAX_COUNT`` are skipped.
    """
    stored = []
    for filename, content_type, data in list(files or ())[:MAX_COUNT]:
        if not data or len(data) > MAX_SIZE:
            continue
        content_type = content_type or "application/octet-stream"
        filename = clean_filename(filename, content_type)
        now = datetime.now(UTC)
        record = {
            "id": f"{now:%Y%m%d%H%M%S%f}-{uuid.uuid4().hex[:8]}",
            "filename": filename,
            "content_type": content_type,
            "size": len(data),
            "file": NamedBlobFile(
                data=data, contentType=content_type, filename=filename
            ),
            "added": now,
            "source": source,
        }
        _tree(obj, create=True)[record["id"]] = record
        stored.append(dict(record))
    return stored


def list_attachments(obj) -> list[dict]:
    """Return copies of the attachment records of ``obj``, oldest first."""
    tree = _tree(obj)
    return [dict(record) for record in tree.values()] if tree is not None else []


def get_attachment(obj, attachment_id: str) -> dict | None:
    """Return a copy of one attachment record, or None."""
    tree = _tree(obj)
    record = tree.get(attachment_id) if tree is not None and attachment_id else None
    return dict(record) if record is not None else None
