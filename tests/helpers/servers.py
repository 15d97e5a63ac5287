"""Real local servers for the tests: one SMTP server (aiosmtpd) and an HTTP recorder.

``SMTPServer`` is the only test mail server; the ``smtp`` fixture in
``tests/conftest.py`` starts one per test.
"""

from aiosmtpd.controller import Controller
from email import message_from_bytes
from email import policy
from http.server import BaseHTTPRequestHandler
from http.server import ThreadingHTTPServer
import json
import socket
import threading
import time


def free_port() -> int:
    """Return a free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Recorder:
    """aiosmtpd handler: keep each message with its envelope."""

    def __init__(self):
        self.received = []  # (envelope recipients, envelope sender, message)
        self.raw = []  # the bytes as they came over the wire
        self.refuse = set()  # recipients answered with a permanent 550

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content, policy=policy.default)
        self.raw.append(envelope.original_content or envelope.content)
        self.received.append((list(envelope.rcpt_tos), envelope.mail_from, message))
        return "250 Message accepted"


class SMTPServer:
    """A recording SMTP server on 127.0.0.1:port (a free port unless given)."""

    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.recorder = Recorder()
        self.controller = None

    def start(self) -> "SMTPServer":
        self.controller = Controller(
            self.recorder, hostname="127.0.0.1", port=self.port
        )
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    @property
    def received(self) -> list:
        """Every delivery as (envelope recipients, envelope sender, message)."""
        return list(self.recorder.received)

    @property
    def messages(self) -> list:
        """The messages received, oldest first."""
        return [message for _rcpt, _sender, message in self.recorder.received]

    def to(self, address: str) -> list:
        """Return the messages whose envelope included `address`."""
        return [m for rcpt, _sender, m in self.recorder.received if address in rcpt]

    def wait_for(self, count: int, timeout: float = 15) -> list:
        """Wait until at least `count` messages arrived; return all messages."""
        deadline = time.monotonic() + timeout
        while len(self.recorder.received) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.messages


class HTTPRecorder:
    """A local HTTP server in a thread that records each request.

    ``status`` is the answer to give; ``delay`` makes it slow (timeouts).
    """

    def __init__(self, status: int = 200, delay: float = 0, port: int = 0):
        self.requests: list[dict] = []
        self.status = status
        self.delay = delay
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                recorder.requests.append(
                    {
                        "path": self.path,
                        "headers": dict(self.headers),
                        "body": body,
                        "json": json.loads(body or b"null"),
                    }
                )
                if recorder.delay:
                    time.sleep(recorder.delay)
                answer = json.dumps({"id": f"gw-{len(recorder.requests)}"}).encode()
                try:
                    self.send_response(recorder.status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(answer)))
                    self.end_headers()
                    self.wfile.write(answer)
                except OSError:  # the client gave up (timeout test)
                    pass

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/sms/send"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> "HTTPRecorder":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
