"""Role × state × permission tables of the FAQ and experience workflows."""

from plone import api
from plone.app.testing import login
from plone.app.testing import logout
from tests.knowledge.helpers import html
from tests.knowledge.helpers import make_faq
from tests.knowledge.helpers import make_user
import pytest

# Columns: who is asking. "owner" is the agent who wrote the item.
WHO = ("anonymous", "member", "agent", "editor", "lead", "owner")
USERS = {
    "member": ("member", ["Member"]),
    "agent": ("agent-k", ["Service Desk Agent"]),
    "editor": ("editor-k", ["Knowledge Editor"]),
    "lead": ("lead-k", ["Service Desk Lead"]),
    "owner": ("owner-k", ["Service Desk Agent"]),
}


def row(*flags: int) -> dict[str, bool]:
    return dict(zip(WHO, (bool(f) for f in flags), strict=True))


FAQ_VIEW = {
    "draft": row(0, 0, 0, 1, 1, 1),
    "pending": row(0, 0, 0, 1, 1, 1),
    "published_internally": row(0, 1, 1, 1, 1, 1),
    "published_publicly": row(1, 1, 1, 1, 1, 1),
    "needs_review": row(0, 1, 1, 1, 1, 1),
    "retired": row(0, 0, 0, 1, 1, 1),
}
FAQ_MODIFY = {
    "draft": row(0, 0, 0, 1, 0, 1),
    "pending": row(0, 0, 0, 1, 0, 0),
    "published_internally": row(0, 0, 0, 1, 0, 0),
    "published_publicly": row(0, 0, 0, 1, 0, 0),
    "needs_review": row(0, 0, 0, 1, 0, 1),
    "retired": row(0, 0, 0, 1, 0, 0),
}
DOC_VIEW = {
    "private": row(0, 0, 0, 1, 0, 1),
    "internal": row(0, 0, 1, 1, 1, 1),
    "published": row(0, 1, 1, 1, 1, 1),
    "obsolete": row(0, 0, 1, 1, 1, 1),
}
DOC_MODIFY = {
    "private": row(0, 0, 0, 1, 0, 1),
    "internal": row(0, 0, 0, 1, 0, 1),
    "published": row(0, 0, 0, 1, 0, 0),
    "obsolete": row(0, 0, 0, 1, 0, 0),
}
DOC_REPLY = {
    "private": row(0, 0, 0, 1, 0, 1),
    "internal": row(0, 0, 1, 1, 1, 1),
    "published": row(0, 0, 1, 1, 1, 1),
    "obsolete": row(0, 0, 0, 0, 0, 0),
}


@pytest.fixture
def users(portal):
    for user_id, roles in USERS.values():
        make_user(user_id, roles)


def create_as_owner(portal, kb, portal_type: str, state: str):
    login(portal, USERS["owner"][0])
    values = {"answer": html("<p>Svar</p>")} if portal_type == "FAQEntry" else {}
    obj = api.content.create(
        container=kb, type=portal_type, title=f"{portal_type} {state}", **values
    )
    with api.env.adopt_roles(["Manager"]):
        if api.content.get_state(obj) != state:
            api.content.transition(obj=obj, to_state=state)
    logout()
    return obj


def permissions(obj, permission: str) -> dict[str, bool]:
    result = {}
    for who in WHO:
        if who == "anonymous":
            logout()
            result[who] = bool(api.user.get_permissions(obj=obj).get(permission))
        else:
            result[who] = api.user.has_permission(
                permission, username=USERS[who][0], obj=obj
            )
    return result


