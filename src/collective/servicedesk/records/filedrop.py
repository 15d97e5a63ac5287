"""File-drop transport: messages as folders an archive system imports.

Each message becomes ``<out>/<message id>/`` with ``arkivmelding.xml`` and its
files, written under a temporary name and renamed when complete, so the
importer never sees half a message. The records system answers with
``<in>/<message id>.<message type>.xml`` (a receipt or an error message).
"""

from collections.abc import Iterator
from collective.servicedesk.records.transport import Incoming
from collective.servicedesk.records.transport import Outgoing
from collective.servicedesk.records.transport import TransportError
from dataclasses import dataclass
from pathlib import Path
import json
import os
import shutil

PROCESSED = "processed"


@dataclass
class FileDrop:
    """Folders shared with the records system's importer."""

    outgoing: str
    incoming: str

    def send(self, message: Outgoing) -> str:
        """Write the message folder atomically; return the message id."""
        out = Path(self.outgoing)
        target = out / message.id
        if target.exists():  # sent before a crash: same id, nothing to do
            return message.id
        temporary = out / f".{message.id}.tmp"
        try:
            if temporary.exists():
                shutil.rmtree(temporary)
            temporary.mkdir(parents=True)
            for name, _mime, data in message.files:
                (temporary / name).write_bytes(data)
            (temporary / "melding.json").write_text(
                json.dumps({"id": message.id, "meldingType": message.message_type})
            )
            os.rename(temporary, target)
        except OSError as error:
            raise TransportError(f"File drop failed: {error}") from error
        return message.id

    def receive(self, limit: int = 100) -> Iterator[Incoming]:
        """Yield the receipt files; handled ones move to ``processed/``."""
        folder = Path(self.incoming)
        if not folder.is_dir():
            raise TransportError(f"Receipt folder {folder} does not exist")
        done = folder / PROCESSED
        for path in sorted(folder.glob("*.xml"))[:limit]:
            message_id, _dot, rest = path.name.partition(".")
            message_type = rest.removesuffix(".xml")

            def ack(path=path):
                done.mkdir(exist_ok=True)
                os.replace(path, done / path.name)

            yield Incoming(
                message_type=message_type,
                reply_to=message_id,
                files={path.name: path.read_bytes()},
                ack=ack,
            )
