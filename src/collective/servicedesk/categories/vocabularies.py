"""The vocabularies collective.servicedesk.Categories and .ServiceLevels."""

from Acquisition import aq_base
from collective.servicedesk.categories.language import current_language
from collective.servicedesk.categories.language import pick_title
from collective.servicedesk.categories.levels import level_title
from collective.servicedesk.categories.levels import list_service_levels
from collective.servicedesk.categories.storage import list_categories
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


def _current_value(context, name: str) -> str | None:
    """The value an existing object already has (kept valid even when retired)."""
    value = getattr(aq_base(context), name, None) if context is not None else None
    return value if isinstance(value, str) and value else None


def _category_label(record: dict, by_id: dict, language: str) -> str:
    title = pick_title(record["title"], language) or record["id"]
    parent = by_id.get(record.get("parent"))
    if parent is not None:
        return f"{pick_title(parent['title'], language) or parent['id']} › {title}"
    return title


@provider(IVocabularyFactory)
def categories_vocabulary(context=None) -> SimpleVocabulary:
    """Active categories in the admin's order, titled in the request's language."""
    language = current_language()
    records = list_categories(include_retired=True)
    by_id = {record["id"]: record for record in records}
    current = _current_value(context, "category")
    terms = [
        SimpleTerm(
            value=record["id"],
            token=record["id"],
            title=_category_label(record, by_id, language),
        )
        for record in records
        if not record["retired"] or record["id"] == current
    ]
    if current and current not in by_id:
        # A category removed from storage entirely: still show the old value.
        terms.append(SimpleTerm(value=current, token=current, title=current))
    return SimpleVocabulary(terms)


@provider(IVocabularyFactory)
def service_levels_vocabulary(context=None) -> SimpleVocabulary:
    """The service ladder ("1".."6" plus the admin's additions), titled "3. Title"."""
    language = current_language()
    current = _current_value(context, "service_level")
    return SimpleVocabulary(
        [
            SimpleTerm(
                value=level["id"],
                token=level["id"],
                title=f"{level['id']}. {level_title(level, language)}",
            )
            for level in list_service_levels(include_retired=True)
            if not level["retired"] or level["id"] == current
        ]
    )