class TestFAQWorkflow:
    @pytest.mark.parametrize("state", list(FAQ_VIEW))
    def test_view(self, portal, kb, users, state):
        faq = create_as_owner(portal, kb, "FAQEntry", state)
        assert api.content.get_state(faq) == state
        assert permissions(faq, "View") == FAQ_VIEW[state]

    @pytest.mark.parametrize("state", list(FAQ_MODIFY))
    def test_modify(self, portal, kb, users, state):
        faq = create_as_owner(portal, kb, "FAQEntry", state)
        assert permissions(faq, "Modify portal content") == FAQ_MODIFY[state]

    @pytest.mark.parametrize(
        "state,who,transitions",
        [
            ("draft", "owner", {"submit"}),
            ("draft", "editor", {"publish_internally", "publish_publicly", "retire"}),
            ("draft", "agent", set()),
            ("pending", "owner", {"retract"}),
            (
                "pending",
                "editor",
                {"reject", "publish_internally", "publish_publicly", "retire"},
            ),
            (
                "published_internally",
                "editor",
                {"publish_publicly", "expire", "retire"},
            ),
            (
                "published_publicly",
                "editor",
                {"publish_internally", "expire", "retire"},
            ),
            ("published_publicly", "owner", set()),
            (
                "needs_review",
                "editor",
                {"publish_internally", "publish_publicly", "retire"},
            ),
            ("retired", "editor", {"reactivate"}),
            ("retired", "lead", set()),
        ],
    )
    def test_transitions(self, portal, kb, users, state, who, transitions):
        faq = create_as_owner(portal, kb, "FAQEntry", state)
        login(portal, USERS[who][0])
        available = {
            t["id"]
            for t in api.portal.get_tool("portal_workflow").getTransitionsFor(faq)
        }
        assert available == transitions

    def test_anonymous_finds_only_public_entries(self, portal, kb, users):
        for state in FAQ_VIEW:
            create_as_owner(portal, kb, "FAQEntry", state)
        create_as_owner(portal, kb, "ExperienceDocument", "published")
        logout()
        found = {
            b.review_state
            for b in api.content.find(portal_type=["FAQEntry", "ExperienceDocument"])
        }
        assert found == {"published_publicly"}
        login(portal, USERS["member"][0])
        found = {b.review_state for b in api.content.find(portal_type="FAQEntry")}
        assert found == {"published_publicly", "published_internally", "needs_review"}

    def test_knowledge_base_open_to_everyone(self, portal, kb):
        logout()
        assert api.user.get_permissions(obj=kb)["View"]
        assert not api.user.get_permissions(obj=kb)["Add portal content"]


class TestExperienceWorkflow:
    @pytest.mark.parametrize("state", list(DOC_VIEW))
    def test_view(self, portal, kb, users, state):
        doc = create_as_owner(portal, kb, "ExperienceDocument", state)
        assert permissions(doc, "View") == DOC_VIEW[state]

    @pytest.mark.parametrize("state", list(DOC_MODIFY))
    def test_modify(self, portal, kb, users, state):
        doc = create_as_owner(portal, kb, "ExperienceDocument", state)
        assert permissions(doc, "Modify portal content") == DOC_MODIFY[state]

    @pytest.mark.parametrize("state", list(DOC_REPLY))
    def test_comment(self, portal, kb, users, state):
        doc = create_as_owner(portal, kb, "ExperienceDocument", state)
        assert permissions(doc, "Reply to item") == DOC_REPLY[state]

    @pytest.mark.parametrize(
        "state,who,transitions",
        [
            ("private", "owner", {"share_internally"}),
            ("private", "editor", {"share_internally", "publish"}),
            ("internal", "owner", set()),
            ("internal", "editor", {"publish", "make_private", "make_obsolete"}),
            ("published", "editor", {"make_private", "make_obsolete"}),
            ("obsolete", "editor", {"reactivate"}),
            ("obsolete", "agent", set()),
        ],
    )
    def test_transitions(self, portal, kb, users, state, who, transitions):
        doc = create_as_owner(portal, kb, "ExperienceDocument", state)
        login(portal, USERS[who][0])
        available = {
            t["id"]
            for t in api.portal.get_tool("portal_workflow").getTransitionsFor(doc)
        }
        assert available == transitions


def test_make_faq_helper_reaches_state(kb):
    assert (
        api.content.get_state(make_faq(kb, "Q", state="published_publicly"))
        == "published_publicly"
    )
