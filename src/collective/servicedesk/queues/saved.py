"""Saved views of the inquiry listing: a user's named filter sets.

Kept per user in an annotation of the service desk (a BTree keyed by user id,
so two people saving at once touch different buckets). Written only by an
explicit POST, never on a page view.
"""

from collective.servicedesk import _
from collective.servicedesk.annotations import object_storage
from collective.servicedesk.queues.queries import FILTERS
from persistent.list import PersistentList
from urllib.parse import urlencode

KEY = "collective.servicedesk.saved_views"
KEYS = (*FILTERS, "text", "overdue", "tally")
MAX_VIEWS = 20
MAX_NAME = 80
MAX_VALUE = 200


class SavedViewError(ValueError):
    """Input refused: the field and a translatable message."""

    def __init__(self, field: str, message) -> None:
        super().__init__(field)
        self.field = field
        self.message = message


def _storage(desk, create: bool = False):
    return object_storage(desk, KEY, create=create)


def clean_filters(form: dict) -> dict:
    """Only the listing's own filters, as short text."""
    result = {}
    for key in KEYS:
        value = form.get(key)
        if isinstance(value, bool):
            value = "1" if value else ""
        if isinstance(value, str) and value.strip():
            result[key] = value.strip()[:MAX_VALUE]
    return result


def views_of(desk, user_id: str) -> list[dict]:
    """The user's saved views with the listing URL of each."""
    storage = _storage(desk)
    items = list(storage.get(user_id, ())) if storage is not None else []
    base = f"{desk.absolute_url()}/@@inquiries"
    return [
        {
            "name": item["name"],
            "filters": dict(item["filters"]),
            "url": f"{base}?{urlencode(item['filters'])}" if item["filters"] else base,
        }
        for item in items
    ]


def save(desk, user_id: str, name, filters: dict) -> list[dict]:
    """Save (or replace) a named view; return the user's views."""
    if not isinstance(name, str) or not name.strip():
        raise SavedViewError(
            "name", _("saved_view_error_name", default="Give the view a name.")
        )
    name = name.strip()
    if len(name) > MAX_NAME:
        raise SavedViewError(
            "name",
            _(
                "saved_view_error_long",
                default="At most ${max} characters.",
                mapping={"max": MAX_NAME},
            ),
        )
    storage = _storage(desk, create=True)
    items = [item for item in storage.get(user_id, ()) if item["name"] != name]
    if len(items) >= MAX_VIEWS:
        raise SavedViewError(
            "name",
            _(
                "saved_view_error_many",
                default="You have ${max} saved views; delete one first.",
                mapping={"max": MAX_VIEWS},
            ),
        )
    items.append({"name": name, "filters": clean_filters(filters)})
    storage[user_id] = PersistentList(items)
    return views_of(desk, user_id)


def delete(desk, user_id: str, name) -> list[dict]:
    """Delete a named view (no error if it is gone already)."""
    storage = _storage(desk)
    if storage is not None and user_id in storage and isinstance(name, str):
        kept = [item for item in storage[user_id] if item["name"] != name]
        if len(kept) != len(storage[user_id]):
            storage[user_id] = PersistentList(kept)
    return views_of(desk, user_id)
