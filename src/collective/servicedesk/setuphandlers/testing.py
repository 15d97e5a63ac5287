"""The testing profile: test sites start without the containers install creates.

Tests create their own service desk (often with the same id); the install's
own desk and knowledge base are tested on a plain site of their own.
"""

from collective.servicedesk.setuphandlers.install import find_containers


def post_install(context) -> None:
    """Remove the empty service desk and knowledge base made by the install."""
    for portal_type in ("ServiceDesk", "KnowledgeBase"):
        for obj in find_containers(portal_type):
            if not obj.objectIds():
                obj.__parent__._delObject(obj.getId())
