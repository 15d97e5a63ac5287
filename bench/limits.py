"""Oversized and hostile bodies against a real instance: refused fast, no growth.

Usage: ``.venv/bin/python -m bench.limits [--mb 300]``. Starts one instance
(FileStorage, demo site, the generated zope.ini with its default 10 MB body
limit), then sends:

- a 300 MB JSON body to ``@servicedesk-ask`` (anonymous), streamed over a raw
  socket, timing until the answer arrives (waitress refuses by
  Content-Length before reading the body);
- a 5 MB JSON body (under the instance limit, over the service's 1 MB): our
  service refuses by Content-Length with a JSON 413;
- a 1 MB body of ``[`` (deep nesting): 400, not RecursionError;

and reports the answer, seconds and the instance's resident memory before and
after. The cluster test ``tests/cluster/test_limits.py`` runs the same.
"""

from pathlib import Path
from tests.cluster.harness import Instance
import argparse
import json
import socket
import sys
import tempfile
import threading
import time

CHUNK = 1024 * 1024


def rss_mb(pid: int) -> float:
    """Resident memory of a process (MB)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def post_streamed(url: str, size: int, first: bytes = b"{") -> dict:
    """POST ``size`` bytes of JSON over a raw socket; stop sending at the answer."""
    host_port, path = url.split("://", 1)[1].split("/", 1)
    host, port = host_port.split(":")
    sock = socket.create_connection((host, int(port)), timeout=60)
    head = (
        f"POST /{path} HTTP/1.1\r\nHost: {host_port}\r\n"
        "Content-Type: application/json\r\nAccept: application/json\r\n"
        f"Content-Length: {size}\r\nConnection: close\r\n\r\n"
    ).encode("ascii")
    sent = {"bytes": 0}
    answered = threading.Event()

    def sender():
        try:
            sock.sendall(head + first)
            sent["bytes"] = len(first)
            block = b" " * CHUNK
            while sent["bytes"] < size and not answered.is_set():
                part = block[: min(CHUNK, size - sent["bytes"])]
                sock.sendall(part)
                sent["bytes"] += len(part)
        except OSError:
            pass  # the server closed the connection: refused

    started = time.monotonic()
    thread = threading.Thread(target=sender, daemon=True)
    thread.start()
    answer = b""
    try:
        while b"\r\n\r\n" not in answer:
            data = sock.recv(65536)
            if not data:
                break
            answer += data
    finally:
        answered.set()
    seconds = time.monotonic() - started
    try:
        sock.settimeout(2)
        while data := sock.recv(65536):
            answer += data
    except OSError:
        pass
    sock.close()
    thread.join(timeout=10)
    status_line = answer.split(b"\r\n", 1)[0].decode("latin-1")
    body = answer.split(b"\r\n\r\n", 1)[-1][:300].decode("utf-8", "replace")
    return {
        "status": int(status_line.split()[1]) if status_line else 0,
        "seconds": round(seconds, 3),
        "sent_mb": round(sent["bytes"] / CHUNK, 1),
        "body": body,
    }


def run(instance: Instance, mb: int = 300) -> list[dict]:
    """The three probes against a started instance; one row each."""
    pid = instance.process.pid
    url = f"{instance.url}/@servicedesk-ask"
    rows = []
    for name, size, first in (
        (f"{mb} MB JSON body", mb * CHUNK, b"{"),
        ("5 MB JSON body", 5 * CHUNK, b"{"),
        ("1 MB of [ (nesting)", CHUNK, b"["),
    ):
        before = rss_mb(pid)
        if name.startswith("1 MB of ["):
            result = post_deep(url, size)
        else:
            result = post_streamed(url, size, first)
        time.sleep(0.5)  # let the worker finish whatever it does
        result.update(
            probe=name,
            rss_before_mb=round(before, 1),
            rss_after_mb=round(rss_mb(pid), 1),
        )
        result["growth_mb"] = round(result["rss_after_mb"] - before, 1)
        rows.append(result)
    return rows


def post_deep(url: str, size: int) -> dict:
    """POST a body of ``size`` opening brackets (a deeply nested array)."""
    import requests

    started = time.monotonic()
    response = requests.post(
        url,
        data=b"[" * size,
        headers={"Content-Type": "application/json", "Accept": "application/json"},
        timeout=60,
    )
    return {
        "status": response.status_code,
        "seconds": round(time.monotonic() - started, 3),
        "sent_mb": round(size / CHUNK, 1),
        "body": response.text[:300],
    }


def markdown(rows: list[dict]) -> str:
    lines = [
        "| probe | answer | seconds | sent before refusal (MB) | RSS before (MB) "
        "| RSS after (MB) | growth (MB) |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row['probe']} | {row['status']} | {row['seconds']} | "
            f"{row['sent_mb']} | {row['rss_before_mb']} | {row['rss_after_mb']} | "
            f"{row['growth_mb']} |"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--mb", type=int, default=300)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="servicedesk-limits-") as folder:
        instance = Instance(Path(folder), "filestorage", env={"SERVICEDESK_DEMO": "1"})
        instance.create_site()
        instance.start()
        try:
            # Warm the instance (templates, catalog) so growth is the probes'.
            import requests

            for _ in range(3):
                requests.get(f"{instance.url}/@servicedesk-ask", timeout=120)
            rows = run(instance, args.mb)
        finally:
            instance.stop()
    print(markdown(rows))
    print(json.dumps(rows, indent=1))
    return 0 if all(row["status"] in (400, 413) for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
