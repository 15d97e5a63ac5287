"""The service ladder: six default levels, titles and extra levels set by the admin."""

from BTrees.OOBTree import OOBTree
from collective.servicedesk import _
from collective.servicedesk.annotations import portal_storage
from collective.servicedesk.categories.language import LANGUAGES
from collective.servicedesk.categories.language import current_language
from zope.i18n import translate

ANNOTATION_KEY = "collective.servicedesk.service_levels"

DEFAULT_LEVELS = (
    ("1", _("service_level_1", default="Reception")),
    ("2", _("service_level_2", default="General information")),
    ("3", _("service_level_3", default="Individual information")),
    ("4", _("service_level_4", default="Preparatory case work")),
    ("5", _("service_level_5", default="Rule-based case work")),
    ("6", _("service_level_6", default="Discretionary case work")),
)


def _storage(create: bool = False) -> OOBTree | None:
    return portal_storage(ANNOTATION_KEY, create=create)


def _sort_key(level_id: str) -> tuple:
    return (0, int(level_id), "") if level_id.isdigit() else (1, 0, level_id)


def list_service_levels(include_retired: bool = False) -> list[dict]:
    """Return the levels as dicts: id, default (message or None), titles, retired."""
    tree = _storage()
    stored = dict(tree.items()) if tree is not None else {}
    defaults = dict(DEFAULT_LEVELS)
    levels = []
    for level_id in sorted(set(defaults) | set(stored), key=_sort_key):
        record = stored.get(level_id, {})
        level = {
            "id": level_id,
            "default": defaults.get(level_id),
            "titles": dict(record.get("titles") or {}),
            "retired": bool(record.get("retired")),
        }
        if include_retired or not level["retired"]:
            levels.append(level)
    return levels


def get_service_level(level_id: str | None) -> dict | None:
    """Return one level (retired too) or None."""
    for level in list_service_levels(include_retired=True):
        if level["id"] == level_id:
            return level
    return None


def set_service_level(
    level_id: str, titles: dict | None = None, retired: bool = False
) -> None:
    """Add a level or change its titles (empty = default title) and retired flag."""
    level_id = (level_id or "").strip()
    if not level_id or len(level_id) > 20 or not level_id.replace("-", "").isalnum():
        raise ValueError(f"Invalid service level id {level_id!r}.")
    clean = {code: ((titles or {}).get(code) or "").strip() for code in LANGUAGES}
    if level_id not in dict(DEFAULT_LEVELS) and not any(clean.values()):
        raise ValueError("A new service level needs a title.")
    record = {"titles": clean, "retired": bool(retired)}
    tree = _storage(create=True)
    if tree.get(level_id) != record:
        tree[level_id] = record


def level_title(level: dict, language: str | None = None) -> str:
    """Return the level's title in a language: the admin's text, else the default."""
    language = language or current_language()
    if level["titles"].get(language):
        return level["titles"][language]
    if level["default"] is not None:
        return translate(level["default"], target_language=language)
    for code in ("nb", "en", "nn"):
        if level["titles"].get(code):
            return level["titles"][code]
    return level["id"]
