"""The free-text search: Norwegian word forms, permissions, facets, highlighting."""

from collective.servicedesk.search import api as search_api
from collective.servicedesk.search import search
from datetime import datetime
from plone import api
from plone.app.testing import login
from plone.app.testing import logout
from tests.knowledge.helpers import make_document
from tests.knowledge.helpers import make_faq
from tests.knowledge.helpers import make_inquiry
from tests.knowledge.helpers import make_user
import pytest


def titles(result) -> list[str]:
    return [item["title"] for item in result["items"]]


def facet(result, name) -> dict[str, int]:
    values = next(f["values"] for f in result["facets"] if f["name"] == name)
    return {v["value"]: v["count"] for v in values}


@pytest.fixture
def content(portal, kb):
    """A small knowledge base: public and internal FAQ, documents, a draft."""
    make_faq(
        kb,
        "Hvordan sender jeg en byggesøknad?",
        "<p>Byggesøknader sendes digitalt via Fellestjenester bygg.</p>",
        state="published_publicly",
        categories=["building-permits"],
        audience="public",
    )
    make_faq(
        kb,
        "Hva koster behandling av byggesøknaden?",
        "<p>Gebyret følger gebyrregulativet.</p>",
        state="published_internally",
        categories=["building-permits", "municipal-fees"],
    )
    make_faq(
        kb,
        "Når tømmes søppelet?",
        "<p>Restavfall tømmes annenhver uke.</p>",
        state="published_publicly",
        categories=["waste-collection"],
        audience="public",
    )
    make_faq(
        kb,
        "Utkast om byggesøknader",
        "<p>Ikke ferdig.</p>",
        categories=["building-permits"],
    )
    make_document(
        kb,
        "Rutine for byggesaker",
        state="published",
        description="Slik følger vi opp byggesøknader i servicetorget.",
        categories=["building-permits"],
        document_kind="routine",
    )
    make_document(
        kb,
        "Veileder bostøtte",
        state="internal",
        description="Bostøtte fra Husbanken.",
        categories=["housing-allowance"],
        document_kind="user_guide",
    )


class TestWordForms:
    @pytest.mark.parametrize(
        "query",
        [
            "byggesøknad",
            "byggesøknader",
            "Byggesøknaden",
            "BYGGESØKNADENE",
            "byggesoeknad",
            "byggesoknad",
        ],
    )
    def test_inflected_and_transliterated_forms(self, content, query):
        result = search(query)
        assert set(titles(result)) == {
            "Hvordan sender jeg en byggesøknad?",
            "Hva koster behandling av byggesøknaden?",
            "Utkast om byggesøknader",
            "Rutine for byggesaker",
        }

    def test_all_words_required_then_any(self, content):
        assert titles(search("gebyr byggesøknad")) == [
            "Hva koster behandling av byggesøknaden?"
        ]
        result = search("søppel bostøtte")
        assert result["operator"] == "or"
        assert set(titles(result)) == {"Når tømmes søppelet?", "Veileder bostøtte"}

    def test_category_title_is_searchable(self, content):
        # "Renovasjon" is the Bokmål title of waste-collection.
        assert "Når tømmes søppelet?" in titles(search("renovasjon"))

    def test_nonsense_and_syntax_do_not_break(self, content):
        assert search("zzzzqqq")["total"] == 0
        assert search('"( AND OR * ?')["total"] == 0


class TestPermissions:
    def test_anonymous_finds_only_public_faq(self, portal, content):
        logout()
        result = search("byggesøknad")
        assert titles(result) == ["Hvordan sender jeg en byggesøknad?"]
        assert facet(result, "portal_type") == {"FAQEntry": 1}
        assert facet(result, "review_state") == {"published_publicly": 1}

    def test_member_sees_internal_not_drafts(self, portal, content):
        login(portal, make_user("intranet-user", ["Member"]))
        assert set(titles(search("byggesøknad"))) == {
            "Hvordan sender jeg en byggesøknad?",
            "Hva koster behandling av byggesøknaden?",
            "Rutine for byggesaker",
        }

    def test_staff_see_inquiries_they_may_read_only(self, portal, content):
        make_inquiry(
            portal, title="Nabovarsel for byggesøknad", category="building-permits"
        )
        make_inquiry(
            portal,
            title="Fortrolig byggesøknad",
            category="building-permits",
            confidential=True,
        )
        login(portal, make_user("agent-s", ["Service Desk Agent"]))
        found = titles(search("byggesøknad"))
        assert "Nabovarsel for byggesøknad" in found
        assert "Fortrolig byggesøknad" not in found
        login(portal, make_user("lead-s", ["Service Desk Lead"]))
        assert "Fortrolig byggesøknad" in titles(search("byggesøknad"))
        login(portal, make_user("editor-s", ["Knowledge Editor"]))
        assert not {"Nabovarsel for byggesøknad", "Fortrolig byggesøknad"} & set(
            titles(search("byggesøknad"))
        )
        logout()
        assert "Nabovarsel for byggesøknad" not in titles(search("byggesøknad"))

    def test_inquiry_results_carry_reference_and_category(self, portal, content):
        inquiry = make_inquiry(
            portal, title="Nabovarsel for byggesøknad", category="building-permits"
        )
        login(portal, make_user("agent-s", ["Service Desk Agent"]))
        item = next(
            i for i in search("nabovarsel")["items"] if i["portal_type"] == "Inquiry"
        )
        assert item["url"] == inquiry.absolute_url()
        assert item["reference_number"] == getattr(inquiry, "reference_number", None)
        assert [c["id"] for c in item["categories"]] == ["building-permits"]


