"""What every transport to the records system offers."""

from collections.abc import Callable
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

RECEIPT_TYPE = "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett.kvittering"
RECEIVED_TYPE = "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett.mottatt"
ERROR_TYPES = (
    "no.ks.fiks.arkiv.v1.feilmelding.ugyldigforespoersel",
    "no.ks.fiks.arkiv.v1.feilmelding.serverfeil",
    "no.ks.fiks.arkiv.v1.feilmelding.ikkefunnet",
)


class TransportError(RuntimeError):
    """Sending failed; the message stays in the outbox and is retried."""


@dataclass
class Outgoing:
    """A message ready to go: id, Fiks message type and its files."""

    id: str
    message_type: str
    files: list[tuple[str, str, bytes]]


@dataclass
class Incoming:
    """A message from the records system (receipt, acknowledgement or error)."""

    message_type: str
    reply_to: str
    files: dict[str, bytes]
    ack: Callable[[], None]
    nack: Callable[[], None] = lambda: None


class Transport(Protocol):
    """Sends messages and yields what came back."""

    def send(self, message: Outgoing) -> str:
        """Send ``message``; return the id replies refer to (or TransportError)."""

    def receive(self) -> Iterator[Incoming]:
        """Yield waiting messages; each is acknowledged with ``ack()`` once handled."""
