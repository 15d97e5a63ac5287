"""The "Service desk" control panel: the desk's settings in fieldsets."""

from collective.servicedesk import _
from collective.servicedesk.deadlines.hours import valid_opening_hours
from collective.servicedesk.settings import IChatSettings
from collective.servicedesk.settings import IMailIntakeSettings
from collective.servicedesk.settings import IServiceDeskSettings
from collective.servicedesk.settings import IWorkspaceSettings
from collective.servicedesk.settings import settings
from collective.servicedesk.settings.schema import MAIL_FIELDSET_LABEL
from collective.servicedesk.settings.schema import WORKSPACE_FIELDSET_LABEL
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.restapi.controlpanels import RegistryConfigletPanel
from plone.supermodel import model
from zope import schema
from zope.component import adapter
from zope.interface import Interface

_HOURS = IServiceDeskSettings["opening_hours"]


class IServiceDeskControlPanel(IServiceDeskSettings):
    """The desk's settings as edited here: opening hours checked by their parser.

    The settings layer sits below the deadlines, so the parser's constraint is
    added here, where both the form and ``@controlpanels`` validate with it.
    """

    opening_hours = schema.List(
        title=_HOURS.title,
        description=_HOURS.description,
        value_type=schema.TextLine(),
        required=False,
        default=list(_HOURS.default),
        constraint=valid_opening_hours,
    )


class IIntakeLimitsFieldset(IMailIntakeSettings, model.Schema):
    """The mail intake limits (own prefix) in the Intake tab."""

    model.fieldset(
        "intake",
        label=_("fieldset_intake", default="Intake"),
        fields=list(IMailIntakeSettings.names()),
    )


class IChatFieldset(IChatSettings, model.Schema):
    """Chat with citizens (own prefix) in the Citizen channels tab."""

    model.fieldset(
        "citizen",
        label=_("fieldset_citizen", default="Citizen channels"),
        fields=list(IChatSettings.names()),
    )


class IWorkspaceFieldset(IWorkspaceSettings, model.Schema):
    """The workspace panels (own prefix and page too) in the Workspace tab."""

    model.fieldset(
        "workspace",
        label=WORKSPACE_FIELDSET_LABEL,
        fields=list(IWorkspaceSettings.names()),
    )


class ServiceDeskSettingsEditForm(RegistryEditForm):
    """Edit form of the settings: one tab per fieldset, several registry prefixes."""

    schema = IServiceDeskControlPanel
    schema_prefix = "collective.servicedesk"
    additionalSchemata = (IIntakeLimitsFieldset, IChatFieldset, IWorkspaceFieldset)
    default_fieldset_label = MAIL_FIELDSET_LABEL
    label = _("title_controlpanel", default="Service desk")
    description = _(
        "description_controlpanel",
        default="Settings of the service desk: sender, service promise, "
        "retention and the fields required to register an inquiry.",
    )

    def getContent(self):
        # Each field's schema adapts this to the records of its own prefix.
        return settings()


class ServiceDeskSettings(ControlPanelFormWrapper):
    """The control panel page."""

    form = ServiceDeskSettingsEditForm


@adapter(Interface, Interface)
class ServiceDeskSettingsConfigletPanel(RegistryConfigletPanel):
    """Expose the settings through plone.restapi's @controlpanels."""

    schema = IServiceDeskControlPanel
    schema_prefix = "collective.servicedesk"
    configlet_id = "servicedesk"
    configlet_category_id = "Products"
    title = _("title_controlpanel", default="Service desk")
    group = "Products"
