"""A local service with the contract of Fiks IO and Maskinporten, on real RabbitMQ.

- ``POST /token``: Maskinporten's JWT grant; the grant's RS256 signature is
  checked against the client's registered certificate (sent in ``x5c``).
- ``GET /fiks-io/katalog/api/v1/kontoer/<id>/offentligNokkel``: the account's
  public certificate (needs the token and the integration's id and password).
- ``POST /fiks-io/api/v1/send``: multipart ``metadata`` + ``data``; the
  message goes to the AMQP queue ``fiksio.konto.<recipient>`` with the
  headers Fiks IO sets (``melding-id``, ``type``, ``avsender-id``, ``svar-til``).

The archive behind it (``process_archive``) takes its messages from its queue,
decrypts them with its key, verifies the sender's CMS signature with OpenSSL,
files them and answers through the same send path, encrypted for the sender.
"""

from collective.servicedesk.records import asice
from cryptography.hazmat.primitives import serialization
from email import policy
from email.parser import BytesParser
from http.server import BaseHTTPRequestHandler
from http.server import ThreadingHTTPServer
from pathlib import Path
from tests.records.archive import Archive
from urllib.parse import parse_qs
import base64
import json
import jwt
import pika
import secrets
import subprocess
import tempfile
import threading
import uuid

AMQP_URL = "amqp://guest:guest@127.0.0.1:5672/%2F"
RECEIVED = "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett.mottatt"


