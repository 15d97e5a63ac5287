"""Follow-ups from unknown senders, held for staff review.

A mail (or SMS) that names an inquiry but does not come from the inquiry's
known address is not added to it: it waits in an annotation of the inquiry,
so it shares the inquiry's security (a confidential inquiry's held mail is
as confidential as the inquiry) and goes when the inquiry goes. A small
site-wide index (inquiry UID -> number held, no personal data) lets the
review page find the inquiries with held mail through the catalog, which
shows each member only the inquiries they may view.
"""

from BTrees.OOBTree import OOBTree
from collective.servicedesk.annotations import object_storage
from collective.servicedesk.annotations import portal_storage
from collective.servicedesk.intake.attachments import MAX_COUNT
from collective.servicedesk.intake.attachments import MAX_SIZE
from collective.servicedesk.intake.attachments import clean_filename
from datetime import UTC
from datetime import datetime
from persistent.mapping import PersistentMapping
from plone import api
from plone.namedfile.file import NamedBlobFile
from zope.annotation.interfaces import IAnnotations
import uuid

ANNOTATION_KEY = "collective.servicedesk.held_mail"
INDEX_KEY = "collective.servicedesk.held_mail_index"


def _held(obj, create: bool = False) -> OOBTree | None:
    return object_storage(obj, ANNOTATION_KEY, create=create)


def _index(create: bool = False) -> OOBTree | None:
    return portal_storage(INDEX_KEY, create=create)


def _count_changed(obj) -> None:
    uid = api.content.get_uuid(obj)
    tree = _held(obj)
    count = len(tree) if tree is not None else 0
    index = _index(create=bool(count))
    if index is None:
        return
    if count:
        if index.get(uid) != count:
            index[uid] = count
    elif uid in index:
        del index[uid]


def hold(
    obj,
    channel: str,
    text: str,
    sender: str,
    sender_name: str = "",
    subject: str = "",
    attachments=(),
) -> str:
    """Keep a follow-up from an unknown sender for review; return its id."""
    now = datetime.now(UTC)
    files = []
    for filename, content_type, data in list(attachments or ())[:MAX_COUNT]:
        if not data or len(data) > MAX_SIZE:
            continue
        content_type = content_type or "application/octet-stream"
        filename = clean_filename(filename, content_type)
        blob = NamedBlobFile(data=data, contentType=content_type, filename=filename)
        files.append({"filename": filename, "content_type": content_type, "file": blob})
    held_id = f"{now:%Y%m%d%H%M%S%f}-{uuid.uuid4().hex[:8]}"
    _held(obj, create=True)[held_id] = PersistentMapping(
        {
            "id": held_id,
            "channel": channel,
            "sender": sender or "",
            "sender_name": sender_name or "",
            "subject": subject or "",
            "text": text or "",
            "attachments": files,
            "received": now,
        }
    )
    _count_changed(obj)
    return held_id


def held_items(obj) -> list[dict]:
    """Return copies of the held follow-ups of ``obj``, oldest first."""
    tree = _held(obj)
    return [dict(item) for item in tree.values()] if tree is not None else []


def held_count(obj) -> int:
    """Return how many follow-ups of ``obj`` wait for review."""
    tree = _held(obj)
    return len(tree) if tree is not None else 0


def take(obj, held_id: str) -> dict | None:
    """Remove one held follow-up and return it (None if it is gone)."""
    tree = _held(obj)
    if tree is None or not held_id or held_id not in tree:
        return None
    item = dict(tree[held_id])
    del tree[held_id]
    _count_changed(obj)
    return item


def drop_all(obj) -> int:
    """Remove every held follow-up of ``obj`` (anonymising, deletion)."""
    tree = IAnnotations(obj).pop(ANNOTATION_KEY, None)
    uid = api.content.get_uuid(obj)
    index = _index()
    if index is not None and uid in index:
        del index[uid]
    return len(tree) if tree is not None else 0


def held_counts() -> dict[str, int]:
    """Return inquiry UID -> number of held follow-ups (no personal data)."""
    index = _index()
    return dict(index.items()) if index is not None else {}


def on_removed(obj, event) -> None:
    """Drop the index entry of a deleted inquiry (its annotation goes with it)."""
    try:
        index = _index()
    except api.exc.CannotGetPortalError:  # the whole site is being removed
        return
    uid = api.content.get_uuid(obj) if index is not None else None
    if uid and uid in index:
        del index[uid]
