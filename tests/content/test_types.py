"""The ServiceDesk and Inquiry types: FTIs, containment, fields, schema."""

from Acquisition import aq_base
from collective.servicedesk.content.inquiry import IInquiry
from collective.servicedesk.content.inquiry import Inquiry
from collective.servicedesk.content.service_desk import ServiceDesk
from plone import api
from plone.api.exc import InvalidParameterError
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.dexterity.utils import createContentInContainer
from plone.dexterity.utils import iterSchemata
from Products.CMFCore.indexing import processQueue
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent
from zope.schema import getFieldsInOrder
import pytest
import transaction

# Contract: field name -> schema field class name.
FIELDS = {
    "title": "TextLine",
    "description": "Text",
    "channel": "Choice",
    "category": "Choice",
    "tags": "List",
    "service_level": "Choice",
    "anonymous": "Bool",
    "requester_name": "TextLine",
    "requester_phone": "TextLine",
    "requester_email": "TextLine",
    "requester_organisation": "TextLine",
    "reply_channel": "Choice",
    "responsible_unit": "TextLine",
    "responsible_handler": "TextLine",
    "due_date": "Datetime",
    "answer": "Text",
    "solved_first_contact": "Bool",
    "archive_worthy": "Bool",
    "case_number": "TextLine",
    "registry_entry_id": "TextLine",
    "object_type": "Choice",
    "object_value": "TextLine",
    "confidential": "Bool",
    "reference_number": "TextLine",
}

VOCABULARIES = {
    "channel": "collective.servicedesk.Channels",
    "category": "collective.servicedesk.Categories",
    "service_level": "collective.servicedesk.ServiceLevels",
    "reply_channel": "collective.servicedesk.ReplyChannels",
    "object_type": "collective.servicedesk.ObjectTypes",
}


def inquiry_fields(portal) -> dict:
    desk = api.content.create(container=portal, type="ServiceDesk", id="d")
    obj = api.content.create(container=desk, type="Inquiry", title="x")
    return {
        name: field
        for schema in iterSchemata(obj)
        for name, field in getFieldsInOrder(schema)
    }


class TestFTI:
    @pytest.mark.parametrize(
        "type_id,klass,permission,global_allow",
        [
            (
                "ServiceDesk",
                "collective.servicedesk.content.service_desk.ServiceDesk",
                "collective.servicedesk.AddServiceDesk",
                True,
            ),
            (
                "Inquiry",
                "collective.servicedesk.content.inquiry.Inquiry",
                "collective.servicedesk.AddInquiry",
                False,
            ),
        ],
    )
    def test_fti(self, portal, type_id, klass, permission, global_allow):
        fti = api.portal.get_tool("portal_types")[type_id]
        assert fti.klass == klass
        assert fti.add_permission == permission
        assert fti.global_allow is global_allow

    def test_desk_allows_only_inquiries(self, portal):
        fti = api.portal.get_tool("portal_types")["ServiceDesk"]
        assert fti.filter_content_types is True
        assert list(fti.allowed_content_types) == ["Inquiry"]

    @pytest.mark.parametrize(
        "permission,roles",
        [
            (
                "collective.servicedesk: Add ServiceDesk",
                {"Manager", "Site Administrator"},
            ),
            (
                "collective.servicedesk: Add Inquiry",
                {
                    "Manager",
                    "Site Administrator",
                    "Service Desk Agent",
                    "Case Handler",
                    "Service Desk Lead",
                },
            ),
        ],
    )
    def test_add_permission_roles(self, portal, permission, roles):
        granted = {
            r["name"] for r in portal.rolesOfPermission(permission) if r["selected"]
        }
        assert granted == roles


