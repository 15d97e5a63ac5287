"""A local SMTP sink for the demo (aiosmtpd): every message becomes a file in a folder.

Run by ``make start`` beside the site (no system mail service); production sites
never use it. ``python -m collective.servicedesk.demomail.sink --dir var/demo-mail``.
"""

from pathlib import Path
import argparse
import os
import time
import uuid

# A demo sink, not an archive: the newest messages are enough.
KEEP = 500


class FolderHandler:
    """aiosmtpd handler writing each message to ``folder`` as an .eml file."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)

    async def handle_DATA(self, server, session, envelope) -> str:
        name = f"{time.time_ns():020d}-{uuid.uuid4().hex[:8]}.eml"
        temporary = self.folder / f".{name}.tmp"
        temporary.write_bytes(envelope.original_content or envelope.content)
        os.replace(temporary, self.folder / name)
        for old in sorted(self.folder.glob("*.eml"))[:-KEEP]:
            old.unlink(missing_ok=True)
        return "250 Message accepted"


def start(folder: Path, host: str = "127.0.0.1", port: int = 8025):
    """Start the sink in a thread; return the aiosmtpd controller (call .stop())."""
    from aiosmtpd.controller import Controller

    controller = Controller(FolderHandler(folder), hostname=host, port=port)
    controller.start()
    return controller


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default="var/demo-mail")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8025)
    args = parser.parse_args(argv)
    try:
        controller = start(Path(args.dir), args.host, args.port)
    except ImportError:  # a runtime-only install has no aiosmtpd (a test extra)
        print("Demo mail sink not started: aiosmtpd is not installed.")
        return 0
    print(f"Demo mail sink on {args.host}:{args.port}, messages in {args.dir}")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        controller.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
