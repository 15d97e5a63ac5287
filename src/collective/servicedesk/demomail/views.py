"""@@servicedesk-demo-mail: what the demo sent (replies, notices), for managers."""

from collective.servicedesk.localtime import format_local
from email import policy
from email.parser import BytesParser
from email.utils import parsedate_to_datetime
from pathlib import Path
from Products.Five.browser import BrowserView
import os

ENVIRONMENT = "SERVICEDESK_DEMO_MAIL_DIR"
LIMIT = 50
MAX_SIZE = 2 * 1024 * 1024


def mail_folder() -> Path | None:
    """The sink's folder (set by ``make start``), or None on a real site."""
    value = os.environ.get(ENVIRONMENT, "")
    return Path(value) if value else None


def _body(message) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    try:
        return part.get_content() if part is not None else ""
    except (LookupError, ValueError):
        return ""


def read_messages(folder: Path, limit: int = LIMIT) -> list[dict]:
    """The newest messages of the folder, newest first (read only)."""
    if not folder.is_dir():
        return []
    rows = []
    for path in sorted(folder.glob("*.eml"), reverse=True)[:limit]:
        if path.stat().st_size > MAX_SIZE:
            continue
        message = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
        try:
            when = format_local(parsedate_to_datetime(message["Date"]))
        except (TypeError, ValueError):
            when = ""
        rows.append(
            {
                "id": path.stem,
                "from": str(message["From"] or ""),
                "to": str(message["To"] or ""),
                "subject": str(message["Subject"] or ""),
                "when": when,
                "text": _body(message),
                "attachments": [
                    part.get_filename() or "" for part in message.iter_attachments()
                ],
            }
        )
    return rows


class DemoMailView(BrowserView):
    """List the caught messages; nothing is written."""

    def folder(self) -> Path | None:
        return mail_folder()

    def messages(self) -> list[dict]:
        folder = self.folder()
        return read_messages(folder) if folder is not None else []
