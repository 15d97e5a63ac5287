"""Run one sending pass of the records outbox in its own process (kill tests).

Usage: python -m tests.records.send_worker <config.json>
"""

from collective.servicedesk.records import asice
from collective.servicedesk.records.fiksio import FiksIO
from collective.servicedesk.records.maskinporten import Maskinporten
from collective.servicedesk.records.spool import Spool
from collective.servicedesk.records.spool import send_due
from pathlib import Path
import json
import sys


def main(path: str) -> None:
    config = json.loads(Path(path).read_text())
    key = asice.load_key(Path(config["key"]).read_bytes())
    certificate = asice.load_certificate(Path(config["cert"]).read_bytes())
    tokens = Maskinporten(
        config["token_url"], config["audience"], config["client_id"], key, certificate
    )
    transport = FiksIO(
        api=config["api"],
        account=config["account"],
        recipient=config["recipient"],
        integration_id=config["integration_id"],
        integration_password=config["integration_password"],
        tokens=tokens,
        certificate=certificate,
        key=key,
        amqp_url=config["amqp_url"],
    )
    # stale=0: whatever a killed predecessor left "sending" is taken up again.
    outcome = send_due(Spool(config["spool"]), transport, stale=config["stale"])
    print(json.dumps(outcome))


if __name__ == "__main__":
    main(sys.argv[1])
