"""Citizen channels: the public web form, follow-up codes and tracking."""

from collective.servicedesk import _
from zope import schema
from zope.interface import Interface


class ICitizenSettings(Interface):
    """What citizens see and may send (fieldset "Citizen channels")."""

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
