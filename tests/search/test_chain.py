"""The Norwegian analysis chain on word pairs, per class and in both directions.

A pair meets when a query with one word finds a text with the other: the
query's alternatives (lemmas, Bokmål equivalents, compound parts) share a term
with the text's index terms. No Plone needed: the chain is pure Python.
"""

from collective.servicedesk.search.analysis.chain import analyse_query
from collective.servicedesk.search.analysis.chain import index_terms
from collective.servicedesk.search.analysis.chain import word_terms
from tests.search.eval.measure import load_pairs
import pytest

PAIRS = load_pairs()


def query_terms(text: str) -> set[str]:
    """Every term a query may match with."""
    found: set[str] = set()
    for concept in analyse_query(text):
        found.update(concept.terms)
        found.update(concept.parts)
        found.update(concept.split)
    return found


def finds(query: str, text: str) -> bool:
    return bool(query_terms(query) & set(index_terms(text)))


@pytest.mark.parametrize("kind,a,b", PAIRS, ids=[f"{k}-{a}-{b}" for k, a, b in PAIRS])
class TestWordPairs:
    def test_a_finds_b(self, kind, a, b):
        assert finds(a, b), (query_terms(a), index_terms(b))

    def test_b_finds_a(self, kind, a, b):
        assert finds(b, a), (query_terms(b), index_terms(a))


class TestClassesPresent:
    def test_every_class_has_pairs(self):
        kinds = {kind for kind, _a, _b in PAIRS}
        assert kinds == {"inflection", "nynorsk", "compound"}
        assert all(sum(k == kind for k, _a, _b in PAIRS) >= 10 for kind in kinds)


class TestIssueExamples:
    @pytest.mark.parametrize(
        "a,b",
        [
            ("veilys", "veilyset"),
            ("snø", "snøen"),
            ("strøm", "strømmen"),
            ("brannvarsler", "brannvarslere"),
        ],
    )
    def test_indefinite_and_definite_forms_share_the_lemma(self, a, b):
        assert set(word_terms(a)[0]) & set(word_terms(b)[0])

    @pytest.mark.parametrize(
        "nynorsk,bokmal",
        [
            ("skule", "skole"),
            ("vatn", "vann"),
            ("kyrkje", "kirke"),
            ("straum", "strøm"),
            ("veg", "vei"),
        ],
    )
    def test_nynorsk_word_carries_the_bokmal_lemma(self, nynorsk, bokmal):
        assert word_terms(bokmal)[0][0] in word_terms(nynorsk)[0]


class TestPhrasalVerbsAndNegations:
    @pytest.mark.parametrize(
        "query,text",
        [
            ("si opp", "Hvordan sier jeg opp barnehageplassen?"),
            ("melde av", "Korleis melder eg barnet av SFO?"),
            ("seie opp plassen", "Du kan si opp plassen"),
        ],
    )
    def test_phrasal_verb_survives_both_ways(self, query, text):
        joined = {t for t in index_terms(query) if "_" in t}
        assert joined & {t for t in index_terms(text) if "_" in t}

    def test_particle_alone_is_no_term(self):
        assert "opp" not in index_terms("Hvordan sier jeg opp plassen?")

    def test_different_particles_stay_apart(self):
        assert "melde_pa" not in index_terms("melde av")
        assert "melde_av" in index_terms("melde av")

    @pytest.mark.parametrize("text", ["dunken ble ikke tømt", "dunken vart ikkje tømd"])
    def test_negation_survives(self, text):
        assert "ikke" in index_terms(text)

    def test_stop_words_dropped(self):
        assert not {"hvordan", "jeg", "korleis", "eg"} & set(
            index_terms("Hvordan søker jeg? Korleis søkjer eg?")
        )
