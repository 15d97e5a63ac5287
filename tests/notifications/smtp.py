"""A real SMTP server on loopback (aiosmtpd) that records what it receives."""

from aiosmtpd.controller import Controller
from email import message_from_bytes
from email import policy
import socket
import time


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Recorder:
    """aiosmtpd handler: keep each message with its envelope recipients."""

    def __init__(self):
        self.messages = []
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
        self.messages.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted"


class SMTPServer:
    """Start/stop a recording SMTP server on 127.0.0.1:port."""

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
    def messages(self) -> list:
        return [message for _rcpt, message in self.recorder.messages]

    def to(self, address: str) -> list:
        """Return the messages whose envelope included `address`."""
        return [m for rcpt, m in self.recorder.messages if address in rcpt]

    def wait_for(self, count: int, timeout: float = 10) -> list:
        """Wait until at least `count` messages arrived; return all."""
        deadline = time.monotonic() + timeout
        while len(self.recorder.messages) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.messages
