"""Fiks IO against a stand-in of its contract: real crypto, signatures, RabbitMQ."""

from collective.servicedesk.records import api as records
from collective.servicedesk.records import state
from collective.servicedesk.records.factory import fiksio_from_settings
from collective.servicedesk.records.maskinporten import Maskinporten
from collective.servicedesk.records.maskinporten import TokenError
from collective.servicedesk.records.worker import wait
from plone import api
from tests.records.conftest import schema_folder
from tests.records.fixtures import configure
from tests.records.helpers import filable
from tests.records.keys import make_pair
from tests.records.standin import AMQP_URL
from tests.records.standin import StandIn
import pytest
import transaction


@pytest.fixture(scope="module")
def pairs():
    return {"client": make_pair("Testkommune"), "archive": make_pair("Arkiv")}


@pytest.fixture
def standin(pairs):
    with StandIn(pairs["client"], pairs["archive"], schema_folder()) as service:
        yield service


@pytest.fixture
def fiksio(functional_portal, standin, pairs, tmp_path, monkeypatch):
    key, cert = pairs["client"].write(tmp_path, "client")
    # Secrets come from the environment only.
    monkeypatch.setenv(
        "SERVICEDESK_FIKSIO_INTEGRATION_PASSWORD", standin.integration_password
    )
    monkeypatch.setenv("SERVICEDESK_FIKSIO_PRIVATE_KEY", str(key))
    configure(
        transport="fiksio",
        spool_folder=str(tmp_path / "spool"),
        schema_folder=schema_folder(),
        fiksio_api=standin.url,
        fiksio_account=standin.our_account,
        fiksio_recipient=standin.archive_account,
        fiksio_integration_id=standin.integration_id,
        fiksio_certificate=cert,
        amqp_url=AMQP_URL,
        maskinporten_token_url=f"{standin.url}/token",
        maskinporten_audience=standin.audience,
        maskinporten_client_id=standin.client_id,
    )
    transaction.commit()
    return standin


def run_cycle(portal) -> dict:
    transaction.begin()
    summary = records.cycle(portal, transaction.manager)
    transaction.commit()
    return summary


class TestMaskinporten:
    def test_signed_grant_gives_a_token(self, standin, pairs):
        source = Maskinporten(
            f"{standin.url}/token",
            standin.audience,
            standin.client_id,
            pairs["client"].key,
            pairs["client"].certificate,
        )
        assert source.token() in standin.tokens

    def test_grant_signed_with_another_key_is_refused(self, standin, pairs):
        source = Maskinporten(
            f"{standin.url}/token",
            standin.audience,
            standin.client_id,
            pairs["archive"].key,  # wrong key, the client's certificate
            pairs["client"].certificate,
        )
        with pytest.raises(TokenError):
            source.token()
        assert "Signature verification failed" in standin.refused[-1]


class TestFiksIO:
    def test_receipt_over_amqp_files_the_inquiry(
        self, functional_portal, fdesk, fiksio
    ):
        obj = filable(fdesk, replies=1, confidential=True)
        transaction.commit()
        records.request_filing(obj)
        transaction.commit()
        assert wait(60)
        transaction.begin()
        # Sent with our id in the headers, as the Fiks Arkiv message type.
        (sent,) = fiksio.sends
        assert (
            sent["meldingType"] == "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett"
        )
        assert sent["headere"]["klientMeldingId"] == state.get(obj)["messages"][0]["id"]
        assert sent["mottakerKontoId"] == fiksio.archive_account
        # The archive decrypts, checks our signature, files and answers.
        assert fiksio.process_archive() == 1
        run_cycle(functional_portal)
        assert state.get(obj)["case_number"] == "2026/118"
        assert fiksio.process_archive() == 1  # the reply, into case 2026/118
        run_cycle(functional_portal)
        data = state.get(obj)
        assert data["status"] == state.FILED
        assert api.content.get_state(obj) == "filed"
        assert [m["journalpost_number"] for m in data["messages"]] == ["1", "2"]

    def test_rejection_over_amqp(self, functional_portal, fdesk, fiksio):
        obj = filable(fdesk, case_number="2026/999")
        transaction.commit()
        records.request_filing(obj)
        transaction.commit()
        assert wait(60)
        transaction.begin()
        fiksio.process_archive()
        run_cycle(functional_portal)
        data = state.get(obj)
        assert data["status"] == state.REJECTED
        assert data["error"]["type"] == "ikkefunnet"
        assert "2026/999" in data["error"]["text"]
        assert api.content.get_state(obj) == "closed"

    def test_catalogue_needs_the_token(self, functional_portal, fiksio):
        import requests

        url = (
            f"{fiksio.url}/fiks-io/katalog/api/v1/kontoer/"
            f"{fiksio.archive_account}/offentligNokkel"
        )
        assert requests.get(url, timeout=10).status_code == 401
        transport = fiksio_from_settings()
        assert transport.recipient_certificate() == fiksio.archive_pair.certificate

    def test_a_damaged_message_is_refused_not_retried(
        self, functional_portal, fdesk, fiksio
    ):
        fiksio.deliver(
            fiksio.archive_account,
            fiksio.our_account,
            "no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett.kvittering",
            b"not a CMS message",
            "unknown",
        )
        summary = run_cycle(functional_portal)
        assert summary["answers"] == 0
        assert "error" not in summary
        # The queue is empty: the broken message was rejected, not requeued.
        assert list(fiksio_from_settings().receive()) == []
