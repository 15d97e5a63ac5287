"""The SMS gateways: HTTP adapter against a local recording server, log adapter."""

from collective.servicedesk.replies.interfaces import ISMSGateway
from collective.servicedesk.replies.interfaces import SMSDeliveryError
from collective.servicedesk.replies.sms import HTTPGateway
from collective.servicedesk.replies.sms import LogGateway
from plone import api
from tests.helpers.servers import HTTPRecorder
from tests.helpers.servers import free_port
from zope.component import getUtility
from zope.component import queryUtility
from zope.schema.interfaces import IVocabularyFactory
import logging
import pytest


@pytest.fixture
def gateway_server():
    server = HTTPRecorder().start()
    yield server
    server.stop()


def settings(url: str, **extra) -> dict:
    return {
        "url": url,
        "token": "s3cret",
        "sender": "DemoKommune",
        "timeout": 2,
        **extra,
    }


class TestHTTPGateway:
    def test_posts_json_with_bearer_token(self, gateway_server):
        gateway_id = HTTPGateway().send(
            "+4791234567",
            "Svar på henvendelse 2026-000123: søknaden er mottatt.",
            "2026-000123",
            "reply:abc:1",
            settings(gateway_server.url),
        )
        assert gateway_id == "gw-1"
        (request,) = gateway_server.requests
        assert request["path"] == "/sms/send"
        assert request["headers"]["Authorization"] == "Bearer s3cret"
        assert request["headers"]["Content-Type"].startswith("application/json")
        assert request["headers"]["Idempotency-Key"] == "reply:abc:1"
        assert request["json"] == {
            "to": "+4791234567",
            "from": "DemoKommune",
            "text": "Svar på henvendelse 2026-000123: søknaden er mottatt.",
            "reference": "2026-000123",
            "idempotency_key": "reply:abc:1",
        }

    def test_no_token_no_authorization_header(self, gateway_server):
        HTTPGateway().send(
            "+4791234567", "x", "r", "k", settings(gateway_server.url, token="")
        )
        assert "Authorization" not in gateway_server.requests[0]["headers"]

    def test_server_error_raises(self):
        server = HTTPRecorder(status=503).start()
        try:
            with pytest.raises(SMSDeliveryError, match="503"):
                HTTPGateway().send("+4791234567", "x", "r", "k", settings(server.url))
        finally:
            server.stop()
        assert len(server.requests) == 1

    def test_connection_refused_raises(self):
        url = f"http://127.0.0.1:{free_port()}/sms"
        with pytest.raises(SMSDeliveryError):
            HTTPGateway().send("+4791234567", "x", "r", "k", settings(url))

    def test_timeout_raises(self):
        server = HTTPRecorder(delay=2).start()
        try:
            with pytest.raises(SMSDeliveryError):
                HTTPGateway().send(
                    "+4791234567", "x", "r", "k", settings(server.url, timeout=0.3)
                )
        finally:
            server.stop()

    def test_refused_without_token_names_the_variable(self):
        server = HTTPRecorder(status=401).start()
        try:
            with pytest.raises(SMSDeliveryError) as info:
                HTTPGateway().send(
                    "+4791234567", "x", "r", "k", settings(server.url, token="")
                )
            assert "SERVICEDESK_SMS_TOKEN" in str(info.value)
            with pytest.raises(SMSDeliveryError) as info:
                HTTPGateway().send("+4791234567", "x", "r", "k", settings(server.url))
            assert "SERVICEDESK_SMS_TOKEN" not in str(info.value)
        finally:
            server.stop()

    def test_no_url_raises(self):
        with pytest.raises(SMSDeliveryError):
            HTTPGateway().send("+4791234567", "x", "r", "k", settings(""))


class TestLogGateway:
    def test_logs_instead_of_sending(self, caplog):
        with caplog.at_level(logging.INFO, logger="collective.servicedesk"):
            gateway_id = LogGateway().send(
                "+4791234567", "Hei", "2026-000001", "k1", {}
            )
        assert gateway_id == "log-k1"
        assert "+4791234567" in caplog.text
        assert "Hei" in caplog.text


class TestRegistration:
    @pytest.mark.parametrize("name,cls", [("http", HTTPGateway), ("log", LogGateway)])
    def test_named_utilities(self, portal, name, cls):
        assert isinstance(queryUtility(ISMSGateway, name=name), cls)

    def test_vocabulary_lists_gateways(self, portal):
        factory = getUtility(IVocabularyFactory, "collective.servicedesk.SMSGateways")
        assert set(factory(portal).by_value) == {"http", "log"}

    def test_default_is_log(self, portal):
        assert (
            api.portal.get_registry_record("collective.servicedesk.sms_gateway")
            == "log"
        )
