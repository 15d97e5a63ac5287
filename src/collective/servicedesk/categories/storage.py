"""Persistent storage of the category catalogue (an OOBTree in portal annotations).

Records are plain dicts that are never changed in place: every write stores a
new dict, so two admins editing different categories do not conflict (BTree
buckets resolve concurrent changes to different keys). Only built-in and BTree
types are stored, so the data survives an uninstall of the add-on unharmed.
"""

from BTrees.OOBTree import OOBTree
from collective.servicedesk.annotations import portal_storage
from collective.servicedesk.categories.language import LANGUAGES
from collective.servicedesk.categories.language import pick_title
from collective.servicedesk.settings import settings
import re

ANNOTATION_KEY = "collective.servicedesk.categories"
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")
FIELDS = (
    "id",
    "title",
    "service_level",
    "promise_hours",
    "unit",
    "retired",
    "order",
    "los_uri",
    "parent",
)
DEFAULT_SERVICE_LEVEL = "2"


def _storage(create: bool = False) -> OOBTree | None:
    """Return the category tree; create it only when asked (never on a read)."""
    return portal_storage(ANNOTATION_KEY, create=create)


def _clean_title(title: dict | str) -> dict:
    """Return the given nb/nn/en texts stripped (languages not given stay out)."""
    if isinstance(title, str):
        title = {"nb": title}
    return {
        code: (title.get(code) or "").strip() for code in LANGUAGES if code in title
    }


def _export(record: dict) -> dict:
    """Return a copy callers may change freely."""
    result = {key: record.get(key) for key in FIELDS}
    result["title"] = dict(record.get("title") or {})
    return result


def get_category(category_id: str | None) -> dict | None:
    """Return the category with this id (retired ones too) or None."""
    tree = _storage()
    if not category_id or tree is None:
        return None
    record = tree.get(category_id)
    return _export(record) if record is not None else None


def list_categories(include_retired: bool = False) -> list[dict]:
    """Return the categories in the admin's order."""
    tree = _storage()
    if tree is None:
        return []
    records = [
        _export(record)
        for record in tree.values()
        if include_retired or not record.get("retired")
    ]
    return sorted(records, key=lambda record: (record["order"], record["id"]))


def _next_order(tree: OOBTree) -> int:
    return max((record["order"] for record in tree.values()), default=0) + 10


def _check_parent(tree: OOBTree, category_id: str, parent: str | None) -> None:
    """Refuse unknown parents and cycles."""
    seen = {category_id}
    while parent:
        if parent in seen:
            raise ValueError(f"Category {category_id!r} cannot be its own ancestor.")
        record = tree.get(parent)
        if record is None:
            raise ValueError(f"Unknown parent category {parent!r}.")
        seen.add(parent)
        parent = record.get("parent")


def add_category(
    category_id: str,
    title: dict | str,
    service_level: str = DEFAULT_SERVICE_LEVEL,
    promise_hours: int | None = None,
    unit: str | None = None,
    parent: str | None = None,
    los_uri: str | None = None,
    order: int | None = None,
    retired: bool = False,
) -> dict:
    """Add a category; raise ValueError on a bad or taken id."""
    if not isinstance(category_id, str) or not ID_PATTERN.match(category_id):
        raise ValueError(f"Invalid category id {category_id!r}.")
    tree = _storage(create=True)
    if category_id in tree:
        raise ValueError(f"Category {category_id!r} exists already.")
    titles = dict.fromkeys(LANGUAGES, "")
    titles.update(_clean_title(title))
    if not any(titles.values()):
        raise ValueError("A category needs a title.")
    _check_parent(tree, category_id, parent or None)
    record = {
        "id": category_id,
        "title": titles,
        "service_level": str(service_level or DEFAULT_SERVICE_LEVEL),
        "promise_hours": int(promise_hours) if promise_hours else None,
        "unit": unit or None,
        "retired": bool(retired),
        "order": _next_order(tree) if order is None else int(order),
        "los_uri": los_uri or None,
        "parent": parent or None,
    }
    tree[category_id] = record
    return _export(record)


def update_category(category_id: str, **changes) -> dict:
    """Change some fields of a category (the id stays); return the new record."""
    tree = _storage()
    record = tree.get(category_id) if tree is not None else None
    if record is None:
        raise KeyError(category_id)
    unknown = set(changes) - set(FIELDS) - {"id"}
    if unknown or changes.get("id", category_id) != category_id:
        raise ValueError(f"Cannot change {sorted(unknown) or ['id']}.")
    new = dict(record)
    if "title" in changes:
        titles = dict(record["title"])
        titles.update(_clean_title(changes["title"]))
        if not any(titles.values()):
            raise ValueError("A category needs a title.")
        new["title"] = titles
    if "parent" in changes:
        _check_parent(tree, category_id, changes["parent"] or None)
        new["parent"] = changes["parent"] or None
    if "promise_hours" in changes:
        hours = changes["promise_hours"]
        new["promise_hours"] = int(hours) if hours else None
    for key in ("unit", "los_uri"):
        if key in changes:
            new[key] = changes[key] or None
    if "service_level" in changes:
        new["service_level"] = str(changes["service_level"] or DEFAULT_SERVICE_LEVEL)
    if "retired" in changes:
        new["retired"] = bool(changes["retired"])
    if "order" in changes:
        new["order"] = int(changes["order"])
    if new != record:
        tree[category_id] = new
    return _export(new)


def retire_category(category_id: str, retired: bool = True) -> dict:
    """Retire (or restore) a category: old inquiries keep it, new ones cannot."""
    return update_category(category_id, retired=retired)


def move_category(category_id: str, delta: int) -> None:
    """Move a category up (delta < 0) or down by swapping with its neighbour."""
    records = list_categories(include_retired=True)
    ids = [record["id"] for record in records]
    index = ids.index(category_id)
    target = index + delta
    if delta == 0 or target < 0 or target >= len(ids):
        return
    tree = _storage()
    mine, other = records[index], records[target]
    if mine["order"] == other["order"]:
        # Equal order values (e.g. from an import): renumber once.
        for position, record in enumerate(records):
            tree[record["id"]] = {**tree[record["id"]], "order": (position + 1) * 10}
        return move_category(category_id, delta)
    tree[mine["id"]] = {**tree[mine["id"]], "order": other["order"]}
    tree[other["id"]] = {**tree[other["id"]], "order": mine["order"]}


def ancestors(category_id: str | None) -> list[str]:
    """Return the id itself followed by its parents, nearest first."""
    chain: list[str] = []
    tree = _storage()
    while category_id and tree is not None and category_id not in chain:
        record = tree.get(category_id)
        if record is None:
            break
        chain.append(category_id)
        category_id = record.get("parent")
    return chain


def category_title(category: dict | str | None, language: str | None = None) -> str:
    """Return the title of a category (record or id) in a language."""
    if isinstance(category, str):
        record = get_category(category)
        if record is None:
            return category
        category = record
    if not category:
        return ""
    return pick_title(category.get("title") or {}, language) or category["id"]


def service_promise_hours(category_id: str | None) -> int:
    """Return the category's promise in hours, else the control panel default."""
    record = get_category(category_id)
    if record and record.get("promise_hours"):
        return record["promise_hours"]
    return settings().desk.default_service_promise
