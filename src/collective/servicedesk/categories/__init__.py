"""The category catalogue (municipal service catalogue) and the service ladder."""

from collective.servicedesk.categories.storage import get_category
from collective.servicedesk.categories.storage import list_categories

__all__ = ["get_category", "list_categories"]
