"""Fiks IO transport: HTTPS send of an encrypted ASiC-E, receipts from AMQP.

Follows KS's published protocol (fiks-io-klient): the recipient's public
certificate comes from the catalogue, the payload is an ASiC-E container signed
with our key and encrypted for the recipient (CMS), posted as multipart
``metadata`` + ``data`` with a Maskinporten token and the integration's id and
password. Replies wait in the AMQP queue ``fiksio.konto.<our account>``.
"""

from collections.abc import Iterator
from collective.servicedesk import logger
from collective.servicedesk.records import asice
from collective.servicedesk.records.maskinporten import TokenError
from collective.servicedesk.records.transport import Incoming
from collective.servicedesk.records.transport import Outgoing
from collective.servicedesk.records.transport import TransportError
from dataclasses import dataclass
from dataclasses import field
from urllib.parse import urlsplit
import json
import pika
import requests

SEND_PATH = "/fiks-io/api/v1/send"
CATALOG_PATH = "/fiks-io/katalog/api/v1/kontoer/{account}/offentligNokkel"
QUEUE_PREFIX = "fiksio.konto."
# Time to live of a message in Fiks IO: two days (milliseconds).
TTL = 2 * 24 * 3600 * 1000
TIMEOUT = 60


@dataclass
class FiksIO:
    """One Fiks IO account sending to one archive account."""

    api: str
    account: str
    recipient: str
    integration_id: str
    integration_password: str
    tokens: object  # a Maskinporten token source
    certificate: object
    key: object
    amqp_url: str
    _recipient_cert: object = field(default=None, repr=False)

    def _headers(self) -> dict:
        try:
            token = self.tokens.token()
        except TokenError as error:
            raise TransportError(str(error)) from error
        return {
            "Authorization": f"Bearer {token}",
            "IntegrasjonId": self.integration_id,
            "IntegrasjonPassord": self.integration_password,
        }

    def recipient_certificate(self):
        """Return the archive account's public certificate from the catalogue."""
        if self._recipient_cert is None:
            url = self.api.rstrip("/") + CATALOG_PATH.format(account=self.recipient)
            try:
                response = requests.get(url, headers=self._headers(), timeout=TIMEOUT)
            except requests.RequestException as error:
                raise TransportError(
                    f"Fiks IO catalogue unreachable: {error}"
                ) from error
            if response.status_code != 200:
                raise TransportError(
                    f"Fiks IO catalogue answered {response.status_code}"
                )
            self._recipient_cert = asice.load_certificate(
                response.json()["nokkel"].encode()
            )
        return self._recipient_cert

    def send(self, message: Outgoing) -> str:
        """Sign, encrypt and post ``message``; return Fiks IO's message id."""
        container = asice.write(message.files, self.certificate, self.key)
        payload = asice.encrypt(container, self.recipient_certificate())
        metadata = {
            "avsenderKontoId": self.account,
            "mottakerKontoId": self.recipient,
            "meldingType": message.message_type,
            "ttl": TTL,
            # Our own id travels along: the archive's receipt can be matched
            # to it, and a resend after a crash carries the same id.
            "headere": {"klientMeldingId": message.id},
        }
        try:
            response = requests.post(
                self.api.rstrip("/") + SEND_PATH,
                headers=self._headers(),
                files={
                    "metadata": (None, json.dumps(metadata), "application/json"),
                    "data": ("melding.zip.cms", payload, "application/octet-stream"),
                },
                timeout=TIMEOUT,
            )
        except requests.RequestException as error:
            raise TransportError(f"Fiks IO unreachable: {error}") from error
        if response.status_code not in (200, 201, 202):
            raise TransportError(
                f"Fiks IO answered {response.status_code}: {response.text[:200]}"
            )
        return str(response.json()["meldingId"])

    def _connection(self) -> pika.BlockingConnection:
        parameters = pika.URLParameters(self.amqp_url)
        if not urlsplit(self.amqp_url).username:
            # Fiks IO: user = integration id, password = "<password> <token>".
            token = self.tokens.token()
            parameters.credentials = pika.PlainCredentials(
                self.integration_id, f"{self.integration_password} {token}"
            )
        return pika.BlockingConnection(parameters)

    def receive(self, limit: int = 100) -> Iterator[Incoming]:
        """Yield the waiting replies of our account's queue (ack after handling)."""
        try:
            connection = self._connection()
        except TokenError as error:
            raise TransportError(str(error)) from error
        except pika.exceptions.AMQPError as error:
            raise TransportError(f"Fiks IO AMQP unreachable: {error!r}") from error
        try:
            channel = connection.channel()
            queue = QUEUE_PREFIX + self.account
            for _index in range(limit):
                method, properties, body = channel.basic_get(queue, auto_ack=False)
                if method is None:
                    break
                headers = properties.headers or {}
                tag = method.delivery_tag
                files = {}
                if body:
                    try:
                        files = asice.read(
                            asice.decrypt(body, self.certificate, self.key)
                        )
                    except (ValueError, asice.ContainerError) as error:
                        # Not for our key or damaged: never retried forever.
                        logger.error("Fiks IO message %s refused: %s", headers, error)
                        channel.basic_reject(tag, requeue=False)
                        continue
                yield Incoming(
                    message_type=_text(headers.get("type")),
                    reply_to=_text(headers.get("svar-til")),
                    files=files,
                    ack=lambda tag=tag: channel.basic_ack(tag),
                    nack=lambda tag=tag: channel.basic_nack(tag, requeue=True),
                )
        finally:
            if connection.is_open:
                connection.close()


def _text(value) -> str:
    if isinstance(value, bytes):
        return value.decode()
    return str(value or "")
