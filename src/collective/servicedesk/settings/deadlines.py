"""Deadlines: service promise, opening hours, reminders, escalation, digest, tick."""

from collective.servicedesk import _
from zope import schema
from zope.interface import Interface

# Monday 08:00–15:30 is the usual municipal service desk day.
DEFAULT_OPENING_HOURS = [
    "mon 08:00-15:30",
    "tue 08:00-15:30",
    "wed 08:00-15:30",
    "thu 08:00-15:30",
    "fri 08:00-15:30",
]


class IDeadlineSettings(Interface):
    """When inquiries are due and who is reminded (fieldset "Deadlines")."""

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

    # The format is checked by the control panel (deadlines.hours parses it);
    # this layer does not import the deadlines.
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
