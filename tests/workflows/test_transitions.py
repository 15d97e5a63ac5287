"""Transitions and guards of servicedesk_inquiry_workflow, as real demo users."""

from collective.servicedesk.content.assignment import assign
from plone import api
from plone.api.exc import InvalidParameterError
from tests.workflows.conftest import force_state
import pytest


def allowed(obj, username: str) -> set[str]:
    """The transitions ``username`` may perform on ``obj`` now."""
    with api.env.adopt_user(username=username):
        tool = api.portal.get_tool("portal_workflow")
        return {t["id"] for t in tool.getTransitionsFor(obj)}


def transition(obj, username: str, name: str, comment: str = "") -> None:
    with api.env.adopt_user(username=username):
        api.content.transition(obj=obj, transition=name, comment=comment)


class TestGuards:
    def test_initial_state(self, inquiry):
        assert api.content.get_state(inquiry) == "registered"

    def test_assign_needs_target(self, inquiry):
        assert "assign" not in allowed(inquiry, "agent")
        assign(inquiry, handler="handler")
        assert "assign" in allowed(inquiry, "agent")

    def test_forward_needs_target(self, inquiry):
        assert "forward" not in allowed(inquiry, "agent")
        with pytest.raises(InvalidParameterError):
            transition(inquiry, "agent", "forward")
        assign(inquiry, unit="servicedesk-building")
        transition(inquiry, "agent", "forward")
        assert api.content.get_state(inquiry) == "forwarded"

    def test_answer_needs_answer(self, inquiry):
        assert "answer" not in allowed(inquiry, "agent")
        inquiry.answer = "Apply on the web."
        assert "answer" in allowed(inquiry, "agent")

    @pytest.mark.parametrize(
        "answer,first_contact,can_close",
        [
            (None, False, False),
            ("   ", False, False),
            ("Apply on the web.", False, True),
            (None, True, True),
        ],
    )
    def test_close_needs_answer_or_first_contact(
        self, inquiry, answer, first_contact, can_close
    ):
        inquiry.answer = answer
        inquiry.solved_first_contact = first_contact
        assert ("close" in allowed(inquiry, "agent")) is can_close

    def test_register_and_close_in_one_step(self, inquiry):
        inquiry.solved_first_contact = True
        transition(inquiry, "agent", "close")
        assert api.content.get_state(inquiry) == "closed"

    @pytest.mark.parametrize(
        "archive_worthy,case_number,receipt,can_file",
        [
            (False, None, False, False),
            (True, None, False, False),
            (True, "2026/17", False, False),
            (True, "2026/17", True, True),
        ],
    )
    def test_file_needs_the_records_receipt(
        self, inquiry, archive_worthy, case_number, receipt, can_file
    ):
        """A typed case number is not enough: only the receipt files (issue 18)."""
        from collective.servicedesk.records.state import record_demo_receipt

        inquiry.archive_worthy = archive_worthy
        inquiry.case_number = case_number
        if receipt:
            record_demo_receipt(inquiry)
        force_state(inquiry, "closed")
        assert ("file" in allowed(inquiry, "agent")) is can_file

    def test_filed_is_final(self, inquiry):
        force_state(inquiry, "filed")
        assert allowed(inquiry, "lead") == set()


class TestRoles:
    def test_full_path(self, inquiry):
        """Registered -> assigned -> in progress -> forwarded -> answered -> closed."""
        assign(inquiry, handler="agent2")
        transition(inquiry, "agent", "assign")
        transition(inquiry, "agent2", "start")
        assign(inquiry, handler="handler", unit="servicedesk-building")
        transition(inquiry, "agent2", "forward", comment="Needs a case handler")
        inquiry.answer = "The fence needs no permit under 1.5 m."
        transition(inquiry, "handler", "answer")
        transition(inquiry, "agent", "close")
        transition(inquiry, "agent", "reopen", comment="Citizen called back")
        assert api.content.get_state(inquiry) == "in_progress"

    def test_forwarded_is_read_only_for_the_front_desk(self, inquiry):
        assign(inquiry, handler="handler")
        force_state(inquiry, "forwarded")
        inquiry.answer = "Answer"
        assert "answer" not in allowed(inquiry, "agent")
        assert "answer" in allowed(inquiry, "handler")
        assert not api.user.has_permission(
            "Modify portal content", username="agent", obj=inquiry
        )
        assert api.user.has_permission(
            "Modify portal content", username="handler", obj=inquiry
        )

    def test_other_case_handler_cannot_answer(self, inquiry):
        assign(inquiry, handler="handler", unit="servicedesk-building")
        force_state(inquiry, "forwarded")
        inquiry.answer = "Answer"
        assert "answer" not in allowed(inquiry, "handler2")

    def test_case_handler_cannot_reopen(self, inquiry):
        force_state(inquiry, "closed")
        assert "reopen" not in allowed(inquiry, "handler2")
        assert "reopen" in allowed(inquiry, "agent")

    def test_unit_members_work_on_unit_assignment(self, inquiry):
        assign(inquiry, unit="servicedesk-health")
        force_state(inquiry, "assigned")
        assert "start" in allowed(inquiry, "handler2")
        assert "start" not in allowed(inquiry, "handler3")

    @pytest.mark.parametrize(
        "username,can_delete",
        [("agent", False), ("handler", False), ("lead", True)],
    )
    def test_delete(self, inquiry, username, can_delete):
        assert (
            api.user.has_permission("Delete objects", username=username, obj=inquiry)
            is can_delete
        )

    def test_anonymous_cannot_view(self, inquiry):
        from plone.app.testing import logout

        logout()
        assert not api.user.has_permission("View", obj=inquiry)
        assert not api.content.find(portal_type="Inquiry")
