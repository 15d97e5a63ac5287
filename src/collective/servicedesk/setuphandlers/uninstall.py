"""Uninstall that respects records.

Inquiries are records under the archive law. Uninstalling never leaves broken
objects behind: while the site holds inquiries or knowledge, the uninstall
refuses unless the admin chose, on the "Uninstall" page, one of

- ``keep``: the content stays, readable with Plone's own views (the types and
  workflows stay; everything else of the add-on goes), and a reinstall brings
  the desk back as it was;
- ``remove``: after a complete export (downloaded from the same page, newer
  than the last change) the service desk and the knowledge base are deleted.

A site without such content is cleaned up completely, empty containers
included. Grants of our roles are written down first (see ``grants``).
"""

from collective.servicedesk import _
from collective.servicedesk import logger
from collective.servicedesk.setuphandlers import grants
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC
from datetime import datetime
from plone import api
from Products.CMFPlone.utils import get_installer
from Products.statusmessages.interfaces import IStatusMessage
from zope.annotation.interfaces import IAnnotations
from zope.globalrequest import getRequest
from zope.i18n import translate

KEEP = "keep"
REMOVE = "remove"
MODES = (KEEP, REMOVE)
PRODUCT = "collective.servicedesk"
CONTAINER_TYPES = ("ServiceDesk", "KnowledgeBase")
CONTENT_TYPES = ("Inquiry", "FAQEntry", "ExperienceDocument")
TYPES = (*CONTAINER_TYPES, *CONTENT_TYPES)
EXPORT_KEY = "collective.servicedesk.setup.export"
HISTORY_KEY = "collective.servicedesk.setup.uninstalled"
TYPES_PROFILE = "profile-collective.servicedesk:uninstall-types"
# Views of Plone itself that show kept content without the add-on's layer.
READABLE_VIEWS = {
    "ServiceDesk": "listing_view",
    "KnowledgeBase": "listing_view",
    "Inquiry": "view",
    "FAQEntry": "view",
    "ExperienceDocument": "view",
}

_mode: ContextVar[str | None] = ContextVar("servicedesk_uninstall_mode", default=None)


class UninstallRefused(Exception):
    """The site holds records and the admin has not chosen what happens to them."""


@contextmanager
def chosen(mode: str):
    """Run an uninstall with the admin's documented choice for the content."""
    if mode not in MODES:
        raise ValueError(f"Unknown uninstall mode {mode!r}.")
    token = _mode.set(mode)
    try:
        yield
    finally:
        _mode.reset(token)


def run(portal, mode: str | None = None) -> bool:
    """Uninstall the add-on (with a choice for the content, if any)."""
    installer = get_installer(portal, getRequest())
    if mode is None:
        return installer.uninstall_product(PRODUCT)
    with chosen(mode):
        return installer.uninstall_product(PRODUCT)


def content_counts() -> dict[str, int]:
    """Inquiries and knowledge items in the site (whatever the caller may see)."""
    catalog = api.portal.get_tool("portal_catalog")

    def count(types) -> int:
        return len(catalog.unrestrictedSearchResults(portal_type=list(types)))

    return {
        "inquiries": count(["Inquiry"]),
        "knowledge": count(["FAQEntry", "ExperienceDocument"]),
    }


def _contents_of_containers() -> int:
    """Items of any type inside our containers (an admin may have added folders)."""
    catalog = api.portal.get_tool("portal_catalog")
    total = 0
    for brain in catalog.unrestrictedSearchResults(portal_type=list(CONTAINER_TYPES)):
        inside = catalog.unrestrictedSearchResults(path=brain.getPath())
        total += len([b for b in inside if b.getPath() != brain.getPath()])
    return total


def _latest_change():
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type=list(TYPES), sort_on="modified", sort_order="descending"
    )
    for brain in brains[:1]:
        return brain.modified.asdatetime()
    return None


def note_export(portal, counts: dict[str, int]) -> None:
    """Remember that a complete export was handed out (for ``remove``)."""
    IAnnotations(portal)[EXPORT_KEY] = {
        "when": datetime.now(UTC).isoformat(),
        "by": api.user.get_current().getId(),
        **counts,
    }


