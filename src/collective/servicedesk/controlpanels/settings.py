"""The "Service desk" control panel: registry-backed settings."""

from collective.servicedesk import _
from collective.servicedesk.deadlines.hours import DEFAULT_OPENING_HOURS
from collective.servicedesk.deadlines.hours import valid_opening_hours
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

    # Follow-up (deadlines, reminders, escalation, digest, tick).
    opening_hours = schema.List(
        title=_("label_opening_hours", default="Opening hours"),
        description=_(
            "help_opening_hours",
            default='One line per open weekday, for example "mon 08:00-15:30". '
            "Days not listed are closed. Deadlines count only these hours and "
            "skip Norwegian public holidays.",
        ),
        value_type=schema.TextLine(),
        required=False,
        default=list(DEFAULT_OPENING_HOURS),
        constraint=valid_opening_hours,
    )

    reminder_lead_hours = schema.Int(
        title=_("label_reminder_lead_hours", default="Reminder lead time"),
        description=_(
            "help_reminder_lead_hours",
            default="Business hours before the deadline when the person responsible "
            "is reminded and the inquiry shows as due soon.",
        ),
        required=True,
        default=4,
        min=0,
        max=24 * 30,
    )

    digest_hour = schema.Int(
        title=_("label_digest_hour", default="Hour of the daily digest"),
        description=_(
            "help_digest_hour",
            default="Local hour (0-23) from which each person's daily digest of "
            "open and due inquiries is sent.",
        ),
        required=True,
        default=7,
        min=0,
        max=23,
    )

    reminders_enabled = schema.Bool(
        title=_("label_reminders_enabled", default="Send reminders"),
        required=False,
        default=True,
    )

    escalation_enabled = schema.Bool(
        title=_("label_escalation_enabled", default="Escalate overdue inquiries"),
        description=_(
            "help_escalation_enabled",
            default="Notify the leads of the responsible unit when a deadline passes.",
        ),
        required=False,
        default=True,
    )

    digest_enabled = schema.Bool(
        title=_("label_digest_enabled", default="Send a daily digest"),
        required=False,
        default=True,
    )

    tick_interval_minutes = schema.Int(
        title=_("label_tick_interval_minutes", default="Tick interval"),
        description=_(
            "help_tick_interval_minutes",
            default="Minutes between two runs of the periodic tick started beside "
            "the server (reminders, escalation, digest, e-mail retries).",
        ),
        required=True,
        default=5,
        min=1,
        max=24 * 60,
    )

    # Replies to the citizen and privacy (letterhead, SMS gateway, retention).
    letterhead_name = schema.TextLine(
        title=_("label_letterhead_name", default="Municipality name"),
        description=_(
            "help_letterhead_name",
            default="Printed at the top of letters to citizens.",
        ),
        required=False,
        default="Demo kommune",
    )

    letterhead_address = schema.Text(
        title=_("label_letterhead_address", default="Letterhead address"),
        description=_(
            "help_letterhead_address",
            default="Postal address, phone and web address printed under the "
            "name on letters; one line each.",
        ),
        required=False,
        default="",
    )

    letterhead_logo_text = schema.TextLine(
        title=_("label_letterhead_logo_text", default="Logo text"),
        description=_(
            "help_letterhead_logo_text",
            default="Short text printed as the logo of the letterhead, for "
            "example the municipality's name in capitals.",
        ),
        required=False,
        default="",
    )

    sms_gateway = schema.Choice(
        title=_("label_sms_gateway", default="SMS gateway"),
        description=_(
            "help_sms_gateway",
            default='How SMS replies are sent. "Log only" writes them to the '
            "event log instead of sending them: for development and tests.",
        ),
        vocabulary="collective.servicedesk.SMSGateways",
        required=True,
        default="log",
    )

    sms_gateway_url = schema.URI(
        title=_("label_sms_gateway_url", default="SMS gateway URL"),
        description=_(
            "help_sms_gateway_url",
            default="Address the HTTP gateway posts each message to, as JSON.",
        ),
        required=False,
    )

    sms_gateway_token = schema.TextLine(
        title=_("label_sms_gateway_token", default="SMS gateway token"),
        description=_(
            "help_sms_gateway_token",
            default="Sent to the HTTP gateway as a bearer token.",
        ),
        required=False,
        default="",
    )

    sms_sender_id = schema.TextLine(
        title=_("label_sms_sender_id", default="SMS sender"),
        description=_(
            "help_sms_sender_id",
            default="Name or number shown as the sender on the citizen's phone "
            "(at most 11 letters, or a phone number).",
        ),
        required=False,
        default="",
        max_length=15,
    )

    retention_enabled = schema.Bool(
        title=_("label_retention_enabled", default="Anonymise automatically"),
        description=_(
            "help_retention_enabled",
            default="Let the tick remove personal data after the retention period. "
            "Check the retention report (dry run) before turning this on.",
        ),
        required=False,
        default=False,
    )

    # Citizen channels: web form, tracking, e-mail and SMS intake.
    citizen_show_handler = schema.Bool(
        title=_("label_citizen_show_handler", default="Show handler names to citizens"),
        description=_(
            "help_citizen_show_handler",
            default="On the tracking page, show the name of the person handling "
            "the inquiry. Off: citizens see only the unit.",
        ),
        required=False,
        default=False,
    )

    followup_code_days = schema.Int(
        title=_("label_followup_code_days", default="Follow-up codes expire after"),
        description=_(
            "help_followup_code_days",
            default="Days a citizen's follow-up code stays valid. 0: until revoked.",
        ),
        required=True,
        default=365,
        min=0,
        max=3650,
    )

    citizen_min_seconds = schema.Int(
        title=_(
            "label_citizen_min_seconds", default="Minimum time to fill in the form"
        ),
        description=_(
            "help_citizen_min_seconds",
            default="Seconds; forms sent faster than this are treated as spam.",
        ),
        required=True,
        default=3,
        min=0,
        max=600,
    )

    citizen_rate_limit = schema.Int(
        title=_("label_citizen_rate_limit", default="Web form submissions per hour"),
        description=_(
            "help_citizen_rate_limit",
            default="How many inquiries one client (IP address) may send per hour "
            "through the public form.",
        ),
        required=True,
        default=10,
        min=1,
        max=10000,
    )

    imap_host = schema.TextLine(
        title=_("label_imap_host", default="Mailbox server (IMAP)"),
        description=_(
            "help_imap_host",
            default="IMAP server of the service desk mailbox, polled by the "
            "mail intake command. The password is read from the environment "
            "variable SERVICEDESK_IMAP_PASSWORD, never stored here.",
        ),
        required=False,
        default="",
    )

    imap_port = schema.Int(
        title=_("label_imap_port", default="Mailbox port"),
        required=True,
        default=993,
        min=1,
        max=65535,
    )

    imap_user = schema.TextLine(
        title=_("label_imap_user", default="Mailbox user"),
        required=False,
        default="",
    )

    imap_folder = schema.TextLine(
        title=_("label_imap_folder", default="Mailbox folder"),
        required=False,
        default="INBOX",
    )

    sms_inbound_secret = schema.TextLine(
        title=_(
            "label_sms_inbound_secret", default="Secret of the inbound SMS webhook"
        ),
        description=_(
            "help_sms_inbound_secret",
            default="Shared with the SMS gateway, which sends it in the "
            "X-Servicedesk-Secret header. Empty: the webhook is off.",
        ),
        required=False,
        default="",
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
