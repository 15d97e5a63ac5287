"""Ranking rules of FAQ suggestions on a small in-memory index (no Plone needed).

Each rule is checked both ways: the entry the rule should favour comes first,
and the rule does not take away what it should leave (an entry with every
concept still wins; a misspelling still finds its entry; a query with a known
word still gets a suggestion when only a neighbour matches).
"""

from collective.servicedesk.search.analysis.chain import analyse_query
from collective.servicedesk.search.faq_index import FAQIndex
from collective.servicedesk.search.faq_index import analyse_entry
from collective.servicedesk.search.ranking import FUZZY
from collective.servicedesk.search.ranking import FUZZY_KNOWN
from collective.servicedesk.search.ranking import alternatives
from collective.servicedesk.search.ranking import rank
from collective.servicedesk.search.synonyms import Synonyms


def make_index(entries: dict[str, str]) -> FAQIndex:
    """An index of entries given as uid → question (no other fields)."""
    return FAQIndex(
        [analyse_entry(uid, {"question": text}, ()) for uid, text in entries.items()]
    )


def ranked(query: str, index: FAQIndex) -> list[str]:
    return [uid for _score, uid in rank(analyse_query(query, typing=True), index)]


# Many entries say "kommunen"; one answers the rare part of the question.
MUNICIPAL = {
    "vedtak": "Hvordan klager jeg på et vedtak?",
    "skatt": "Eiendomsskatt i kommunen: klage på takst",
    "parkering": "Parkering i kommunen",
    "bibliotek": "Biblioteket i kommunen",
    "bolig": "Kommunale boliger i kommunen",
    "vann": "Vann og avløp i kommunen",
}


class TestCoverageBonus:
    def test_rare_concept_outranks_frequent_word(self):
        # "vedtaksklage" (both parts in one entry) weighs more than "kommunen";
        # an all-or-nothing bonus put "klage … i kommunen" first.
        assert ranked("vedtaksklage kommunen", make_index(MUNICIPAL))[0] == "vedtak"

    def test_entry_with_every_concept_still_wins(self):
        entries = {**MUNICIPAL, "begge": "Klage på vedtak fattet av kommunen"}
        assert ranked("vedtaksklage kommunen", make_index(entries))[0] == "begge"

    def test_frequent_word_alone_does_not_outrank_rare_word(self):
        # Either order of the words: the rare concept decides.
        assert ranked("kommunen vedtaksklage", make_index(MUNICIPAL))[0] == "vedtak"


FEIING = {
    "lokaler": "Leie av kommunale lokaler",
    "feiing": "Når kommer feieren? Feiing av pipa",
}


class TestFuzzyOnlyForUnknownWords:
    def test_known_word_neighbour_counts_half(self):
        index = make_index(FEIING)
        known = analyse_query("feie")[0]
        assert alternatives(known, index, Synonyms()).get("leie") == FUZZY_KNOWN

    def test_unknown_word_neighbour_counts_in_full(self):
        index = make_index({"bibliotek": "Åpningstider for biblioteket"})
        typo = analyse_query("bibloteket")[0]
        found = alternatives(typo, index, Synonyms())
        assert FUZZY in found.values(), found

    def test_known_word_prefers_its_own_family(self):
        # "pipa skal feies": "feie" is a word, not a typo of "leie".
        assert ranked("pipa skal feies", make_index(FEIING))[0] == "feiing"

    def test_misspelling_still_finds_its_entry(self):
        index = make_index({**FEIING, "bibliotek": "Åpningstider for biblioteket"})
        assert ranked("bibloteket", index)[0] == "bibliotek"

    def test_known_word_still_gets_a_suggestion(self):
        # A neighbour is all there is: it is still suggested, only weaker.
        assert ranked("feie", make_index({"lokaler": FEIING["lokaler"]})) == ["lokaler"]


class TestTies:
    def test_equal_scores_tighter_question_first(self):
        index = make_index(
            {
                "a": "Brøyting av private veier og gangstier om vinteren",
                "b": "Brøyting",
            }
        )
        assert ranked("brøyting", index) == ["b", "a"]

    def test_equal_scores_same_order_whatever_the_uids(self):
        # A true tie: the order follows the entries' words, never their UIDs.
        orders = []
        for skole, kirke in (("a", "b"), ("b", "a")):
            index = make_index(
                {skole: "Brøyting ved skolen", kirke: "Brøyting ved kirken"}
            )
            by_uid = {skole: "skolen", kirke: "kirken"}
            orders.append([by_uid[uid] for uid in ranked("brøyting", index)])
        assert orders[0] == orders[1] == ["kirken", "skolen"]
