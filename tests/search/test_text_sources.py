"""FAQ suggestions and the knowledge search read their own text sources.

Inquiries keep only number, summary and tags in ``SearchableText`` (issue 19);
their long text is in ``servicedesk_text``. FAQ entries must not depend on that:
suggestions read the ``servicedesk_faq_fields`` column, the knowledge search the
``servicedesk_text`` index, both with the FAQ entry's whole text.
"""

from collective.servicedesk.search import search
from collective.servicedesk.search import suggest_faq
from plone import api
from plone.app.testing import login
from tests.knowledge.helpers import make_faq
from tests.knowledge.helpers import make_inquiry
from tests.knowledge.helpers import make_user
import pytest


@pytest.fixture
def faq(portal, kb):
    """An entry whose answer and alternative phrasing hold words its question lacks."""
    entry = make_faq(
        kb,
        "Hvordan sender jeg en byggesøknad?",
        "<p>Søknaden sendes gjennom Fellestjenester bygg.</p>",
        state="published_internally",
        alternative_phrasings=["levere tegninger til kommunen"],
    )
    login(portal, make_user("agent-t", ["Service Desk Agent"]))
    return entry


def urls(items) -> list[str]:
    return [item["url"] for item in items]


class TestFAQTextSources:
    @pytest.mark.parametrize("typed", ["fellestjenester", "tegningene"])
    def test_suggestions_find_answer_and_phrasing_words(self, faq, typed):
        assert urls(suggest_faq(typed)) == [faq.absolute_url()]

    @pytest.mark.parametrize("typed", ["fellestjenester", "tegningene"])
    def test_knowledge_search_finds_answer_and_phrasing_words(self, faq, typed):
        assert faq.absolute_url() in urls(search(typed)["items"])

    def test_faq_columns_hold_the_whole_entry(self, faq):
        brain = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
            UID=faq.UID()
        )[0]
        fields = brain.servicedesk_faq_fields
        assert "Fellestjenester" in fields["answer"]
        assert fields["phrasings"] == ["levere tegninger til kommunen"]


class TestInquiryTextStaysOutOfFAQ:
    def test_inquiry_answer_found_by_staff_not_suggested_as_faq(self, portal, faq):
        inquiry = make_inquiry(
            portal,
            title="Spørsmål om garasje",
            answer="Vi viste til Fellestjenester bygg.",
        )
        login(portal, make_user("agent-t2", ["Service Desk Agent"]))
        # The inquiry's long text is searchable (servicedesk_text) ...
        assert inquiry.absolute_url() in urls(search("fellestjenester")["items"])
        # ... while suggestions stay FAQ entries only.
        assert urls(suggest_faq("fellestjenester")) == [faq.absolute_url()]
