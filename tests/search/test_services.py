"""REST: GET @knowledge-search and GET @faq-suggestions."""

from tests.knowledge.helpers import PASSWORD
from tests.knowledge.helpers import make_faq
from tests.knowledge.helpers import make_kb
from tests.knowledge.helpers import make_user
import pytest
import transaction


@pytest.fixture
def content(functional_portal):
    kb = make_kb(functional_portal)
    make_faq(
        kb,
        "Hvordan søker jeg om bostøtte?",
        "<p>Hos Husbanken.</p>",
        state="published_publicly",
        categories=["housing-allowance"],
        audience="public",
    )
    make_faq(
        kb,
        "Klage på avslag om bostøtte",
        "<p>Innen tre uker.</p>",
        state="published_internally",
        categories=["housing-allowance", "complaints"],
    )
    make_user("rest-agent", ["Service Desk Agent"])
    transaction.commit()
    return kb


class TestSearchService:
    def test_anonymous(self, content, anon_request):
        response = anon_request.get("/@knowledge-search", params={"q": "bostøtten"})
        assert response.status_code == 200
        body = response.json()
        assert body["total"] == 1
        assert body["items"][0]["title"] == "Hvordan søker jeg om bostøtte?"
        assert (
            body["items"][0]["title_html"]
            == "Hvordan søker jeg om <mark>bostøtte</mark>?"
        )
        assert body["@id"].endswith("/@knowledge-search")

    def test_staff_with_filters_and_facets(self, content, request_factory):
        session = request_factory(basic_auth=("rest-agent", PASSWORD))
        body = session.get(
            "/@knowledge-search", params={"q": "bostotte", "category": "complaints"}
        ).json()
        assert [i["title"] for i in body["items"]] == ["Klage på avslag om bostøtte"]
        categories = next(f for f in body["facets"] if f["name"] == "category")[
            "values"
        ]
        # The category facet ignores its own filter: both entries are housing allowance.
        assert {v["value"]: v["count"] for v in categories} == {
            "housing-allowance": 2,
            "complaints": 1,
        }

    @pytest.mark.parametrize("b_size,expected", [("1", 1), ("x", 2), ("1000", 2)])
    def test_batch_size_is_sanitised(self, content, request_factory, b_size, expected):
        session = request_factory(basic_auth=("rest-agent", PASSWORD))
        body = session.get(
            "/@knowledge-search", params={"q": "bostøtte", "b_size": b_size}
        ).json()
        assert len(body["items"]) == expected


class TestSuggestService:
    def test_suggestions(self, content, request_factory):
        session = request_factory(basic_auth=("rest-agent", PASSWORD))
        response = session.get(
            "/@faq-suggestions", params={"q": "klage bost", "limit": "5"}
        )
        assert response.status_code == 200
        items = response.json()["items"]
        assert items[0]["title"] == "Klage på avslag om bostøtte"

    def test_anonymous_only_public(self, content, anon_request):
        items = anon_request.get(
            "/@faq-suggestions", params={"q": "klage bost"}
        ).json()["items"]
        assert [i["title"] for i in items] == ["Hvordan søker jeg om bostøtte?"]

    def test_empty_query(self, content, anon_request):
        assert anon_request.get("/@faq-suggestions").json()["items"] == []
