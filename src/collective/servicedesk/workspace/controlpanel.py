"""Control panel of the workspace panels (registry-backed)."""

from collective.servicedesk import _
from collective.servicedesk.settings import GROUPS
from collective.servicedesk.settings import IWorkspaceSettings
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm


class WorkspaceSettingsForm(RegistryEditForm):
    """Switch each panel on or off and choose where it appears."""

    schema = IWorkspaceSettings
    schema_prefix = GROUPS["workspace"][1]
    label = _("title_workspace_controlpanel", default="Service desk workspace")
    description = _(
        "description_workspace_controlpanel",
        default="Which staff panels appear on every intranet page, and where.",
    )


class WorkspaceSettingsPanel(ControlPanelFormWrapper):
    """The control panel page."""

    form = WorkspaceSettingsForm
