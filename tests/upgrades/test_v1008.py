"""Upgrade 1007 -> 1008: registry records of the mail intake limits."""

from collective.servicedesk.intake.limits import mail_limits
from collective.servicedesk.upgrades.v1008 import mail_intake_limits
from plone import api
from tests.helpers.upgrades import drop_records
from tests.helpers.upgrades import records_under
from tests.helpers.upgrades import registered_steps
import pytest

PROFILE = "collective.servicedesk:default"
PREFIX = "collective.servicedesk.mail_intake"
RECORDS = {"max_parts": 200, "max_depth": 10, "max_megabytes": 25}


def test_registered(portal):
    assert ("1007", "1008") in registered_steps()


@pytest.mark.parametrize("name,value", sorted(RECORDS.items()))
def test_installed_defaults(portal, name, value):
    assert api.portal.get_registry_record(f"{PREFIX}.{name}") == value


def test_adds_missing_records_and_keeps_values(portal):
    drop_records(PREFIX, "max_parts", "max_depth")
    api.portal.set_registry_record(f"{PREFIX}.max_megabytes", 5)
    assert mail_limits().max_parts == 200  # the default holds without a record
    mail_intake_limits(api.portal.get_tool("portal_setup"))
    assert api.portal.get_registry_record(f"{PREFIX}.max_parts") == 200
    assert api.portal.get_registry_record(f"{PREFIX}.max_depth") == 10
    assert api.portal.get_registry_record(f"{PREFIX}.max_megabytes") == 5
    assert mail_limits().max_bytes == 5 * 1024 * 1024


class TestUninstall:
    @pytest.fixture(autouse=True)
    def uninstalled(self, uninstalled):
        pass

    def test_records_removed(self, portal):
        assert records_under(PREFIX) == []
