"""Site-wide grants of our roles survive an uninstall and a later reinstall.

Uninstalling removes the role definitions (a clean site), which also drops
every principal's site-wide grant of them. Before that happens the grants are
written down in a portal annotation (plain built-in types only, so they stay
readable without the add-on); installing again gives them back. Local grants
(Sharing) live on the content and are never touched.
"""

from collective.servicedesk import logger
from plone import api
from zope.annotation.interfaces import IAnnotations

ANNOTATION_KEY = "collective.servicedesk.setup.grants"
ROLES = (
    "Service Desk Agent",
    "Case Handler",
    "Knowledge Editor",
    "Service Desk Lead",
)


def _role_manager():
    return api.portal.get_tool("acl_users").portal_role_manager


def current(portal=None) -> dict[str, list[str]]:
    """{role: [principal ids]} of the site-wide grants of our roles."""
    manager = _role_manager()
    present = set(manager.listRoleIds())
    return {
        role: sorted(pid for pid, _title in manager.listAssignedPrincipals(role))
        for role in ROLES
        if role in present
    }


def record(portal) -> dict[str, list[str]]:
    """Write the current grants down (merged with an older record)."""
    annotations = IAnnotations(portal)
    saved = dict(annotations.get(ANNOTATION_KEY) or {})
    for role, principals in current(portal).items():
        saved[role] = sorted(set(saved.get(role, ())) | set(principals))
    annotations[ANNOTATION_KEY] = saved
    return saved


def recorded(portal) -> dict[str, list[str]]:
    """The grants an uninstall wrote down and no install has restored yet."""
    return dict(IAnnotations(portal).get(ANNOTATION_KEY) or {})


def restore(portal) -> int:
    """Give the recorded grants back; return how many were restored."""
    annotations = IAnnotations(portal)
    saved = annotations.get(ANNOTATION_KEY)
    if not saved:
        return 0
    manager = _role_manager()
    count = 0
    for role, principals in saved.items():
        if role not in manager.listRoleIds():
            manager.addRole(role)
        assigned = {pid for pid, _title in manager.listAssignedPrincipals(role)}
        for principal in principals:
            if principal not in assigned:
                manager.assignRoleToPrincipal(role, principal)
                count += 1
    del annotations[ANNOTATION_KEY]
    logger.info("Restored %s grants of service desk roles.", count)
    return count
