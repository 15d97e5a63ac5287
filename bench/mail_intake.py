"""Mail bombs against a real instance: refused fast, no growth of the process.

Usage: ``.venv/bin/python -m bench.mail_intake``. Starts one instance
(FileStorage, demo site, a 40 MB request body limit), warms it with an
ordinary e-mail, then posts raw e-mails (``Content-Type: message/rfc822``)
to ``@servicedesk-mail`` as the site admin:

- 1 000 one-byte attachments (refused: more than 200 parts),
- 500 one-byte attachments (refused),
- parts nested 400 levels deep (refused: deeper than 10),
- a 10 MB text body (accepted: the inquiry keeps 20 000 characters, the
  whole text is stored as ``message.txt``),

and reports the answer, seconds and the instance's resident memory before and
after each. Before the fix, 500 attachments took 95 s and 1 000 over 200 s
(each part searched the whole message again), a 10 MB body over 180 s.
The same probes also run in this process against ``parse_message`` alone.
"""

from collective.servicedesk.intake.limits import MailLimits
from collective.servicedesk.intake.limits import MailRefused
from collective.servicedesk.intake.mailparse import parse_message
from pathlib import Path
from tests.cluster.harness import ADMIN
from tests.cluster.harness import Instance
from tests.intake import messages
import argparse
import json
import requests
import resource
import sys
import tempfile
import time

PROBES = (
    ("1 000 one-byte attachments", lambda: messages.many_attachments(1000)),
    ("500 one-byte attachments", lambda: messages.many_attachments(500)),
    ("parts nested 400 deep", lambda: messages.nested(400)),
    ("10 MB text body", lambda: messages.large_text(10)),
)


def rss_mb(pid: int) -> float:
    """Resident memory of a process (MB)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def post(url: str, raw: bytes) -> tuple[int, dict, float]:
    started = time.monotonic()
    response = requests.post(
        url,
        data=raw,
        auth=ADMIN,
        headers={"Content-Type": "message/rfc822", "Accept": "application/json"},
        timeout=600,
    )
    seconds = time.monotonic() - started
    try:
        body = response.json()
    except ValueError:
        body = {"text": response.text[:200]}
    return response.status_code, body, seconds


def outcome(status: int, body: dict) -> str:
    error = body.get("error") or {}
    return f"{status} {error.get('reason') or body.get('outcome') or ''}".strip()


def run_instance(instance: Instance) -> list[dict]:
    """The probes against a started instance; one row each."""
    pid = instance.process.pid
    url = f"{instance.url}/@servicedesk-mail"
    for _ in range(2):  # warm: templates, catalog, registration
        post(url, messages.utf8_quoted_printable())
    rows = []
    for name, build in PROBES:
        raw = build()
        before = rss_mb(pid)
        status, body, seconds = post(url, raw)
        time.sleep(0.5)
        after = rss_mb(pid)
        rows.append(
            {
                "probe": name,
                "size_kb": round(len(raw) / 1024),
                "answer": outcome(status, body),
                "seconds": round(seconds, 3),
                "rss_before_mb": round(before, 1),
                "rss_after_mb": round(after, 1),
                "growth_mb": round(after - before, 1),
            }
        )
    return rows


def run_in_process() -> list[dict]:
    """The same probes against the parser alone (no Zope)."""
    rows = []
    for name, build in PROBES:
        raw = build()
        peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        started = time.perf_counter()
        try:
            mail = parse_message(raw, MailLimits())
            answer = f"accepted ({len(mail.text)} characters)"
        except MailRefused as refusal:
            answer = f"refused {refusal.reason}"
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rows.append(
            {
                "probe": name,
                "answer": answer,
                "seconds": round(seconds, 3),
                "peak_growth_mb": round(peak - peak_before, 1),
            }
        )
    return rows


def markdown(rows: list[dict]) -> str:
    keys = list(rows[0])
    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    lines += ["| " + " | ".join(str(row[key]) for key in keys) + " |" for row in rows]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--in-process-only", action="store_true", help="skip the instance"
    )
    args = parser.parse_args(argv)
    local = run_in_process()
    print(markdown(local))
    rows = []
    if not args.in_process_only:
        with tempfile.TemporaryDirectory(prefix="servicedesk-mail-") as folder:
            instance = Instance(
                Path(folder),
                "filestorage",
                # The instance's body limit (default 10 MB) must let the 10 MB
                # probe through to the intake, whose own limit is 25 MB.
                env={"SERVICEDESK_DEMO": "1", "SERVICEDESK_MAX_BODY_MB": "40"},
            )
            instance.create_site()
            instance.start()
            try:
                rows = run_instance(instance)
            finally:
                instance.stop()
        print(markdown(rows))
    print(json.dumps({"in_process": local, "instance": rows}, indent=1))
    refused = [row for row in rows if row["probe"] != "10 MB text body"]
    ok = all(row["answer"].startswith("413") for row in refused)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