class TestServiceDesk:
    def test_create(self, desk):
        assert isinstance(desk, ServiceDesk)
        assert desk.portal_type == "ServiceDesk"

    def test_unordered(self, desk):
        assert desk.getOrdering().__class__.__name__ == "UnorderedOrdering"
        api.content.create(container=desk, type="Inquiry", title="a")
        # No order annotation: concurrent adds do not write a shared list.
        assert "plone.folder.ordered.order" not in getattr(desk, "__annotations__", {})

    def test_adding_inquiry_does_not_write_desk(self, desk):
        """Concurrent registrations must not conflict on the desk object."""
        api.content.create(container=desk, type="Inquiry", title="first")
        transaction.savepoint(optimistic=True)
        assert not aq_base(desk)._p_changed
        api.content.create(container=desk, type="Inquiry", title="second")
        createContentInContainer(desk, "Inquiry", title="third")
        assert not aq_base(desk)._p_changed

    def test_editing_desk_updates_modification_date(self, desk):
        transaction.savepoint(optimistic=True)
        before = desk.modified()
        desk.title = "Front desk"
        notify(ObjectModifiedEvent(desk))
        assert desk.modified() > before

    def test_adding_or_removing_inquiries_does_not_reindex_desk(
        self, desk, monkeypatch
    ):
        """The desk's catalogue entry depends on none of its inquiries."""
        catalog = api.portal.get_tool("portal_catalog")
        desk_path = "/".join(desk.getPhysicalPath())
        catalogued = []
        tool = type(aq_base(catalog))
        original = tool.catalog_object

        def spy(self, obj, uid=None, *args, **kwargs):
            catalogued.append(uid or "/".join(obj.getPhysicalPath()))
            return original(self, obj, uid, *args, **kwargs)

        processQueue()  # the fixture's own indexing
        monkeypatch.setattr(tool, "catalog_object", spy)
        first = api.content.create(container=desk, type="Inquiry", title="first")
        processQueue()
        api.content.delete(obj=first, check_linkintegrity=False)
        processQueue()
        assert catalogued  # the inquiry itself was catalogued
        assert desk_path not in catalogued

    def test_other_content_still_reindexed_on_modify(self, portal, desk, monkeypatch):
        """Dexterity's reindex on modification still runs for everything else."""
        catalog = api.portal.get_tool("portal_catalog")
        inquiry = api.content.create(container=desk, type="Inquiry", title="first")
        transaction.savepoint(optimistic=True)
        inquiry.title = "renamed"
        notify(ObjectModifiedEvent(inquiry))
        desk.title = "Front desk"
        notify(ObjectModifiedEvent(desk))
        folder = api.content.create(container=portal, type="Folder", title="Box")
        api.content.create(container=folder, type="Document", title="Letter")
        transaction.savepoint(optimistic=True)
        assert [b.Title for b in catalog(UID=inquiry.UID())] == ["renamed"]
        assert [b.Title for b in catalog(UID=desk.UID())] == ["Front desk"]
        # A plain folder is reindexed when an item is added, as before.
        folder_modified = catalog(UID=folder.UID())[0].modified
        assert folder_modified == folder.modified()

    def test_inquiry_not_addable_outside_desk(self, portal, desk):
        with pytest.raises(InvalidParameterError):
            api.content.create(container=portal, type="Inquiry", title="x")

    def test_only_inquiry_addable_inside(self, desk):
        with pytest.raises(InvalidParameterError):
            api.content.create(container=desk, type="Document", title="x")

    def test_agent_cannot_add_desk(self, portal):
        setRoles(portal, TEST_USER_ID, ["Service Desk Agent"])
        with pytest.raises(Exception):  # noqa: B017 - Unauthorized or ValueError
            api.content.create(container=portal, type="ServiceDesk", id="x")
        assert "x" not in portal


class TestInquiry:
    def test_create(self, inquiry):
        assert isinstance(inquiry, Inquiry)
        assert IInquiry.providedBy(inquiry)
        assert inquiry.Title() == "Where do I apply for a permit?"

    @pytest.mark.parametrize("name,kind", sorted(FIELDS.items()))
    def test_field(self, portal, name, kind):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        fields = inquiry_fields(portal)
        assert fields[name].__class__.__name__ == kind

    @pytest.mark.parametrize("name", sorted(FIELDS))
    def test_field_optional(self, portal, name):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        assert inquiry_fields(portal)[name].required is False

    @pytest.mark.parametrize("name,vocabulary", sorted(VOCABULARIES.items()))
    def test_vocabulary_names(self, portal, name, vocabulary):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        assert inquiry_fields(portal)[name].vocabularyName == vocabulary

    def test_reference_number_read_only(self, portal):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        assert inquiry_fields(portal)["reference_number"].readonly is True

    @pytest.mark.parametrize(
        "name,value",
        [("requester_email", "not-an-email"), ("requester_phone", "abc")],
    )
    def test_requester_constraints(self, portal, name, value):
        from zope.schema import ValidationError

        setRoles(portal, TEST_USER_ID, ["Manager"])
        field = inquiry_fields(portal)[name]
        with pytest.raises(ValidationError):
            field.validate(value)

    def test_tally_inquiry_without_text(self, desk):
        obj = createContentInContainer(desk, "Inquiry", channel="phone")
        # No summary: the reference number stands in as title.
        assert obj.Title() == obj.reference_number
        assert obj.getId() == obj.reference_number

    def test_anonymous_stores_no_personal_data(self, desk):
        obj = api.content.create(
            container=desk,
            type="Inquiry",
            title="x",
            anonymous=True,
            requester_name="Ola",
            requester_phone="12345678",
            requester_email="ola@example.org",
            requester_organisation="Org",
            reply_channel="email",
        )
        for name in (
            "requester_name",
            "requester_phone",
            "requester_email",
            "requester_organisation",
            "reply_channel",
        ):
            assert getattr(obj, name) is None
