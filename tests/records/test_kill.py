"""Exactly once under SIGKILL: a sender killed mid-send; the restart resends the
same message id and the archive files it once (a real subprocess, real RabbitMQ)."""

from collective.servicedesk.records import receipts
from collective.servicedesk.records import spool as outbox
from collective.servicedesk.records.arkivmelding import FILENAME
from collective.servicedesk.records.arkivmelding import MESSAGE_TYPE
from collective.servicedesk.records.arkivmelding import build
from collective.servicedesk.records.fiksio import FiksIO
from collective.servicedesk.records.model import Document
from collective.servicedesk.records.model import Entry
from collective.servicedesk.records.model import Filing
from collective.servicedesk.records.model import Party
from collective.servicedesk.records.transport import Outgoing
from datetime import UTC
from datetime import datetime
from pathlib import Path
from tests.records.conftest import schema_folder
from tests.records.keys import make_pair
from tests.records.standin import AMQP_URL
from tests.records.standin import StandIn
import json
import os
import signal
import subprocess
import sys
import uuid

ROOT = Path(__file__).resolve().parents[2]


def message(xsd: str) -> Outgoing:
    key = str(uuid.uuid4())
    pdf = b"%PDF-1.4 test"
    entry = Entry(
        key=key,
        direction="I",
        title="Henvendelse SD-1",
        public_title="Henvendelse SD-1",
        date=datetime.now(UTC),
        parties=[Party(kind="EA", name="Anonym", is_person=False)],
        documents=[
            Document(1, "Henvendelse", "h.pdf", "01-h.pdf", "application/pdf", pdf)
        ],
    )
    filing = Filing(
        system="collective.servicedesk",
        case_key=str(uuid.uuid4()),
        case_title="Henvendelse",
        case_public_title="Henvendelse",
        entry=entry,
        new_case=True,
    )
    xml = build(filing, xsd)
    return Outgoing(
        id=key,
        message_type=MESSAGE_TYPE,
        files=[
            (FILENAME, "application/xml", xml),
            ("01-h.pdf", "application/pdf", pdf),
        ],
    )


def start(config_path: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.records.send_worker", str(config_path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_killed_mid_send_is_sent_again_and_filed_once(tmp_path):
    xsd = schema_folder()
    client, archive = make_pair("Testkommune"), make_pair("Arkiv")
    with StandIn(client, archive, xsd, hold_first_send=True) as standin:
        key, cert = client.write(tmp_path, "client")
        spool = outbox.Spool(tmp_path / "spool")
        outgoing = message(xsd)
        assert spool.add("inquiry-uid", outgoing)
        config = tmp_path / "config.json"
        config.write_text(
            json.dumps(
                {
                    "key": key,
                    "cert": cert,
                    "token_url": f"{standin.url}/token",
                    "audience": standin.audience,
                    "client_id": standin.client_id,
                    "api": standin.url,
                    "account": standin.our_account,
                    "recipient": standin.archive_account,
                    "integration_id": standin.integration_id,
                    "integration_password": standin.integration_password,
                    "amqp_url": AMQP_URL,
                    "spool": str(tmp_path / "spool"),
                    "stale": 0,
                }
            )
        )
        first = start(config)
        # Fiks IO has the message; the sender waits for the answer. Kill it.
        assert standin.first_send_received.wait(60), first.stderr.read1(4000)
        os.kill(first.pid, signal.SIGKILL)
        first.wait(30)
        assert first.returncode == -signal.SIGKILL
        assert spool.get(outgoing.id).status == outbox.SENDING  # not recorded as sent

        second = start(config)
        out, err = second.communicate(timeout=120)
        assert second.returncode == 0, err.decode()
        assert json.loads(out) == {outgoing.id: outbox.SENT}
        row = spool.get(outgoing.id)
        assert row.status == outbox.SENT and row.attempts == 2

        # Both attempts reached Fiks IO with the same id of ours...
        assert [s["headere"]["klientMeldingId"] for s in standin.sends] == [
            outgoing.id,
            outgoing.id,
        ]
        # ...and the archive filed the journalpost once.
        assert standin.process_archive(acknowledge_received=False) == 2
        assert list(standin.archive.entries) == [outgoing.id]
        assert len(standin.archive.cases) == 1

        # Both receipts name the same journalpost; the first one is "unknown"
        # by Fiks IO id but found by our external key.
        transport = FiksIO(
            api=standin.url,
            account=standin.our_account,
            recipient=standin.archive_account,
            integration_id="",
            integration_password="",
            tokens=None,
            certificate=client.certificate,
            key=client.key,
            amqp_url=AMQP_URL,
        )
        results = []
        for incoming in transport.receive():
            results.append(receipts.parse(incoming, xsd))
            incoming.ack()
        assert [r.kind for r in results] == [receipts.FILED, receipts.FILED]
        assert {r.key for r in results} == {outgoing.id}
        assert {r.journalpost_number for r in results} == {"1"}
