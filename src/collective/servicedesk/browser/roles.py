"""Our roles on the Sharing tab."""

from collective.servicedesk import _
from plone.app.workflow.interfaces import ISharingPageRole
from zope.interface import implementer

# Granted in rolemap.xml while the add-on is installed; the uninstall profile
# takes it away, so the roles vanish from the Sharing tab with the add-on.
DELEGATE = "collective.servicedesk: Delegate service desk roles"


@implementer(ISharingPageRole)
class AgentRole:
    title = _("title_role_agent", default="Service Desk Agent")
    required_permission = DELEGATE
    required_interface = None


@implementer(ISharingPageRole)
class CaseHandlerRole:
    title = _("title_role_case_handler", default="Case Handler")
    required_permission = DELEGATE
    required_interface = None


@implementer(ISharingPageRole)
class KnowledgeEditorRole:
    title = _("title_role_knowledge_editor", default="Knowledge Editor")
    required_permission = DELEGATE
    required_interface = None


@implementer(ISharingPageRole)
class LeadRole:
    title = _("title_role_lead", default="Service Desk Lead")
    required_permission = DELEGATE
    required_interface = None
