"""Promote a solved inquiry to a redacted draft, with a link back."""

from collective.servicedesk.knowledge.promote import PromoteError
from collective.servicedesk.knowledge.promote import promote_inquiry
from collective.servicedesk.knowledge.promote import promoted_to
from collective.servicedesk.knowledge.promote import redaction_counts
from plone import api
from plone.app.testing import login
from tests.knowledge.helpers import make_inquiry
from tests.knowledge.helpers import make_user
from zope.annotation.interfaces import IAnnotations
import pytest

FNR = "15076500565"  # valid check digits
NOT_FNR = "15076500566"  # second check digit wrong


@pytest.fixture(autouse=True)
def agent(portal):
    """Promoting is front-desk work: the tests run as a service desk agent."""
    login(portal, make_user("agent-p", ["Service Desk Agent"]))
    return "agent-p"


@pytest.fixture
def solved(portal, kb):
    return make_inquiry(
        portal,
        title="Kari Nordmann spør om byggesøknad for garasje",
        description=f"Kari Nordmann (fnr {FNR}) ringte fra 912 34 567 om garasjen.",
        answer=(
            "Hei Kari! Garasje under 50 m² trenger ikke søknad. Svar sendt til "
            f"kari.nordmann@example.com. Saksnummer {NOT_FNR} er ikke et fødselsnummer."
        ),
        requester_name="Kari Nordmann",
        requester_phone="91234567",
        requester_email="kari.nordmann@example.com",
        category="building-permits",
        tags=["garasje"],
    )


class TestPromoteToFAQ:
    def test_draft_with_question_and_redacted_answer(self, solved, kb):
        faq = promote_inquiry(solved, "faq")
        assert faq.portal_type == "FAQEntry"
        assert faq.aq_parent == kb
        assert api.content.get_state(faq) == "draft"
        assert faq.title == "[name removed] spør om byggesøknad for garasje"
        answer = faq.answer.raw
        assert "Kari" not in answer
        assert "kari.nordmann@example.com" not in answer
        assert NOT_FNR in answer  # an ordinary number stays
        assert (
            '<mark class="servicedesk-redaction" data-kind="name">[name removed]</mark>'
            in answer
        )
        assert 'data-kind="email">[e-mail address removed]</mark>' in answer
        assert "Garasje under 50 m² trenger ikke søknad." in answer

    def test_classification_and_link_back(self, solved):
        faq = promote_inquiry(solved, "faq")
        uid = api.content.get_uuid(solved)
        assert faq.source_inquiry == uid
        assert faq.related_inquiries == [uid]
        assert faq.categories == ["building-permits"]
        assert faq.Subject() == ("garasje",)
        assert faq.audience == "internal"
        assert promoted_to(solved) == [api.content.get_uuid(faq)]

    def test_redactions_recorded_without_the_personal_data(self, solved):
        faq = promote_inquiry(solved, "faq")
        assert redaction_counts(faq) == {"name": 2, "email": 1}
        stored = repr(dict(IAnnotations(faq)))
        assert "kari.nordmann@example.com" not in stored
        assert "Kari" not in stored

    def test_nothing_personal_in_the_catalog(self, solved):
        faq = promote_inquiry(solved, "faq")
        brain = api.content.find(UID=faq.UID())[0]
        assert "Kari" not in brain.Title
        assert "example.com" not in brain.servicedesk_excerpt
        assert not api.content.find(UID=faq.UID(), SearchableText="Nordmann")


class TestPromoteToExperience:
    def test_case_writeup_with_question_and_answer(self, solved):
        doc = promote_inquiry(solved, "experience")
        assert doc.portal_type == "ExperienceDocument"
        assert doc.document_kind == "case_writeup"
        assert api.content.get_state(doc) == "private"
        text = doc.text.raw
        assert "<h2>Question</h2>" in text and "<h2>Answer</h2>" in text
        assert FNR not in text
        assert 'data-kind="national_id"' in text
        assert "912 34 567" not in text
        assert 'data-kind="phone"' in text
        assert doc.source == getattr(solved, "reference_number", "")
        assert redaction_counts(doc) == {
            "name": 3,
            "national_id": 1,
            "phone": 1,
            "email": 1,
        }


class TestRules:
    @pytest.mark.parametrize("state", ["registered"])
    def test_only_solved_inquiries(self, portal, kb, state):
        inquiry = make_inquiry(portal, state=None, title="Åpen sak")
        with pytest.raises(PromoteError) as error:
            promote_inquiry(inquiry, "faq")
        assert "answered or closed" in str(error.value.message.default)

    def test_closed_inquiry_can_be_promoted(self, portal, kb):
        inquiry = make_inquiry(portal, state="closed", title="Lukket sak")
        assert promote_inquiry(inquiry, "faq").title == "Lukket sak"

    def test_unknown_kind(self, solved):
        with pytest.raises(PromoteError):
            promote_inquiry(solved, "poem")

    def test_needs_a_knowledge_base(self, portal, solved, kb):
        with api.env.adopt_roles(["Manager"]):
            api.content.delete(obj=kb)
        with pytest.raises(PromoteError):
            promote_inquiry(solved, "faq")

    def test_agent_may_promote_and_owns_the_draft(self, portal, solved):
        faq = promote_inquiry(solved, "faq")
        assert faq.Creator() == "agent-p"
        assert faq.faq_owner == "agent-p"
        assert api.content.get_state(faq) == "draft"
        assert "submit" in {
            t["id"]
            for t in api.portal.get_tool("portal_workflow").getTransitionsFor(faq)
        }

    def test_history_of_the_inquiry(self, solved):
        from collective.servicedesk.history import entries

        faq = promote_inquiry(solved, "faq")
        assert any(
            e["action"] == "promoted" and faq.absolute_url() in e["comment"]
            for e in entries(solved)
        )


class TestViews:
    def test_promote_view_get_and_post(self, portal, solved, http_request):
        view = api.content.get_view("promote-knowledge", solved, http_request)
        html = view()
        assert "Make an FAQ entry" in html
        http_request.method = "POST"
        http_request.form.update(
            {"kind": "faq", "_authenticator": _token(portal, http_request)}
        )
        view = api.content.get_view("promote-knowledge", solved, http_request)
        assert view() == ""
        draft_url = http_request.response.getHeader("location")
        assert draft_url.endswith("/edit")
        assert promoted_to(solved)

    def test_redaction_viewlet_on_draft(self, portal, solved, http_request):
        from collective.servicedesk.knowledge.browser.viewlets import RedactionViewlet

        faq = promote_inquiry(solved, "faq")
        viewlet = RedactionViewlet(faq, http_request, None)
        viewlet.update()
        assert viewlet.available()
        assert {r["kind"]: r["count"] for r in viewlet.rows()} == {
            "name": 2,
            "email": 1,
        }
        assert viewlet.source.UID == api.content.get_uuid(solved)
        html = viewlet.render()
        assert solved.absolute_url() in html
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(obj=faq, to_state="published_internally")
        viewlet.update()
        assert not viewlet.available()

    def test_promote_viewlet_only_on_solved(self, portal, kb, solved, http_request):
        from collective.servicedesk.knowledge.browser.viewlets import PromoteViewlet

        assert PromoteViewlet(solved, http_request, None).available()
        open_inquiry = make_inquiry(portal, state=None, title="Åpen")
        assert not PromoteViewlet(open_inquiry, http_request, None).available()


def _token(portal, request) -> str:
    from plone.protect.authenticator import createToken

    return createToken()
