"""The demo knowledge base is realistic and can be installed twice."""

from collective.servicedesk.setuphandlers.demo_knowledge import create_demo_knowledge
from collective.servicedesk.setuphandlers.demo_knowledge_data import DOCUMENTS
from collective.servicedesk.setuphandlers.demo_knowledge_data import FAQ
from plone import api
import pytest


@pytest.fixture
def demo(portal):
    create_demo_knowledge()
    return portal["knowledge-base"]


class TestDemoKnowledge:
    def test_dozens_of_entries_across_categories(self, demo):
        faqs = api.content.find(context=demo, portal_type="FAQEntry")
        assert len(faqs) == len(FAQ) >= 30
        categories = {c for b in faqs for c in b.servicedesk_categories}
        assert len(categories) >= 15
        assert (
            len(api.content.find(context=demo, portal_type="ExperienceDocument"))
            == len(DOCUMENTS)
            >= 10
        )

    def test_states_and_languages(self, demo):
        states = {
            b.review_state
            for b in api.content.find(context=demo, portal_type="FAQEntry")
        }
        assert {
            "published_publicly",
            "published_internally",
            "draft",
            "needs_review",
        } <= states
        public = api.content.find(
            context=demo, portal_type="FAQEntry", review_state="published_publicly"
        )
        assert len(public) >= 15
        assert len([f for f in FAQ if f[-1] == "nn"]) >= 3
        assert demo["legevakt"].language == "nn"

    def test_every_document_kind_present(self, demo):
        kinds = {demo[key].document_kind for key, *_rest in DOCUMENTS}
        assert kinds == {
            "user_guide",
            "routine",
            "guideline",
            "law_reference",
            "service_description",
            "elearning",
            "case_writeup",
            "chat_transcript",
        }

    def test_idempotent(self, demo):
        before = len(demo.objectIds())
        create_demo_knowledge()
        assert len(demo.objectIds()) == before

    def test_no_personal_data_in_demo_answers(self):
        from collective.servicedesk.knowledge.redact import redact

        for _key, question, answer, *_rest in FAQ:
            kinds = {r.kind for r in redact(question + " " + answer).redactions}
            assert not kinds - {"phone"}, question  # only public service numbers
