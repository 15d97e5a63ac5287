"""The stand-in records system on the file-drop side: import folders, answer files."""

from pathlib import Path
from tests.records.archive import Archive
import json
import shutil


def process(archive: Archive, outgoing: str, incoming: str, schema_folder: str) -> int:
    """Import every complete message folder; write the answers; return how many."""
    out, answers = Path(outgoing), Path(incoming)
    done = out / ".imported"
    done.mkdir(exist_ok=True)
    count = 0
    for folder in sorted(
        p for p in out.iterdir() if p.is_dir() and not p.name.startswith(".")
    ):
        meta = json.loads((folder / "melding.json").read_text())
        files = {
            p.name: p.read_bytes() for p in folder.iterdir() if p.name != "melding.json"
        }
        message_type, xml = archive.receive(files, schema_folder)
        (answers / f"{meta['id']}.{message_type}.xml").write_bytes(xml)
        shutil.move(str(folder), done / folder.name)
        count += 1
    return count
