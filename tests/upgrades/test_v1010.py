"""Upgrade 1009 -> 1010: typed settings; secret records removed, values kept."""

from collective.servicedesk.settings import GROUPS
from collective.servicedesk.settings import settings
from plone import api
from plone.registry import field
from plone.registry.interfaces import IRegistry
from plone.registry.record import Record
from zope.component import getUtility
import logging
import pytest

OLD_INTERFACE = "collective.servicedesk.controlpanels.settings.IServiceDeskSettings"
SECRETS = {
    "collective.servicedesk.sms_gateway_token": "tok-old",
    "collective.servicedesk.sms_inbound_secret": "hook-old",
    "collective.servicedesk.records.fiksio_integration_password": "pw-old",
    "collective.servicedesk.records.fiksio_private_key": "/etc/fiks/key.pem",
}


def as_before_1010(registry) -> None:
    """The registry of a 1009 site: secret records, records of the old schemas."""
    for name, value in SECRETS.items():
        registry.records[name] = Record(field.TextLine(required=False), value)
    record = registry.records["collective.servicedesk.retention_days"]
    record.field.interfaceName = OLD_INTERFACE
    registry["collective.servicedesk.retention_days"] = 730
    registry["collective.servicedesk.records.transport"] = "filedrop"
    registry["collective.servicedesk.workspace.queue_size"] = 9
    del registry.records["collective.servicedesk.directory.search_limit"]


@pytest.fixture
def upgraded(portal, caplog):
    from collective.servicedesk.upgrades.v1010 import typed_settings

    registry = getUtility(IRegistry)
    as_before_1010(registry)
    with caplog.at_level(logging.WARNING, logger="collective.servicedesk"):
        removed = typed_settings()
    return registry, removed, caplog.text


class TestUpgrade1010:
    def test_secret_records_are_removed(self, upgraded):
        registry, removed, _log = upgraded
        assert sorted(removed) == sorted(SECRETS)
        for name in SECRETS:
            assert name not in registry.records

    def test_the_log_names_each_variable_but_no_secret(self, upgraded):
        _registry, _removed, log = upgraded
        for variable in (
            "SERVICEDESK_SMS_TOKEN",
            "SERVICEDESK_SMS_SECRET",
            "SERVICEDESK_FIKSIO_INTEGRATION_PASSWORD",
            "SERVICEDESK_FIKSIO_PRIVATE_KEY",
        ):
            assert variable in log
        for secret in ("tok-old", "hook-old", "pw-old"):
            assert secret not in log
        # The key file's path is no secret: the operator can carry it over.
        assert "/etc/fiks/key.pem" in log

    def test_other_values_are_kept(self, upgraded):
        _registry, _removed, _log = upgraded
        assert settings().desk.retention_days == 730
        assert settings().records.transport == "filedrop"
        assert settings().workspace.queue_size == 9

    def test_records_belong_to_the_new_schemas(self, upgraded):
        registry, _removed, _log = upgraded
        record = registry.records["collective.servicedesk.retention_days"]
        assert record.field.interfaceName == (
            "collective.servicedesk.settings.schema.IServiceDeskSettings"
        )

    def test_missing_records_are_added(self, upgraded):
        registry, _removed, _log = upgraded
        assert registry["collective.servicedesk.directory.search_limit"] == 20

    def test_every_schema_has_all_its_records(self, upgraded):
        registry, _removed, _log = upgraded
        for schema, prefix in GROUPS.values():
            # check=True raises when a record of the schema is missing.
            registry.forInterface(schema, prefix=prefix)

    def test_a_second_run_changes_nothing(self, upgraded):
        from collective.servicedesk.upgrades.v1010 import typed_settings

        assert typed_settings() == []
        assert settings().desk.retention_days == 730


def test_upgrade_step_registered(portal):
    setup = api.portal.get_tool("portal_setup")
    steps = setup.listUpgrades("collective.servicedesk:default", show_old=True)
    flat = [s for step in steps for s in (step if isinstance(step, list) else [step])]
    assert ("1009", "1010") in [(s["ssource"], s["sdest"]) for s in flat]
