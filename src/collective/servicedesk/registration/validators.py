"""Checks of registration input shared by the quick form and the REST API."""

from collective.servicedesk import _
from datetime import UTC
from datetime import datetime
from zope.component import queryUtility
from zope.i18nmessageid import Message
from zope.schema import ValidationError
from zope.schema.interfaces import IVocabularyFactory


class DueDateInPast(ValidationError):
    __doc__ = _(
        "error_due_date_past",
        default="The due date is in the past. Choose a date and time from now on.",
    )


def aware(value: datetime) -> datetime:
    """Return `value` timezone-aware (a naive value is taken as UTC)."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def check_due_date(
    value: datetime | None,
    previous: datetime | None = None,
    now: datetime | None = None,
) -> None:
    """Raise DueDateInPast for a new due date before now (an unchanged one passes)."""
    if value is None:
        return
    if previous is not None and aware(previous) == aware(value):
        return
    if aware(value) < (now or datetime.now(UTC)):
        raise DueDateInPast(value)


def unknown_category_message(token: str) -> Message:
    """The error shown for a category that is not (or no longer) in the catalogue."""
    return _(
        "error_unknown_category",
        default='Unknown category "${category}". Choose one from the list.',
        mapping={"category": token},
    )


def is_known_category(token: str, context=None) -> bool:
    """True if `token` is an active category of the catalogue."""
    factory = queryUtility(IVocabularyFactory, name="collective.servicedesk.Categories")
    if factory is None:
        return False
    return token in factory(context)
