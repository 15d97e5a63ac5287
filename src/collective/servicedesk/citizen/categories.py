"""The categories a citizen can choose, with their public-friendly labels."""

from collective.servicedesk.categories import list_categories
from collective.servicedesk.categories.language import pick_title


def public_label(category: dict) -> str:
    """The label citizens see: the public title if the category has one."""
    return pick_title(category.get("public_title") or {}) or pick_title(
        category.get("title") or {}
    )


def public_categories() -> list[dict]:
    """Return ``[{"id", "title"}]`` of the categories offered to citizens."""
    return [
        {"id": category["id"], "title": public_label(category)}
        for category in list_categories()
        if category.get("public", True) is not False
    ]
