"""The Service desk control panel in fieldsets, across several record prefixes."""

from collective.servicedesk.controlpanels.settings import IIntakeLimitsFieldset
from collective.servicedesk.controlpanels.settings import IServiceDeskControlPanel
from collective.servicedesk.controlpanels.settings import IWorkspaceFieldset
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.supermodel.interfaces import FIELDSETS_KEY
from plone.supermodel.utils import mergedTaggedValueList
import pytest
import transaction

PANEL = "/@@servicedesk-controlpanel"
LABELS = (
    "Mail &amp; letters",
    "Deadlines",
    "Citizen channels",
    "Privacy",
    "Intake",
    "Workspace",
)
# field -> fieldset ("" is the first tab, Mail & letters)
PLACES = [
    ("sender_name", ""),
    ("letterhead_name", ""),
    ("sms_gateway", ""),
    ("default_service_promise", "deadlines"),
    ("opening_hours", "deadlines"),
    ("tick_interval_minutes", "deadlines"),
    ("citizen_show_handler", "citizen"),
    ("citizen_rate_limit", "citizen"),
    ("retention_days", "privacy"),
    ("retention_enabled", "privacy"),
    ("required_fields", "intake"),
    ("imap_host", "intake"),
]


def fieldset_of(schema, name: str) -> str:
    for fieldset in mergedTaggedValueList(schema, FIELDSETS_KEY):
        if name in fieldset.fields:
            return fieldset.__name__
    return ""


@pytest.mark.parametrize("name,fieldset", PLACES)
def test_field_in_its_fieldset(name, fieldset):
    assert fieldset_of(IServiceDeskControlPanel, name) == fieldset


def test_every_field_in_one_fieldset_at_most():
    seen = []
    for fieldset in mergedTaggedValueList(IServiceDeskControlPanel, FIELDSETS_KEY):
        seen += fieldset.fields
    assert len(seen) == len(set(seen))
    assert set(seen) <= set(IServiceDeskControlPanel.names(all=True))


@pytest.mark.parametrize(
    "schema,fieldset",
    [(IIntakeLimitsFieldset, "intake"), (IWorkspaceFieldset, "workspace")],
)
def test_other_prefixes_have_their_tab(schema, fieldset):
    for name in schema.names(all=True):
        assert fieldset_of(schema, name) == fieldset


@pytest.fixture
def browser(functional_app, functional_portal):
    from plone.testing.zope import Browser

    browser = Browser(functional_app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    browser.open(functional_portal.absolute_url() + PANEL)
    return browser


class TestForm:
    def test_tabs(self, browser):
        for label in LABELS:
            assert label in browser.contents, label

    def test_no_secret_on_the_page(self, browser):
        for name in ("sms_gateway_token", "sms_inbound_secret", "password"):
            assert f"form.widgets.{name}" not in browser.contents
        assert "SERVICEDESK_SMS_TOKEN" in browser.contents

    def test_one_save_writes_every_prefix(self, browser):
        browser.getControl(name="form.widgets.citizen_rate_limit").value = "25"
        browser.getControl(
            name="form.widgets.IWorkspaceFieldset.queue_size"
        ).value = "8"
        browser.getControl(
            name="form.widgets.IIntakeLimitsFieldset.max_parts"
        ).value = "150"
        browser.getControl(name="form.buttons.save").click()
        transaction.begin()
        get = api.portal.get_registry_record
        assert get("collective.servicedesk.citizen_rate_limit") == 25
        assert get("collective.servicedesk.workspace.queue_size") == 8
        assert get("collective.servicedesk.mail_intake.max_parts") == 150

    def test_invalid_opening_hours_are_refused(self, browser):
        browser.getControl(name="form.widgets.opening_hours").value = "someday 25:00"
        browser.getControl(name="form.buttons.save").click()
        assert "Write one open day per line" in browser.contents
        transaction.begin()
        hours = api.portal.get_registry_record("collective.servicedesk.opening_hours")
        assert "someday 25:00" not in hours


class TestRest:
    def test_invalid_opening_hours_are_a_400(self, manager_request):
        response = manager_request.patch(
            "/@controlpanels/servicedesk", json={"opening_hours": ["someday 25:00"]}
        )
        assert response.status_code == 400, response.text

    def test_valid_opening_hours_are_stored(self, manager_request):
        response = manager_request.patch(
            "/@controlpanels/servicedesk", json={"opening_hours": ["sat 10:00-14:00"]}
        )
        assert response.status_code == 204, response.text
        transaction.begin()
        assert api.portal.get_registry_record(
            "collective.servicedesk.opening_hours"
        ) == ["sat 10:00-14:00"]
