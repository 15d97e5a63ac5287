"""Catalog indexers of the knowledge types (SearchableText, review date)."""

from collective.servicedesk.knowledge.interfaces import IExperienceDocument
from collective.servicedesk.knowledge.interfaces import IFAQEntry
from collective.servicedesk.knowledge.text import attachment_text
from collective.servicedesk.knowledge.text import category_titles
from collective.servicedesk.knowledge.text import excerpt
from collective.servicedesk.knowledge.text import richtext_to_text
from DateTime import DateTime
from plone.indexer import indexer

MAX_ANSWER = 4000


def _join(*parts) -> str:
    flat: list[str] = []
    for part in parts:
        if isinstance(part, list | tuple):
            flat.extend(str(p) for p in part if p)
        elif part:
            flat.append(str(part))
    return " ".join(flat)


@indexer(IFAQEntry)
def faq_searchable_text(obj) -> str:
    """Question, answer, alternative phrasings, tags and category titles."""
    return _join(
        obj.title,
        richtext_to_text(getattr(obj, "answer", None)),
        list(getattr(obj, "alternative_phrasings", None) or ()),
        list(obj.Subject()),
        category_titles(getattr(obj, "categories", None)),
    )


@indexer(IFAQEntry)
def faq_search_fields(obj) -> dict:
    """The fields FAQ suggestions weigh apart (catalog metadata, no getObject)."""
    return {
        "question": obj.title or "",
        "keywords": [
            *obj.Subject(),
            *category_titles(getattr(obj, "categories", None)),
        ],
        "phrasings": list(getattr(obj, "alternative_phrasings", None) or ()),
        "answer": richtext_to_text(getattr(obj, "answer", None))[:MAX_ANSWER],
    }


@indexer(IExperienceDocument)
def experience_searchable_text(obj) -> str:
    """Dublin Core, body text, attached file text, tags and category titles."""
    return _join(
        obj.title,
        obj.description,
        richtext_to_text(getattr(obj, "text", None)),
        attachment_text(obj),
        list(obj.Subject()),
        getattr(obj, "municipality", None),
        getattr(obj, "source", None),
        category_titles(getattr(obj, "categories", None)),
    )


@indexer(IFAQEntry)
def faq_excerpt(obj) -> str:
    """Start of the answer, for listings and highlighting without getObject."""
    return excerpt(richtext_to_text(getattr(obj, "answer", None)))


@indexer(IExperienceDocument)
def experience_excerpt(obj) -> str:
    """Description, else the start of the body text or of the attached file."""
    text = obj.description or richtext_to_text(getattr(obj, "text", None))
    return excerpt(text or attachment_text(obj))


@indexer(IFAQEntry)
def faq_review_by(obj):
    """The review-by date as the start of that day."""
    value = getattr(obj, "review_by", None)
    if not value:
        raise AttributeError("review_by")
    return DateTime(value.year, value.month, value.day)
