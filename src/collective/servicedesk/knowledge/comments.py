"""Comments on experience documents are as private as the document itself."""

from AccessControl.Permission import Permission
from Acquisition import aq_parent
from collective.servicedesk.knowledge.interfaces import IExperienceDocument

# plone.app.discussion's comment workflow gives "Access contents information" to
# Anonymous, and Plone 6.2 builds the catalog's read filter from that permission:
# comments on staff-only documents would be found by anyone. Acquiring it from the
# document keeps them exactly as visible as the document they belong to.
PERMISSION = "Access contents information"


def acquire_visibility(comment, event) -> None:
    """Let a comment on an experience document take its visibility from the document."""
    content = aq_parent(aq_parent(comment))
    if not IExperienceDocument.providedBy(content):
        return
    # A list (not a tuple) of no roles means "acquire" (comments are no ObjectManager,
    # so manage_permission does not know the permission).
    Permission(PERMISSION, (), comment).setRoles([])
    comment.reindexObject(idxs=["allowedRolesAndUsers"])
