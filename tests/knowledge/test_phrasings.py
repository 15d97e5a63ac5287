"""Learning from use: phrasings are kept without personal data, once they recur."""

from collective.servicedesk.knowledge.phrasings import CANDIDATES_KEY
from collective.servicedesk.knowledge.phrasings import approve
from collective.servicedesk.knowledge.phrasings import learn_phrasing
from collective.servicedesk.knowledge.phrasings import pending
from collective.servicedesk.knowledge.usage import count_faq_use
from collective.servicedesk.search import suggest_faq
from tests.knowledge.helpers import make_faq
from tests.knowledge.helpers import make_inquiry
from tests.knowledge.helpers import make_kb
from zope.annotation.interfaces import IAnnotations
import pytest

FNR = "15076500565"
PHONE = "412 34 567"
EMAIL = "kari.nordmann@example.org"
NAME = "Kari Nordmann"


@pytest.fixture
def faq(portal):
    kb = make_kb(portal)
    return make_faq(
        kb, "Hvordan sier jeg opp barnehageplassen?", state="published_internally"
    )


def stored_text(portal, faq) -> str:
    """Everything learned, as one string: candidates and the entry's phrasings."""
    tree = IAnnotations(portal).get(CANDIDATES_KEY) or {}
    texts = [c["text"] for entry in tree.values() for c in entry.values()]
    texts.extend(faq.alternative_phrasings or ())
    return " | ".join(texts)


class TestLearning:
    def test_once_waits_twice_is_added(self, portal, faq):
        assert learn_phrasing(faq, "slutte i barnehagen") == "pending"
        assert not faq.alternative_phrasings
        assert [r["text"] for r in pending()] == ["slutte i barnehagen"]
        assert learn_phrasing(faq, "Slutte i barnehagen!") == "added"
        assert faq.alternative_phrasings == ["slutte i barnehagen"]
        assert pending() == []

    def test_learned_phrasing_is_suggested(self, portal, faq):
        learn_phrasing(faq, "slutte i barnehagen")
        learn_phrasing(faq, "slutte i barnehagen")
        assert suggest_faq("slutte i barnehagen ")[0]["uid"] == faq.UID()

    def test_editor_approves(self, portal, faq):
        learn_phrasing(faq, "vi flytter fra kommunen")
        key = pending()[0]["key"]
        assert approve(faq, key)
        assert faq.alternative_phrasings == ["vi flytter fra kommunen"]

    def test_the_question_itself_is_not_learned(self, portal, faq):
        assert learn_phrasing(faq, "hvordan sier jeg opp barnehageplassen") is None


class TestNoPersonalData:
    @pytest.mark.parametrize(
        "text",
        [
            f"{NAME} vil si opp plassen",
            f"si opp plassen, fnr {FNR}",
            f"si opp plassen ring {PHONE}",
            f"si opp plassen svar til {EMAIL}",
            f"Nordmann sier opp plassen, {FNR} {PHONE} {EMAIL}",
        ],
    )
    def test_never_stored(self, portal, faq, text):
        learn_phrasing(faq, text, [NAME])
        learn_phrasing(faq, text, [NAME])
        stored = stored_text(portal, faq)
        assert "si opp plassen" in stored or "sier opp plassen" in stored
        for secret in (FNR, "15076", PHONE, "41234567", EMAIL, "Kari", "Nordmann"):
            assert secret not in stored
        assert "removed" not in stored  # labels are not kept either

    def test_from_an_inquiry_answered_with_the_entry(self, portal, faq):
        for _ in range(2):
            inquiry = make_inquiry(
                portal,
                title=f"{NAME} ({PHONE}) vil si opp plassen",
                requester_name=NAME,
            )
            count_faq_use(faq, inquiry)
        assert faq.alternative_phrasings == ["vil si opp plassen"]
        assert NAME not in stored_text(portal, faq)