def export_is_current(portal) -> bool:
    """A complete export was downloaded after the last change of the content."""
    export = IAnnotations(portal).get(EXPORT_KEY)
    if not export:
        return False
    counts = content_counts()
    if any(export.get(key) != value for key, value in counts.items()):
        return False
    latest = _latest_change()
    return latest is None or latest <= datetime.fromisoformat(export["when"])


def refusal(counts: dict[str, int]):
    """The message an admin reads when the uninstall refuses."""
    return _(
        "msg_uninstall_refused",
        default="Service desk was not uninstalled: the site holds ${inquiries} "
        "inquiries and ${knowledge} knowledge items, which are records. Open "
        "Site Setup → Service desk → Uninstall to export them and choose whether "
        "they stay readable or are removed.",
        mapping=counts,
    )


def _refuse(message) -> None:
    request = getRequest()
    if request is not None:
        IStatusMessage(request).addStatusMessage(message, type="error")
    raise UninstallRefused(translate(message, context=request))


def _delete_containers() -> None:
    """Delete our containers (and everything in them)."""
    for portal_type in CONTAINER_TYPES:
        catalog = api.portal.get_tool("portal_catalog")
        for brain in catalog.unrestrictedSearchResults(portal_type=portal_type):
            obj = brain._unrestrictedGetObject()
            parent = obj.__parent__
            # Unrestricted: the admin chose this; no link-integrity prompt.
            parent._delObject(obj.getId())
            logger.info("Removed %s on uninstall.", brain.getPath())


def pre_uninstall(context) -> None:
    """Before the uninstall steps: refuse, or carry out the admin's choice."""
    portal = api.portal.get()
    mode = _mode.get()
    counts = content_counts()
    holds_content = any(counts.values()) or _contents_of_containers()
    if holds_content and mode not in MODES:
        _refuse(refusal(counts))
    if holds_content and mode == REMOVE and not export_is_current(portal):
        _refuse(
            _(
                "msg_uninstall_export_first",
                default="Service desk was not uninstalled: download the export "
                "of all inquiries and knowledge first (it must be newer than "
                "the last change).",
            )
        )
    grants.record(portal)
    if not holds_content or mode == REMOVE:
        _delete_containers()


def _make_readable() -> None:
    """Keep our types so kept content shows in Plone's own views."""
    types = api.portal.get_tool("portal_types")
    for portal_type, view in READABLE_VIEWS.items():
        fti = types.get(portal_type)
        if fti is None:
            continue
        fti.manage_changeProperties(
            default_view=view, view_methods=(view,), global_allow=False
        )


def _remove_types() -> None:
    setup = api.portal.get_tool("portal_setup")
    for step in ("typeinfo", "workflow"):
        setup.runImportStepFromProfile(TYPES_PROFILE, step, run_dependencies=False)


def _remove_roles(portal) -> None:
    present = [role for role in grants.ROLES if role in portal.validRoles()]
    if present:
        portal._delRoles(present)
    manager = api.portal.get_tool("acl_users").portal_role_manager
    for role in grants.ROLES:
        if role in manager.listRoleIds():
            manager.removeRole(role)


def post_uninstall(context) -> None:
    """After the uninstall steps: types, workflows and roles."""
    portal = api.portal.get()
    counts = content_counts()
    mode = _mode.get()
    catalog = api.portal.get_tool("portal_catalog")
    if catalog.unrestrictedSearchResults(portal_type=list(TYPES)):
        _make_readable()
    else:
        _remove_types()
    _remove_roles(portal)
    annotations = IAnnotations(portal)
    annotations.pop(EXPORT_KEY, None)
    annotations[HISTORY_KEY] = {
        "when": datetime.now(UTC).isoformat(),
        "by": api.user.get_current().getId(),
        "mode": mode or "",
        **counts,
    }
    logger.info("Uninstalled (%s): %s", mode or "nothing to keep", counts)
