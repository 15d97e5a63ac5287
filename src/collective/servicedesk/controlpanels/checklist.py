"""The "get started" checklist: each step read from the site's real state.

Nothing here writes: the page that shows the steps (``get_started``) carries
out the few actions an admin may take from it, on POST.
"""

from collective.servicedesk import _
from collective.servicedesk.categories.los import LOS_DEFAULT_URL
from collective.servicedesk.categories.storage import category_title
from collective.servicedesk.categories.storage import list_categories
from collective.servicedesk.principals import group_title
from collective.servicedesk.principals import principal_title  # noqa: F401
from collective.servicedesk.routing.competence import all_competence
from collective.servicedesk.setuphandlers.grants import ROLES
from collective.servicedesk.setuphandlers.install import find_containers
from plone import api
from zope.annotation.interfaces import IAnnotations
from zope.component import queryMultiAdapter

MAIL_TEST_KEY = "collective.servicedesk.setup.mail_test"
# Plone's own groups: never a unit of the service desk.
BUILTIN_GROUPS = (
    "AuthenticatedUsers",
    "Administrators",
    "Site Administrators",
    "Reviewers",
)
ROLE_LABELS = {
    "Service Desk Agent": _("role_front_desk", default="Front desk"),
    "Case Handler": _("role_case_handler", default="Case handlers"),
    "Knowledge Editor": _("role_knowledge_editor", default="Knowledge editors"),
    "Service Desk Lead": _("role_lead", default="Service desk leads"),
}
# Without these two nobody can register or answer; editors and leads may come later.
REQUIRED_ROLES = ("Service Desk Agent", "Case Handler")


def unit_groups() -> list[dict]:
    """The site's groups that can be units: [{id, title}]."""
    acl = api.portal.get_tool("acl_users")
    groups = []
    for info in acl.searchGroups():
        if info["id"] in BUILTIN_GROUPS:
            continue
        groups.append({"id": info["id"], "title": group_title(info["id"])})
    return groups


def role_holders() -> dict[str, list[dict]]:
    """{role: [{id, title}]} of the site-wide grants of our roles."""
    manager = api.portal.get_tool("acl_users").portal_role_manager
    holders = {}
    for role in ROLES:
        # Not listRoleIds(): PlonePAS writes missing roles into its list there,
        # and this is read on GET.
        principals = manager.listAssignedPrincipals(role)
        holders[role] = [
            {"id": pid, "title": principal_title(pid)} for pid, _title in principals
        ]
    return holders


def routing_state() -> dict:
    """How many active categories reach someone: by a unit or by competence."""
    categories = list_categories()
    competence = all_competence()
    routed = [c for c in categories if c["unit"] or competence.get(c["id"])]
    missing = [c for c in categories if c not in routed]
    return {
        "total": len(categories),
        "routed": len(routed),
        "missing": [{"id": c["id"], "title": category_title(c)} for c in missing[:10]],
        "more_missing": max(0, len(missing) - 10),
    }


def mail_state(portal) -> dict:
    """Plone's mail settings and the outcome of the last test message."""
    host = api.portal.get_registry_record("plone.smtp_host", default="") or ""
    sender = api.portal.get_registry_record("plone.email_from_address", default="")
    test = IAnnotations(portal).get(MAIL_TEST_KEY) or {}
    return {
        "host": host,
        "port": api.portal.get_registry_record("plone.smtp_port", default=25),
        "sender": sender or "",
        "configured": bool(host and sender),
        "test": dict(test),
    }


def _view_exists(portal, request, name: str) -> bool:
    return queryMultiAdapter((portal, request), name=name) is not None


def steps(portal, request) -> list[dict]:
    """The checklist: [{id, title, done, ...}] in the order an admin works."""
    url = portal.absolute_url()
    desks = find_containers("ServiceDesk")
    knowledge = find_containers("KnowledgeBase")
    groups = unit_groups()
    holders = role_holders()
    routing = routing_state()
    mail = mail_state(portal)
    directory = _view_exists(portal, request, "servicedesk-directory")
    groups_url = (
        f"{url}/@@servicedesk-directory"
        if directory
        else f"{url}/@@usergroup-groupprefs"
    )
    return [
        {
            "id": "desk",
            "title": _("step_desk", default="Service desk and knowledge base"),
            "done": bool(desks and knowledge),
            "desks": [{"title": d.Title(), "url": d.absolute_url()} for d in desks],
            "knowledge": [
                {"title": k.Title(), "url": k.absolute_url()} for k in knowledge
            ],
        },
        {
            "id": "units",
            "title": _("step_units", default="Units from your groups"),
            "done": bool(groups),
            "count": len(groups),
            "links": [
                {
                    "title": _("link_directory", default="Directory groups")
                    if directory
                    else _("link_groups", default="Users and groups"),
                    "url": groups_url,
                }
            ],
        },
        {
            "id": "roles",
            "title": _("step_roles", default="Who does what"),
            "done": all(holders[role] for role in REQUIRED_ROLES),
            "roles": [
                {
                    "id": role,
                    "label": ROLE_LABELS[role],
                    "holders": holders[role],
                    "required": role in REQUIRED_ROLES,
                }
                for role in ROLES
            ],
            "links": [
                {
                    "title": _("link_groups", default="Users and groups"),
                    "url": groups_url,
                }
            ],
        },
        {
            "id": "categories",
            "title": _("step_categories", default="Categories"),
            "done": routing["total"] > 0,
            "count": routing["total"],
            "los_url": LOS_DEFAULT_URL,
            "links": [
                {
                    "title": _("link_categories", default="Service catalogue"),
                    "url": f"{url}/@@servicedesk-categories",
                },
                {
                    "title": _("link_los_import", default="Import from LOS"),
                    "url": f"{url}/@@servicedesk-los-import",
                },
            ],
        },
        {
            "id": "routing",
            "title": _("step_routing", default="A unit for each category"),
            "done": routing["total"] > 0 and routing["routed"] == routing["total"],
            "live": routing["routed"] > 0,
            **routing,
            "links": [
                {
                    "title": _("link_categories", default="Service catalogue"),
                    "url": f"{url}/@@servicedesk-categories",
                },
                {
                    "title": _("link_competence", default="Competence"),
                    "url": f"{url}/@@servicedesk-competence",
                },
            ],
        },
        {
            "id": "mail",
            "title": _("step_mail", default="Mail server"),
            "done": mail["configured"] and bool(mail["test"].get("ok")),
            **mail,
            "links": [
                {
                    "title": _("link_mail_settings", default="Plone's mail settings"),
                    "url": f"{url}/@@mail-controlpanel",
                }
            ],
        },
    ]


def open_steps(portal, request) -> list[dict]:
    """The steps not done yet."""
    return [step for step in steps(portal, request) if not step["done"]]
