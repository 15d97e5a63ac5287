"""Editors' synonyms apply at query time: no reindex, the next query uses them."""

from collective.servicedesk.search import search
from collective.servicedesk.search import suggest_faq
from collective.servicedesk.search.synonyms import import_los_synonyms
from collective.servicedesk.search.synonyms import parse_lines
from plone import api
from tests.knowledge.helpers import make_faq
import pytest

RECORD = "collective.servicedesk.search.synonyms"

LOS = """<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:skos="http://www.w3.org/2004/02/skos/core#">
  <rdf:Description rdf:about="https://psi.norge.no/los/ord/renovasjon">
    <rdf:type rdf:resource="http://www.w3.org/2004/02/skos/core#Concept"/>
    <skos:inScheme rdf:resource="https://psi.norge.no/los/ontologi/tema"/>
    <skos:prefLabel xml:lang="nb">Renovasjon</skos:prefLabel>
    <skos:prefLabel xml:lang="en">Waste collection</skos:prefLabel>
    <skos:hiddenLabel xml:lang="nb">Søppel</skos:hiddenLabel>
    <skos:hiddenLabel xml:lang="nn">Boss</skos:hiddenLabel>
  </rdf:Description>
</rdf:RDF>""".encode()


def uids(items) -> list[str]:
    return [item["uid"] for item in items]


@pytest.fixture
def entries(portal, kb):
    return {
        "broyting": make_faq(
            kb, "Når skjer brøyting av veien?", state="published_internally"
        ),
        "renovasjon": make_faq(
            kb, "Når kommer renovasjonsbilen?", state="published_internally"
        ),
    }


class TestEditorSynonyms:
    def test_parse_lines(self):
        assert parse_lines(["brøyting = snørydding = snømåking", "a", "x, y; z"]) == [
            ["brøyting", "snørydding", "snømåking"],
            ["x", "y", "z"],
        ]

    def test_take_effect_without_reindex(self, portal, entries):
        catalog = api.portal.get_tool("portal_catalog")
        broyting = api.content.get_uuid(entries["broyting"])
        assert broyting not in uids(suggest_faq("snømåking "))
        assert search("snømåking")["total"] == 0
        counter = catalog.getCounter()
        api.portal.set_registry_record(RECORD, ["brøyting = snømåking"])
        assert uids(suggest_faq("snømåking "))[0] == broyting
        assert [i["title"] for i in search("snømåking")["items"]] == [
            "Når skjer brøyting av veien?"
        ]
        assert catalog.getCounter() == counter  # nothing was reindexed
        api.portal.set_registry_record(RECORD, [])
        assert broyting not in uids(suggest_faq("snømåking "))

    def test_phrasal_verb_as_synonym(self, portal, kb):
        faq = make_faq(kb, "Oppsigelse av barnehageplass", state="published_internally")
        api.portal.set_registry_record(RECORD, ["oppsigelse = si opp"])
        assert uids(suggest_faq("si opp "))[0] == api.content.get_uuid(faq)


class TestLosSynonyms:
    def test_hidden_labels_become_a_ring(self, portal, entries):
        renovasjon = api.content.get_uuid(entries["renovasjon"])
        assert renovasjon not in uids(suggest_faq("søppel "))
        assert import_los_synonyms(LOS, scope="kommune") == 1
        assert uids(suggest_faq("søppel "))[0] == renovasjon
        assert uids(suggest_faq("boss "))[0] == renovasjon
