"""Norwegian text handling: case, æ/ø/å and their transliterations, word forms."""

from collective.servicedesk.search.highlight import Matcher
from collective.servicedesk.search.highlight import highlight
from collective.servicedesk.search.highlight import snippet
from collective.servicedesk.search.lexicon import NorwegianSplitter
from collective.servicedesk.search.query import text_query
from collective.servicedesk.search.query import typing_query
from collective.servicedesk.search.text import fold
from collective.servicedesk.search.text import normalize_word
from collective.servicedesk.search.text import tokens
from collective.servicedesk.search.text import word_terms
from Products.ZCTextIndex.Lexicon import Lexicon
from Products.ZCTextIndex.QueryParser import QueryParser
import pytest


class TestNormalize:
    @pytest.mark.parametrize(
        "forms",
        [
            (
                "byggesøknad",
                "byggesøknader",
                "byggesøknaden",
                "byggesøknadene",
                "Byggesøknad",
                "BYGGESØKNAD",
                "byggesoeknad",
                "byggesoknad",
                "byggesoeknader",
            ),
            ("bostøtte", "bostøtten", "bostotte", "bostoette", "Bostøtte"),
            (
                "barnehageplass",
                "barnehageplassen",
                "barnehageplasser",
                "barnehageplassene",
            ),
            ("eiendomsskatt", "eiendomsskatten", "Eiendomsskatten"),
            ("gebyr", "gebyrer", "gebyrene", "gebyret"),
            ("vannmåler", "vannmaaler", "vannmaler"),
            ("søppelkasse", "søppelkassen", "soppelkasse", "søppelkassene"),
            ("brøyting", "brøytingen", "broyting", "broeyting"),
            ("Ærfugl", "ærfugl", "aerfugl"),
            ("skjemaet", "Skjemaet", "skjemaene"),
            ("Håkon", "Haakon", "hakon"),
        ],
    )
    def test_forms_meet(self, forms):
        shared = set.intersection(*(set(word_terms(f)[0]) for f in forms))
        assert shared, {f: word_terms(f)[0] for f in forms}

    @pytest.mark.parametrize(
        "a,b",
        [
            ("byggesøknad", "byggesak"),
            ("bostøtte", "bosted"),
            ("skatt", "skjema"),
        ],
    )
    def test_different_words_stay_apart(self, a, b):
        assert not set(word_terms(a)[0]) & set(word_terms(b)[0])

    def test_stop_words_removed_and_numbers_kept(self):
        terms = tokens("Hvordan søker jeg om plass i barnehage 2026?")
        assert {"soke", "plass", "barnehage", "2026"} <= set(terms)
        assert not {"hvordan", "jeg", "om", "i"} & set(terms)

    def test_fold(self):
        assert fold("æøåéü") == "aeoaeu"
        assert fold("haakon poeng") == "hakon pong"

    def test_ae_is_not_read_as_ae_ligature(self):
        # Reading "ae" as "æ" before stemming would turn "skjemaet" into "skjemæt".
        assert normalize_word("skjemaet") == "skjema"


class TestLexicon:
    def lexicon(self, *texts):
        lexicon = Lexicon(NorwegianSplitter())
        for text in texts:
            lexicon.sourceToWordIds(text)
        return lexicon

    def test_index_and_query_use_the_same_terms(self):
        lexicon = self.lexicon("Byggesøknader og søknad om bostøtte")
        tree = QueryParser(lexicon).parseQuery("BYGGESOEKNAD AND bostotte")
        assert tree.terms() == ["byggesoknad", "bostotte"]
        assert all(lexicon.termToWordIds(t) != [0] for t in tree.terms())

    def test_query_terms_are_not_stemmed_twice(self):
        # "skjemaet" -> "skjema"; stemming again would give "skjem".
        lexicon = self.lexicon("Skjemaet ligger på nett")
        tree = QueryParser(lexicon).parseQuery("skjemaet")
        assert lexicon.termToWordIds(tree.terms()[0]) == lexicon.termToWordIds("skjema")

    def test_prefix_glob(self):
        lexicon = self.lexicon("byggesøknaden")
        tree = QueryParser(lexicon).parseQuery("byggesø*")
        assert tree.terms() == ["byggeso*"]
        assert lexicon.globToWordIds("byggeso*")


class TestQueries:
    @pytest.mark.parametrize(
        "text,expected",
        [
            (
                "Hvordan søker jeg om byggetillatelse",
                "(=soker OR =soke OR =soka OR =sok) AND "
                "(=byggetillatelse OR (=bygge AND =tillatelse))",
            ),
            ('"quoted" (parens) AND or NOT', "=quoted AND =parens"),
            ("og i på", ""),
            ("", ""),
        ],
    )
    def test_text_query(self, text, expected):
        assert text_query(text) == expected

    def test_nynorsk_query_has_the_bokmal_lemma(self):
        assert "=skole" in text_query("skulen")
        assert "=vann" in text_query("vatnet")

    @pytest.mark.parametrize(
        "text,expected",
        [
            ("søknad om by", "=soknad OR =by"),  # two letters: no prefix
            ("byggesøknad ", "(=byggesoknad OR (=bygge AND =soknad))"),
            ("bygg", "=bygg OR bygg*"),
            ("", ""),
        ],
    )
    def test_typing_query(self, text, expected):
        assert typing_query(text) == expected


class TestHighlight:
    def test_inflected_forms_marked_and_html_escaped(self):
        matcher = Matcher("byggesøknad")
        html = highlight("<b>Byggesøknader</b> & byggesøknaden; byggesak", matcher)
        assert html == (
            "&lt;b&gt;<mark>Byggesøknader</mark>&lt;/b&gt; &amp; "
            "<mark>byggesøknaden</mark>; byggesak"
        )

    def test_prefix(self):
        assert (
            highlight("Barnehageplass søkes", Matcher("barneh*"))
            == "<mark>Barnehageplass</mark> søkes"
        )

    def test_no_query_only_escapes(self):
        assert highlight("a < b", Matcher("")) == "a &lt; b"

    def test_snippet_window_around_first_match(self):
        text = " ".join(["ord"] * 100) + " bostøtte " + " ".join(["mer"] * 100)
        html = snippet(text, Matcher("bostøtten"), width=80)
        assert "<mark>bostøtte</mark>" in html
        assert html.startswith("… ")
        assert html.endswith(" …")
        assert len(html) < 140