class StandIn:
    """Fiks IO + Maskinporten + an archive account, for one test."""

    def __init__(self, client, archive_pair, schema_folder: str, hold_first_send=False):
        self.client = client  # our KeyPair (enterprise certificate)
        self.archive_pair = archive_pair
        self.schema_folder = schema_folder
        self.client_id = "servicedesk-test-client"
        self.audience = "https://maskinporten.standin/"
        self.integration_id = str(uuid.uuid4())
        self.integration_password = secrets.token_hex(8)
        self.our_account = str(uuid.uuid4())
        self.archive_account = str(uuid.uuid4())
        self.certificates = {
            self.our_account: client.cert_pem,
            self.archive_account: archive_pair.cert_pem,
        }
        self.tokens: set[str] = set()
        self.sends: list[dict] = []
        self.refused: list[str] = []
        self.archive = Archive()
        self.hold_first_send = hold_first_send
        self.first_send_received = threading.Event()
        self.release = threading.Event()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    # -- lifecycle -------------------------------------------------------
    def __enter__(self):
        connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
        channel = connection.channel()
        for account in (self.our_account, self.archive_account):
            channel.queue_declare(f"fiksio.konto.{account}", durable=True)
        connection.close()
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self.release.set()
        self.server.shutdown()
        self.server.server_close()
        connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
        channel = connection.channel()
        for account in (self.our_account, self.archive_account):
            channel.queue_delete(f"fiksio.konto.{account}")
        connection.close()

    # -- Fiks IO behaviour ----------------------------------------------
    def check_grant(self, assertion: str) -> None:
        header = jwt.get_unverified_header(assertion)
        presented = base64.b64decode(header["x5c"][0])
        registered = self.client.certificate.public_bytes(serialization.Encoding.DER)
        if presented != registered:
            raise ValueError("unknown certificate")
        claims = jwt.decode(
            assertion,
            self.client.certificate.public_key(),
            algorithms=["RS256"],
            audience=self.audience,
            issuer=self.client_id,
            options={"require": ["exp", "iat", "jti"]},
        )
        if claims.get("scope") != "ks:fiks":
            raise ValueError("wrong scope")

    def authorised(self, headers) -> bool:
        auth = headers.get("Authorization", "")
        return (
            auth.startswith("Bearer ")
            and auth[7:] in self.tokens
            and headers.get("IntegrasjonId") == self.integration_id
            and headers.get("IntegrasjonPassord") == self.integration_password
        )

    def deliver(self, sender, recipient, message_type, data, reply_to="") -> str:
        """Put a message in the recipient's queue as Fiks IO does; return its id."""
        message_id = str(uuid.uuid4())
        headers = {
            "melding-id": message_id,
            "type": message_type,
            "avsender-id": sender,
        }
        if reply_to:
            headers["svar-til"] = reply_to
        connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
        connection.channel().basic_publish(
            "",
            f"fiksio.konto.{recipient}",
            data or b"",
            pika.BasicProperties(headers=headers, delivery_mode=2),
        )
        connection.close()
        return message_id

    def _handler(self):
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _json(self, status, body):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _body(self) -> bytes:
                return self.rfile.read(int(self.headers.get("Content-Length", 0)))

            def do_POST(self):
                if self.path == "/token":
                    form = parse_qs(self._body().decode())
                    try:
                        assert form["grant_type"] == [
                            "urn:ietf:params:oauth:grant-type:jwt-bearer"
                        ]
                        standin.check_grant(form["assertion"][0])
                    except Exception as error:  # refused like Maskinporten: 400
                        standin.refused.append(str(error))
                        return self._json(400, {"error": "invalid_grant"})
                    token = secrets.token_urlsafe(24)
                    standin.tokens.add(token)
                    return self._json(
                        200,
                        {
                            "access_token": token,
                            "token_type": "Bearer",
                            "expires_in": 120,
                        },
                    )
                if self.path == "/fiks-io/api/v1/send":
                    if not standin.authorised(self.headers):
                        return self._json(401, {"error": "unauthorised"})
                    raw = (
                        b"Content-Type: "
                        + self.headers["Content-Type"].encode()
                        + b"\r\n\r\n"
                        + self._body()
                    )
                    parts = {}
                    for part in (
                        BytesParser(policy=policy.default).parsebytes(raw).iter_parts()
                    ):
                        name = part.get_param("name", header="content-disposition")
                        parts[name] = part.get_payload(decode=True)
                    metadata = json.loads(parts["metadata"])
                    message_id = standin.deliver(
                        metadata["avsenderKontoId"],
                        metadata["mottakerKontoId"],
                        metadata["meldingType"],
                        parts.get("data"),
                        metadata.get("svarPaMelding") or "",
                    )
                    standin.sends.append({**metadata, "meldingId": message_id})
                    if standin.hold_first_send and len(standin.sends) == 1:
                        # Accepted and queued, but the answer never comes: the
                        # sender is killed while it waits for it.
                        standin.first_send_received.set()
                        standin.release.wait(120)
                        return
                    return self._json(200, {**metadata, "meldingId": message_id})
                return self._json(404, {})

            def do_GET(self):
                prefix, suffix = "/fiks-io/katalog/api/v1/kontoer/", "/offentligNokkel"
                if self.path.startswith(prefix) and self.path.endswith(suffix):
                    if not standin.authorised(self.headers):
                        return self._json(401, {"error": "unauthorised"})
                    account = self.path[len(prefix) : -len(suffix)]
                    pem = standin.certificates.get(account)
                    if pem is None:
                        return self._json(404, {})
                    return self._json(200, {"nokkel": pem.decode()})
                return self._json(404, {})

        return Handler

    # -- the archive account --------------------------------------------
    def verify_signature(self, container: bytes) -> None:
        """Verify the ASiC-E's CMS signature over its manifest with OpenSSL."""
        import io
        import zipfile

        archive = zipfile.ZipFile(io.BytesIO(container))
        with tempfile.TemporaryDirectory() as folder:
            manifest = Path(folder) / "manifest.xml"
            signature = Path(folder) / "signature.p7s"
            signer = Path(folder) / "signer.pem"
            manifest.write_bytes(archive.read(asice.MANIFEST))
            signature.write_bytes(archive.read(asice.SIGNATURE))
            subprocess.run(
                [
                    "openssl",
                    "cms",
                    "-verify",
                    "-binary",
                    "-inform",
                    "DER",
                    "-in",
                    str(signature),
                    "-content",
                    str(manifest),
                    "-noverify",
                    "-signer",
                    str(signer),
                    "-out",
                    "/dev/null",
                ],
                check=True,
                capture_output=True,
            )
            if signer.read_bytes().strip() != self.client.cert_pem.strip():
                raise ValueError("signed by someone else")

    def process_archive(self, acknowledge_received: bool = True) -> int:
        """Let the archive handle every waiting message; return how many."""
        connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
        channel = connection.channel()
        count = 0
        while True:
            method, properties, body = channel.basic_get(
                f"fiksio.konto.{self.archive_account}", auto_ack=True
            )
            if method is None:
                break
            headers = properties.headers
            container = asice.decrypt(
                body, self.archive_pair.certificate, self.archive_pair.key
            )
            self.verify_signature(container)
            files = asice.read(container)
            if acknowledge_received:
                self.deliver(
                    self.archive_account,
                    self.our_account,
                    RECEIVED,
                    b"",
                    headers["melding-id"],
                )
            message_type, xml = self.archive.receive(files, self.schema_folder)
            answer = asice.write(
                [("arkivmelding-kvittering.xml", "application/xml", xml)],
                self.archive_pair.certificate,
                self.archive_pair.key,
            )
            self.deliver(
                self.archive_account,
                self.our_account,
                message_type,
                asice.encrypt(answer, self.client.certificate),
                headers["melding-id"],
            )
            count += 1
        connection.close()
        return count
