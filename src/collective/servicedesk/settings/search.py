"""Knowledge search: the editors' synonym list and the LOS source."""

from collective.servicedesk import _
from zope import schema
from zope.interface import Interface

LOS_DEFAULT_URL = "https://psi.norge.no/los/all.rdf"


class ISearchSettings(Interface):
    """Knowledge search settings (knowledge control panel)."""

    synonyms = schema.List(
        title=_("label_search_synonyms", default="Synonyms"),
        description=_(
            "help_search_synonyms",
            default="One group per line, words separated by = (for example "
            '"brøyting = snørydding = snømåking" or "oppsigelse = si opp"). '
            "Applied to every search and suggestion at once; no reindexing needed.",
        ),
        value_type=schema.TextLine(max_length=500),
        required=False,
        default=[],
        missing_value=[],
        max_length=2000,
    )

    los_source = schema.TextLine(
        title=_("label_search_los_source", default="LOS source"),
        description=_(
            "help_search_los_source",
            default="Address or file path of the LOS vocabulary (RDF) whose labels "
            "become synonyms.",
        ),
        required=False,
        default=LOS_DEFAULT_URL,
    )
