"""Operator secrets come from the environment only, never from the registry."""

from collective.servicedesk.settings import GROUPS
from collective.servicedesk.settings import SECRETS
from collective.servicedesk.settings import MissingSecret
from collective.servicedesk.settings import require_secret
from collective.servicedesk.settings import secret
from plone.registry.interfaces import IRegistry
from zope.component import getUtility
import pytest

VARIABLES = [
    ("sms_gateway_token", "SERVICEDESK_SMS_TOKEN"),
    ("sms_inbound_secret", "SERVICEDESK_SMS_SECRET"),
    ("imap_password", "SERVICEDESK_IMAP_PASSWORD"),
    ("fiksio_integration_password", "SERVICEDESK_FIKSIO_INTEGRATION_PASSWORD"),
    ("fiksio_private_key", "SERVICEDESK_FIKSIO_PRIVATE_KEY"),
    ("redis_password", "SERVICEDESK_REDIS_PASSWORD"),
    ("amqp_password", "SERVICEDESK_AMQP_PASSWORD"),
]


def test_the_table_is_complete():
    assert dict(VARIABLES) == SECRETS


@pytest.mark.parametrize("name,variable", VARIABLES)
class TestEachSecret:
    def test_absent_is_empty_and_required_names_the_variable(
        self, monkeypatch, name, variable
    ):
        monkeypatch.delenv(variable, raising=False)
        assert secret(name) == ""
        with pytest.raises(MissingSecret) as info:
            require_secret(name)
        assert variable in str(info.value)
        assert info.value.variable == variable

    def test_present_is_used(self, monkeypatch, name, variable):
        monkeypatch.setenv(variable, " s3cret \n")
        assert secret(name) == "s3cret"
        assert require_secret(name) == "s3cret"

    def test_no_field_in_any_schema(self, name, variable):
        for schema, _prefix in GROUPS.values():
            assert name not in schema.names(all=True)

    def test_no_record_after_install(self, portal, name, variable):
        registry = getUtility(IRegistry)
        assert not [key for key in registry.records.keys() if key.endswith(name)]


class TestFeatures:
    def test_sms_token_from_the_environment(self, portal, monkeypatch):
        from collective.servicedesk.replies.sms import gateway_settings

        monkeypatch.delenv("SERVICEDESK_SMS_TOKEN", raising=False)
        assert gateway_settings(portal)["token"] == ""
        monkeypatch.setenv("SERVICEDESK_SMS_TOKEN", "tok-env")
        assert gateway_settings(portal)["token"] == "tok-env"

    def test_sms_webhook_is_off_without_its_secret(self, portal, monkeypatch):
        from collective.servicedesk.intake.sms import secret_matches

        monkeypatch.delenv("SERVICEDESK_SMS_SECRET", raising=False)
        assert secret_matches("") is False
        assert secret_matches("anything") is False
        monkeypatch.setenv("SERVICEDESK_SMS_SECRET", "hook")
        assert secret_matches("hook") is True

    def test_imap_password_from_the_environment(self, portal, monkeypatch):
        from collective.servicedesk.intake.imap import config_from_registry
        from plone import api

        api.portal.set_registry_record("collective.servicedesk.imap_host", "imap.x")
        monkeypatch.setenv("SERVICEDESK_IMAP_PASSWORD", "imap-pw")
        assert config_from_registry().password == "imap-pw"

    def test_fiksio_without_secrets_is_a_clear_error(self, portal, monkeypatch):
        from collective.servicedesk.records.factory import fiksio_from_settings
        from collective.servicedesk.records.transport import TransportError

        for variable in (
            "SERVICEDESK_FIKSIO_INTEGRATION_PASSWORD",
            "SERVICEDESK_FIKSIO_PRIVATE_KEY",
        ):
            monkeypatch.delenv(variable, raising=False)
        with pytest.raises(TransportError) as info:
            fiksio_from_settings()
        assert "SERVICEDESK_FIKSIO_INTEGRATION_PASSWORD" in str(info.value)

    def test_fiksio_key_file_from_the_environment(self, portal, monkeypatch, tmp_path):
        from collective.servicedesk.records.factory import fiksio_from_settings
        from collective.servicedesk.records.transport import TransportError

        monkeypatch.setenv("SERVICEDESK_FIKSIO_INTEGRATION_PASSWORD", "pw")
        monkeypatch.setenv("SERVICEDESK_FIKSIO_PRIVATE_KEY", str(tmp_path / "no.pem"))
        with pytest.raises(TransportError) as info:
            fiksio_from_settings()
        # Past the secrets: now the file the variable names is looked for.
        assert "fiksio_private_key" in str(info.value)


class TestPasswordsOfAddresses:
    """URL settings hold no password; the environment adds it (Redis, AMQP)."""

    @pytest.mark.parametrize(
        "url,expected",
        [
            ("redis://127.0.0.1:6379/0", "redis://:p%40ss%3Aw@127.0.0.1:6379/0"),
            ("amqps://user@broker:5671/vh", "amqps://user:p%40ss%3Aw@broker:5671/vh"),
            ("amqps://u:kept@broker/", "amqps://u:kept@broker/"),
            ("", ""),
        ],
    )
    def test_url_with_secret(self, monkeypatch, url, expected):
        from collective.servicedesk.settings.secrets import url_with_secret

        monkeypatch.setenv("SERVICEDESK_AMQP_PASSWORD", "p@ss:w")
        assert url_with_secret(url, "amqp_password") == expected

    def test_unset_leaves_the_url(self, monkeypatch):
        from collective.servicedesk.settings.secrets import url_with_secret

        monkeypatch.delenv("SERVICEDESK_AMQP_PASSWORD", raising=False)
        assert url_with_secret("amqp://u@h/", "amqp_password") == "amqp://u@h/"

    def test_the_amqp_setting_refuses_a_password(self, portal):
        from collective.servicedesk.settings import IRecordsSettings
        from collective.servicedesk.settings.secrets import PasswordInURL
        from zope.i18n import translate

        field = IRecordsSettings["amqp_url"]
        with pytest.raises(PasswordInURL) as info:
            field.validate("amqp://guest:guest@127.0.0.1:5672/")
        field.validate("amqps://io.fiks.ks.no:5671")
        message = translate(info.value.doc(), target_language="nb")
        assert "passord" in message.lower()  # translated, not the msgid
