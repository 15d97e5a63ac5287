"""Public FAQ suggestions for the citizen form, and the "answered" counter."""

from collective.servicedesk.citizen.counter import answered_total
from collective.servicedesk.knowledge.usage import faq_use_count
from tests.knowledge.helpers import make_faq
from tests.knowledge.helpers import make_kb
from tests.services.examples import write_example
import pytest
import transaction


@pytest.fixture
def faqs(functional_portal):
    kb = make_kb(functional_portal)
    public = make_faq(
        kb,
        "Når blir det brøytet?",
        "<p>Etter snøfall.</p>",
        state="published_publicly",
        audience="public",
    )
    internal = make_faq(
        kb,
        "Når blir private veier brøytet? (intern rutine)",
        "<p>Intern.</p>",
        state="published_internally",
    )
    draft = make_faq(kb, "Brøytet utkast", "<p>Utkast.</p>")
    transaction.commit()
    return public, internal, draft


class TestPublicSuggestions:
    @pytest.mark.parametrize("who", ["anon_request", "manager_request"])
    def test_only_public_entries(self, request, faqs, functional_portal, who):
        session = request.getfixturevalue(who)
        response = session.get("/@servicedesk-faq-public", params={"q": "brøytet"})
        assert response.status_code == 200
        data = response.json()
        public, internal, draft = faqs
        assert [item["UID"] for item in data["items"]] == [public.UID()]
        if who == "manager_request":
            # Staff would see all three in their own suggestions.
            staff = session.get("/@faq-suggestions", params={"q": "brøytet"}).json()
            assert len(staff["items"]) >= 2
        assert "intern" not in response.text.lower()
        if who == "anon_request":
            write_example("faq-public-get", response, functional_portal.absolute_url())

    def test_empty_query(self, anon_request, faqs):
        response = anon_request.get("/@servicedesk-faq-public", params={"q": ""})
        assert response.json() == {"items": [], "items_total": 0}


class TestAnswered:
    def test_counts(self, anon_request, faqs, functional_portal):
        public = faqs[0]
        body = {"faq": public.UID()}
        response = anon_request.post("/@servicedesk-faq-answered", json=body)
        assert response.status_code == 204
        anon_request.post("/@servicedesk-faq-answered", json=body)
        transaction.begin()
        assert answered_total() == 2
        assert faq_use_count(public) == 2

    @pytest.mark.parametrize("which", [1, 2, None])
    def test_only_public_entries_count(self, anon_request, faqs, which):
        uid = faqs[which].UID() if which is not None else "no-such-uid"
        response = anon_request.post("/@servicedesk-faq-answered", json={"faq": uid})
        assert response.status_code == 400
        assert response.json()["error"]["field"] == "faq"
        transaction.begin()
        assert answered_total() == 0
