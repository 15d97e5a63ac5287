"""The "Service desk" control panel: registry-backed settings."""

from collective.servicedesk import _
from collective.servicedesk.validation import is_email
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.restapi.controlpanels import RegistryConfigletPanel
from zope import schema
from zope.component import adapter
from zope.interface import Interface


class IServiceDeskSettings(Interface):
    """Site-wide settings of the service desk."""

    sender_name = schema.TextLine(
        title=_("label_sender_name", default="Sender name"),
        description=_(
            "help_sender_name",
            default="Name shown as the sender of e-mails from the service desk.",
        ),
        required=False,
        default="Servicetorget",
    )

    sender_address = schema.ASCIILine(
        title=_("label_sender_address", default="Sender e-mail address"),
        description=_(
            "help_sender_address",
            default="Address used as sender and reply-to of service desk e-mails. "
            "Leave empty to use the site's e-mail address.",
        ),
        required=False,
        default="",
        constraint=is_email,
    )

    default_service_promise = schema.Int(
        title=_("label_default_service_promise", default="Default service promise"),
        description=_(
            "help_default_service_promise",
            default="Hours until an inquiry must be answered when its category "
            "has no promise of its own.",
        ),
        required=True,
        default=48,
        min=1,
        max=24 * 365,
    )

    retention_days = schema.Int(
        title=_("label_retention_days", default="Retention period"),
        description=_(
            "help_retention_days",
            default="Days after closing before personal data in an inquiry that is "
            "not archive-worthy is removed.",
        ),
        required=True,
        default=365,
        min=1,
        max=3650,
    )

    required_fields = schema.List(
        title=_("label_required_fields", default="Required inquiry fields"),
        description=_(
            "help_required_fields",
            default="Fields an agent must fill in to register an inquiry. Keep the "
            "list short: every required field costs time at the front desk.",
        ),
        value_type=schema.Choice(
            vocabulary="collective.servicedesk.InquiryFields",
        ),
        required=False,
        unique=True,
        default=["channel", "title"],
    )


class ServiceDeskSettingsEditForm(RegistryEditForm):
    """Edit form of the settings."""

    schema = IServiceDeskSettings
    schema_prefix = "collective.servicedesk"
    label = _("title_controlpanel", default="Service desk")
    description = _(
        "description_controlpanel",
        default="Settings of the service desk: sender, service promise, "
        "retention and the fields required to register an inquiry.",
    )


class ServiceDeskSettings(ControlPanelFormWrapper):
    """The control panel page."""

    form = ServiceDeskSettingsEditForm


@adapter(Interface, Interface)
class ServiceDeskSettingsConfigletPanel(RegistryConfigletPanel):
    """Expose the settings through plone.restapi's @controlpanels."""

    schema = IServiceDeskSettings
    schema_prefix = "collective.servicedesk"
    configlet_id = "servicedesk"
    configlet_category_id = "Products"
    title = _("title_controlpanel", default="Service desk")
    group = "Products"