class TestFacets:
    @pytest.fixture
    def editor(self, portal, content):
        login(portal, make_user("editor-f", ["Knowledge Editor"]))

    def test_counts(self, editor):
        result = search("byggesøknad")
        assert result["total"] == 4
        assert facet(result, "portal_type") == {"FAQEntry": 3, "ExperienceDocument": 1}
        assert facet(result, "category") == {"building-permits": 4, "municipal-fees": 1}
        assert facet(result, "audience") == {"public": 1, "internal": 3}
        assert facet(result, "review_state") == {
            "published_publicly": 1,
            "published_internally": 1,
            "draft": 1,
            "published": 1,
        }
        assert facet(result, "date") == {"week": 4, "month": 4, "year": 4}

    def test_filter_narrows_results_and_other_facets(self, editor):
        result = search("byggesøknad", {"portal_type": ["FAQEntry"]})
        assert result["total"] == 3
        assert all(i["portal_type"] == "FAQEntry" for i in result["items"])
        # A facet ignores its own filter, so the other types stay selectable.
        assert facet(result, "portal_type") == {"FAQEntry": 3, "ExperienceDocument": 1}
        assert facet(result, "audience") == {"public": 1, "internal": 2}
        assert facet(result, "category") == {"building-permits": 3, "municipal-fees": 1}

    def test_values_within_a_facet_are_or(self, editor):
        result = search("", {"category": ["waste-collection", "housing-allowance"]})
        assert set(titles(result)) == {"Når tømmes søppelet?", "Veileder bostøtte"}

    def test_facets_combine_with_and(self, editor):
        result = search(
            "byggesøknad", {"category": ["building-permits"], "audience": "public"}
        )
        assert titles(result) == ["Hvordan sender jeg en byggesøknad?"]

    def test_date_filter(self, editor):
        assert search("", {"date": "older"})["total"] == 0
        assert search("", {"date": "week"})["total"] == 6
        later = datetime(2100, 1, 1)
        assert search("", {"date": "older"}, now=later)["total"] == 6

    def test_selected_flag_and_unknown_filters_ignored(self, editor):
        result = search("byggesøknad", {"audience": ["public"], "bogus": ["x"]})
        assert result["filters"] == {"audience": ["public"]}
        selected = [v for f in result["facets"] for v in f["values"] if v["selected"]]
        assert [v["value"] for v in selected] == ["public"]

    def test_large_result_sets_count_by_record_sets_with_same_numbers(
        self, editor, monkeypatch
    ):
        for filters in (
            {},
            {"portal_type": ["FAQEntry"]},
            {"category": ["building-permits"], "date": "week"},
            {"audience": ["public"], "review_state": ["published_publicly"]},
            {"date": "older"},
        ):
            expected = search("byggesøknad", filters)
            monkeypatch.setattr(search_api, "BRAIN_FACET_LIMIT", 0)
            counted = search("byggesøknad", filters)
            monkeypatch.setattr(search_api, "BRAIN_FACET_LIMIT", 3000)
            assert counted["total"] == expected["total"]
            for name in ("portal_type", "category", "audience", "review_state", "date"):
                assert facet(counted, name) == facet(expected, name), name

    def test_facet_titles_translated(self, editor):
        result = search("byggesøknad")
        type_titles = {v["value"]: v["title"] for v in result["facets"][0]["values"]}
        assert type_titles["FAQEntry"] == "FAQ entry"
        states = {v["value"]: v["title"] for v in result["facets"][3]["values"]}
        assert states["published_publicly"] == "Published publicly"


class TestHighlightingAndBatching:
    def test_title_and_snippet_highlighted_and_escaped(self, portal, kb):
        make_faq(
            kb,
            "Byggesøknad <script>",
            "<p>Alle byggesøknader &amp; <b>meldinger</b>.</p>",
            state="published_publicly",
        )
        item = search("byggesøknad")["items"][0]
        assert item["title_html"] == "<mark>Byggesøknad</mark> &lt;script&gt;"
        assert (
            item["snippet_html"] == "Alle <mark>byggesøknader</mark> &amp; meldinger."
        )

    def test_batching(self, portal, kb):
        for number in range(7):
            make_faq(kb, f"Parkering {number}", state="published_publicly")
        first = search("parkering", b_size=5)
        second = search("parkering", b_start=5, b_size=5)
        assert first["total"] == second["total"] == 7
        assert len(first["items"]) == 5
        assert len(second["items"]) == 2
        assert not set(titles(first)) & set(titles(second))

    def test_browse_without_text_newest_first(self, portal, kb):
        make_faq(kb, "Eldre", state="published_publicly")
        newest = make_faq(kb, "Nyere", state="published_publicly")
        newest.creation_date = newest.creation_date + 1
        newest.reindexObject(idxs=["created"])
        assert titles(search(""))[:2] == ["Nyere", "Eldre"]


def test_searched_types(portal):
    logout()
    assert search_api.searched_types() == ["FAQEntry", "ExperienceDocument"]
    login(portal, make_user("member-t", ["Member"]))
    assert "Inquiry" in search_api.searched_types()
    assert api.user.get_current().getId() == "member-t"
