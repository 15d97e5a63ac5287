"""GenericSetup import step: install the default category catalogue."""

from collective.servicedesk import logger
from collective.servicedesk.categories.defaults import install_default_categories

MARKER = "collective.servicedesk-categories.txt"


def import_default_categories(context) -> None:
    """Add missing default categories when our default profile is applied."""
    if context.readDataFile(MARKER) is None:
        return
    added = install_default_categories()
    if added:
        logger.info("Added %s default categories.", len(added))
