"""settings(): typed reads and writes over the registry, defaults without one."""

from collective.servicedesk.settings import GROUPS
from collective.servicedesk.settings import settings
from plone import api
from plone.registry.interfaces import IRegistry
from zope.component import getUtility
from zope.component.hooks import getSite
from zope.component.hooks import setSite
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import ValidationError
import pytest

# group -> (record prefix, one setting, its default): the record names sites have.
TABLE = [
    ("desk", "collective.servicedesk", "retention_days", 365),
    ("desk", "collective.servicedesk", "opening_hours", None),
    ("mail_intake", "collective.servicedesk.mail_intake", "max_parts", 200),
    ("workspace", "collective.servicedesk.workspace", "queue_size", 5),
    ("search", "collective.servicedesk.search", "synonyms", []),
    ("records", "collective.servicedesk.records", "transport", "none"),
    ("directory", "collective.servicedesk.directory", "cache_seconds", 300),
]


@pytest.mark.parametrize("group,prefix,name,default", TABLE)
class TestRecordNames:
    def test_prefix_is_the_stored_one(self, portal, group, prefix, name, default):
        assert GROUPS[group][1] == prefix

    def test_reads_the_record(self, portal, group, prefix, name, default):
        value = getattr(settings(), group).__getattr__(name)
        assert value == api.portal.get_registry_record(f"{prefix}.{name}")
        if default is not None:
            assert value == default


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_every_field_has_its_record(portal, group):
    schema, prefix = GROUPS[group]
    registry = getUtility(IRegistry)
    for name, _field in getFieldsInOrder(schema):
        assert f"{prefix}.{name}" in registry.records


def test_setting_names_are_unique_across_groups():
    names = [n for schema, _prefix in GROUPS.values() for n in schema.names(all=True)]
    assert len(names) == len(set(names))


class TestReadWrite:
    def test_a_change_is_seen_at_once(self, portal):
        desk = settings().desk
        api.portal.set_registry_record("collective.servicedesk.retention_days", 30)
        assert desk.retention_days == 30
        assert settings().desk.retention_days == 30

    def test_write_goes_to_the_record(self, portal):
        settings().workspace.queue_size = 12
        assert (
            api.portal.get_registry_record(
                "collective.servicedesk.workspace.queue_size"
            )
            == 12
        )

    def test_write_is_validated_by_the_field(self, portal):
        with pytest.raises(ValidationError):
            settings().desk.retention_days = 0
        assert settings().desk.retention_days == 365

    def test_unknown_name_is_an_attribute_error(self, portal):
        with pytest.raises(AttributeError):
            settings().desk.no_such_setting  # noqa: B018
        with pytest.raises(AttributeError):
            settings().desk.sms_gateway_token  # noqa: B018 - a secret: env only

    def test_missing_record_gives_the_default(self, portal):
        registry = getUtility(IRegistry)
        del registry.records["collective.servicedesk.digest_hour"]
        assert settings().desk.digest_hour == 7

    def test_cleared_value_stays_empty(self, portal):
        # The sender falls back to the site's name when the admin clears it.
        getUtility(IRegistry)["collective.servicedesk.sender_name"] = None
        assert settings().desk.sender_name is None

    def test_default_list_is_a_copy(self, portal):
        registry = getUtility(IRegistry)
        del registry.records["collective.servicedesk.opening_hours"]
        settings().desk.opening_hours.append("sun 10:00-12:00")
        assert "sun 10:00-12:00" not in settings().desk.opening_hours


class TestWithoutSite:
    def test_defaults_hold(self, portal):
        api.portal.set_registry_record("collective.servicedesk.retention_days", 30)
        site = getSite()
        setSite(None)
        try:
            assert settings().desk.retention_days == 365
            assert settings().mail_intake.max_megabytes == 25
            with pytest.raises(LookupError):
                settings().desk.retention_days = 10
        finally:
            setSite(site)

    def test_an_explicit_portal_is_read_without_site_hook(self, portal):
        api.portal.set_registry_record("collective.servicedesk.retention_days", 30)
        site = getSite()
        setSite(None)
        try:
            assert settings(portal).desk.retention_days == 30
        finally:
            setSite(site)
