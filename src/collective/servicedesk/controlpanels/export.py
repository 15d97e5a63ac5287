"""A complete export of the service desk's content, before it is removed.

One ZIP: ``inquiries.jsonl`` and ``knowledge.jsonl`` (one JSON object per
line: every field, the workflow state and history, the change history),
``categories.json`` and a ``README.txt``. Built in a temporary file and
streamed, so a large desk does not sit in memory.
"""

from collective.servicedesk import logger
from collective.servicedesk.categories.storage import list_categories
from collective.servicedesk.history.storage import entries as history_entries
from collective.servicedesk.setuphandlers import uninstall
from datetime import UTC
from datetime import datetime
from plone import api
from plone.dexterity.utils import iterSchemata
from plone.protect import CheckAuthenticator
from plone.restapi.serializer.converters import json_compatible
from Products.Five.browser import BrowserView
from zope.schema import getFieldsInOrder
from ZPublisher.Iterators import filestream_iterator
import json
import os
import tempfile
import zipfile

README = """Export of collective.servicedesk, {when} (UTC), by {user}.

inquiries.jsonl  one inquiry per line: fields, workflow state and history
knowledge.jsonl  FAQ entries and experience documents, one per line
categories.json  the service catalogue (with retired categories)
"""


def serialize(obj) -> dict:
    """Every schema field of ``obj`` plus where it was and what happened to it."""
    data = {
        "path": "/".join(obj.getPhysicalPath()),
        "id": obj.getId(),
        "UID": obj.UID(),
        "portal_type": obj.portal_type,
        "review_state": api.content.get_state(obj, default=None),
        "created": json_compatible(obj.created()),
        "modified": json_compatible(obj.modified()),
        "workflow_history": json_compatible(
            dict(getattr(obj, "workflow_history", {}) or {})
        ),
    }
    for schema in iterSchemata(obj):
        for name, field in getFieldsInOrder(schema):
            value = field.bind(obj).query(obj, None)
            try:
                data[name] = json_compatible(value)
            except (TypeError, ValueError):
                data[name] = str(value)
    try:
        data["history"] = json_compatible(history_entries(obj))
    except Exception:  # noqa: BLE001 - an unreadable history is noted, not fatal
        logger.exception("No history exported for %s", data["path"])
        data["history"] = None
    return data


def write_export(path: str) -> dict[str, int]:
    """Write the ZIP to ``path``; return the counts it holds."""
    catalog = api.portal.get_tool("portal_catalog")
    counts = {}
    user = api.user.get_current().getId()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, types in (
            ("inquiries", ["Inquiry"]),
            ("knowledge", ["FAQEntry", "ExperienceDocument"]),
        ):
            count = 0
            with archive.open(f"{name}.jsonl", "w") as stream:
                for brain in catalog.unrestrictedSearchResults(
                    portal_type=types, sort_on="path"
                ):
                    line = json.dumps(
                        serialize(brain._unrestrictedGetObject()), ensure_ascii=False
                    )
                    stream.write(line.encode("utf-8") + b"\n")
                    count += 1
            counts[name] = count
        archive.writestr(
            "categories.json",
            json.dumps(list_categories(include_retired=True), ensure_ascii=False),
        )
        archive.writestr(
            "README.txt",
            README.format(when=datetime.now(UTC).isoformat(), user=user),
        )
    return counts


class ExportView(BrowserView):
    """POST: download the export (and remember it was handed out)."""

    def __call__(self):
        if self.request.method != "POST":
            self.request.response.redirect(
                f"{self.context.absolute_url()}/@@servicedesk-uninstall"
            )
            return ""
        CheckAuthenticator(self.request)
        handle, path = tempfile.mkstemp(prefix="servicedesk-export-", suffix=".zip")
        os.close(handle)
        counts = write_export(path)
        uninstall.note_export(self.context, counts)
        stream = filestream_iterator(path, "rb")
        # Unlinked now, read until the response is sent (POSIX keeps it open).
        os.unlink(path)
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M")
        response = self.request.response
        response.setHeader("Content-Type", "application/zip")
        response.setHeader(
            "Content-Disposition",
            f'attachment; filename="servicedesk-export-{stamp}.zip"',
        )
        response.setHeader("Content-Length", str(os.fstat(stream.fileno()).st_size))
        logger.info("Export of %s handed out.", counts)
        return stream
