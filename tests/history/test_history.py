"""History entries for creation, transitions, edits and reassignment."""

from collective.servicedesk.behaviors.requester import IRequester
from collective.servicedesk.behaviors.summary import ISummary
from collective.servicedesk.content.assignment import assign
from collective.servicedesk.history import entries
from collective.servicedesk.history import record
from datetime import datetime
from plone import api
from zope.event import notify
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectModifiedEvent
import pytest


def actions(obj) -> list[str]:
    return [entry["action"] for entry in entries(obj)]


class TestRecord:
    def test_entry_shape(self, inquiry):
        with api.env.adopt_user(username="lead"):
            record(inquiry, "custom", comment="why", changes={"x": [1, 2]})
        entry = entries(inquiry)[-1]
        assert set(entry) == {"who", "when", "action", "comment", "changes"}
        assert entry["who"] == "lead"
        assert entry["action"] == "custom"
        assert entry["comment"] == "why"
        assert entry["changes"] == {"x": [1, 2]}
        assert isinstance(entry["when"], datetime)
        assert entry["when"].tzinfo is not None

    def test_entries_are_copies(self, inquiry):
        entries(inquiry)[0]["action"] = "tampered"
        entries(inquiry)[0]["changes"]["x"] = 1
        assert entries(inquiry)[0]["action"] == "created"
        assert "x" not in entries(inquiry)[0]["changes"]

    def test_no_history(self, portal):
        # An object without any history returns an empty list.
        assert entries(portal) == []


class TestSubscribers:
    def test_created(self, inquiry):
        assert actions(inquiry) == ["created"]
        assert entries(inquiry)[0]["who"] == "agent"

    def test_transition_with_comment(self, inquiry):
        assign(inquiry, handler="handler")
        with api.env.adopt_user(username="agent"):
            api.content.transition(
                obj=inquiry, transition="forward", comment="Needs the building unit"
            )
        entry = entries(inquiry)[-1]
        assert entry["action"] == "forward"
        assert entry["who"] == "agent"
        assert entry["comment"] == "Needs the building unit"
        assert entry["changes"] == {"review_state": ["registered", "forwarded"]}

    def test_every_transition_recorded(self, inquiry):
        assign(inquiry, handler="handler")
        inquiry.answer = "Answer"
        for name in ("assign", "start", "answer", "close", "reopen"):
            api.content.transition(obj=inquiry, transition=name)
        assert actions(inquiry) == [
            "created",
            "reassigned",
            "assign",
            "start",
            "answer",
            "close",
            "reopen",
        ]

    def test_edit_records_field_names_not_values(self, inquiry):
        inquiry.requester_name = "Anne Hansen"
        inquiry.title = "New summary"
        notify(
            ObjectModifiedEvent(
                inquiry,
                Attributes(IRequester, "requester_name"),
                Attributes(ISummary, "ISummary.title"),
            )
        )
        entry = entries(inquiry)[-1]
        assert entry["action"] == "edited"
        assert entry["changes"] == {"fields": ["requester_name", "title"]}
        assert "Anne Hansen" not in repr(entries(inquiry))

    def test_edit_without_descriptions(self, inquiry):
        notify(ObjectModifiedEvent(inquiry))
        assert entries(inquiry)[-1]["action"] == "edited"
        assert entries(inquiry)[-1]["changes"] == {"fields": []}

    def test_copy_starts_fresh(self, desk, inquiry):
        api.content.transition(obj=inquiry, transition="start")
        copy = api.content.copy(source=inquiry, target=desk, safe_id=True)
        assert actions(copy) == ["created"]


