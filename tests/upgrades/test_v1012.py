"""Upgrade 1011 -> 1012: registry records of the chat, citizen chat off."""

from collective.servicedesk.chat.interfaces import chat_settings as current
from collective.servicedesk.upgrades.v1012 import chat_settings
from plone import api
from tests.helpers.upgrades import drop_records
from tests.helpers.upgrades import records_under
from tests.helpers.upgrades import registered_steps
import pytest

PROFILE = "collective.servicedesk:default"
PREFIX = "collective.servicedesk.chat"
RECORDS = {"citizen_chat": False, "max_message_chars": 1000, "messages_per_minute": 10}


def test_registered(portal):
    assert ("1011", "1012") in registered_steps()


@pytest.mark.parametrize("name,value", sorted(RECORDS.items()))
def test_installed_defaults(portal, name, value):
    assert api.portal.get_registry_record(f"{PREFIX}.{name}") == value


def test_adds_missing_records_and_keeps_values(portal):
    drop_records(PREFIX, "citizen_chat", "max_message_chars")
    api.portal.set_registry_record(f"{PREFIX}.messages_per_minute", 3)
    # Without records the defaults hold: citizen chat stays off.
    assert current()["citizen_chat"] is False
    chat_settings(api.portal.get_tool("portal_setup"))
    assert api.portal.get_registry_record(f"{PREFIX}.citizen_chat") is False
    assert api.portal.get_registry_record(f"{PREFIX}.max_message_chars") == 1000
    assert api.portal.get_registry_record(f"{PREFIX}.messages_per_minute") == 3


class TestUninstall:
    @pytest.fixture(autouse=True)
    def uninstalled(self, uninstalled):
        pass

    def test_records_removed(self, portal):
        assert records_under(PREFIX) == []
