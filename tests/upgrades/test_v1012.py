"""Upgrade 1011 -> 1012: registry records of the chat, citizen chat off."""

from collective.servicedesk.chat.interfaces import chat_settings as current
from collective.servicedesk.upgrades.v1012 import chat_settings
from plone import api
import pytest

PROFILE = "collective.servicedesk:default"
PREFIX = "collective.servicedesk.chat"
RECORDS = {"citizen_chat": False, "max_message_chars": 1000, "messages_per_minute": 10}


def test_registered(portal):
    steps = api.portal.get_tool("portal_setup").listUpgrades(PROFILE, show_old=True)
    flat = [
        step
        for group in steps
        for step in (group if isinstance(group, list) else [group])
    ]
    assert any(step["ssource"] == "1011" and step["sdest"] == "1012" for step in flat)


@pytest.mark.parametrize("name,value", sorted(RECORDS.items()))
def test_installed_defaults(portal, name, value):
    assert api.portal.get_registry_record(f"{PREFIX}.{name}") == value


def test_adds_missing_records_and_keeps_values(portal):
    registry = api.portal.get_tool("portal_registry")
    for name in ("citizen_chat", "max_message_chars"):
        del registry.records[f"{PREFIX}.{name}"]
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
        registry = api.portal.get_tool("portal_registry")
        assert [key for key in registry.records.keys() if key.startswith(PREFIX)] == []
