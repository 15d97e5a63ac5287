"""Free-text search over knowledge and inquiries, with Norwegian text handling."""

# Importing the lexicon registers its pipeline element before any profile is imported.
from collective.servicedesk.search import lexicon  # noqa: F401


def search(*args, **kwargs) -> dict:
    """Permission-aware faceted search (see ``search.api.search``)."""
    from collective.servicedesk.search.api import search as _search

    return _search(*args, **kwargs)


def suggest_faq(text: str, limit: int = 5) -> list[dict]:
    """Best FAQ matches for a half-typed question (see ``search.suggest``)."""
    from collective.servicedesk.search.suggest import suggest_faq as _suggest

    return _suggest(text, limit)
