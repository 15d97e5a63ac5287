"""Vocabularies of the knowledge types: audiences and document kinds."""

from collective.servicedesk import _
from collective.servicedesk.vocabularies.knowledge_choices import AUDIENCES
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

DOCUMENT_KINDS = (
    ("user_guide", _("kind_user_guide", default="User guide")),
    ("routine", _("kind_routine", default="Routine")),
    ("guideline", _("kind_guideline", default="Guideline or regulation")),
    ("law_reference", _("kind_law_reference", default="Law reference")),
    (
        "service_description",
        _("kind_service_description", default="Service description"),
    ),
    ("elearning", _("kind_elearning", default="E-learning")),
    ("case_writeup", _("kind_case_writeup", default="Solved case write-up")),
    ("chat_transcript", _("kind_chat_transcript", default="Chat transcript")),
)


def _vocabulary(items) -> SimpleVocabulary:
    return SimpleVocabulary(
        [SimpleTerm(value=key, token=key, title=title) for key, title in items]
    )


@provider(IVocabularyFactory)
def audiences(context=None) -> SimpleVocabulary:
    """Who an entry is written for."""
    return _vocabulary(AUDIENCES)


@provider(IVocabularyFactory)
def document_kinds(context=None) -> SimpleVocabulary:
    """Kinds of experience documents."""
    return _vocabulary(DOCUMENT_KINDS)