class TestAssign:
    def test_assign_records_and_sets(self, inquiry):
        with api.env.adopt_user(username="agent"):
            changed = assign(
                inquiry,
                handler="handler",
                unit="servicedesk-building",
                reason="On duty today",
            )
        assert changed is True
        assert inquiry.responsible_handler == "handler"
        assert inquiry.responsible_unit == "servicedesk-building"
        entry = entries(inquiry)[-1]
        assert entry["action"] == "reassigned"
        assert entry["who"] == "agent"
        assert entry["comment"] == "On duty today"
        assert entry["changes"] == {
            "responsible_handler": [None, "handler"],
            "responsible_unit": [None, "servicedesk-building"],
        }

    def test_reassign_records_old_and_new(self, inquiry):
        assign(inquiry, handler="handler", unit="servicedesk-building")
        assign(inquiry, handler="handler2", unit="servicedesk-building", reason="Sick")
        entry = entries(inquiry)[-1]
        assert entry["changes"] == {"responsible_handler": ["handler", "handler2"]}
        assert entry["comment"] == "Sick"

    def test_no_change_no_entry(self, inquiry):
        assign(inquiry, handler="handler")
        count = len(entries(inquiry))
        assert assign(inquiry, handler="handler") is False
        assert len(entries(inquiry)) == count

    def test_local_role_follows_assignee(self, inquiry):
        assign(inquiry, handler="handler")
        assert "Editor" in api.user.get_roles(username="handler", obj=inquiry)
        assign(inquiry, handler="handler2")
        assert "Editor" in api.user.get_roles(username="handler2", obj=inquiry)
        assert "Editor" not in api.user.get_roles(username="handler", obj=inquiry)

    def test_unit_gets_local_role(self, inquiry):
        assign(inquiry, unit="servicedesk-health")
        assert "Editor" in api.user.get_roles(username="handler2", obj=inquiry)
        assert "Editor" not in api.user.get_roles(username="handler", obj=inquiry)

    def test_catalog_updated(self, inquiry):
        assign(inquiry, handler="handler", unit="servicedesk-building")
        brain = api.content.find(UID=inquiry.UID())[0]
        assert brain.responsible_handler == "handler"
        assert brain.responsible_unit == "servicedesk-building"
        assert api.content.find(responsible_handler="handler")[0].UID == inquiry.UID()
        catalog = api.portal.get_tool("portal_catalog")
        rid = brain.getRID()
        allowed = catalog.getIndexDataForRID(rid)["allowedRolesAndUsers"]
        assert "user:handler" in allowed
        assert "user:servicedesk-building" in allowed

    @pytest.mark.parametrize("empty", [None, ""])
    def test_clear(self, inquiry, empty):
        assign(inquiry, handler="handler")
        assign(inquiry, handler=empty)
        assert inquiry.responsible_handler is None
        assert entries(inquiry)[-1]["changes"] == {
            "responsible_handler": ["handler", None]
        }


class TestViewlet:
    """The history is shown in the inquiry's timeline (the workspace panel)."""

    def _panel(self, inquiry, request):
        from zope.component import queryMultiAdapter

        return queryMultiAdapter((inquiry, request), name="servicedesk-workspace-panel")

    def _render(self, inquiry, request):
        from collective.servicedesk.interfaces import IServiceDeskLayer
        from zope.interface import alsoProvides

        alsoProvides(request, IServiceDeskLayer)
        return self._panel(inquiry, request)()

    def test_shows_entries_escaped(self, inquiry, http_request):
        with api.env.adopt_user(username="agent"):
            assign(inquiry, handler="handler", reason="<script>alert(1)</script>")
        with api.env.adopt_user(username="agent"):
            html = self._render(inquiry, http_request)
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "<script>alert(1)" not in html
        # The actor and the new handler by full name.
        assert "Kari Nordmann" in html
        assert "Per Byggmester" in html

    def test_not_registered_without_layer(self, inquiry, http_request):
        from collective.servicedesk.interfaces import IServiceDeskLayer
        from zope.interface import noLongerProvides

        noLongerProvides(http_request, IServiceDeskLayer)
        assert not IServiceDeskLayer.providedBy(http_request)
        assert self._panel(inquiry, http_request) is None
