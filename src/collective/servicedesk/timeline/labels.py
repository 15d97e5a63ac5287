"""Kinds, icons and labels of timeline entries."""

from collective.servicedesk import _
from collective.servicedesk.history.viewlet import ACTION_LABELS

# History action -> kind of entry (anything with a state change is "state").
ACTION_KINDS = {
    "created": "created",
    "reassigned": "routing",
    "taken": "routing",
    "forward": "forward",
    "edited": "edit",
    "due_date_changed": "deadline",
    "waiting_for_citizen": "waiting",
    "clock_resumed": "deadline",
    "reminded": "reminder",
    "citizen_information": "citizen",
}

# Bootstrap icon names (Plone's icon resolver) per kind.
ICONS = {
    "created": "plus-circle",
    "routing": "signpost-split",
    "forward": "forward",
    "state": "arrow-repeat",
    "edit": "pencil",
    "deadline": "clock",
    "waiting": "hourglass-split",
    "reminder": "bell",
    "citizen": "person",
    "note": "sticky",
    "reply_email": "envelope",
    "reply_sms": "phone",
    "reply_letter": "file-earmark-text",
    "other": "dot",
}

CHANNEL_LABELS = {
    "email": _("reply_channel_email", default="E-mail"),
    "letter": _("reply_channel_letter", default="Letter (PDF)"),
    "sms": _("reply_channel_sms", default="SMS"),
}

KIND_TITLES = {
    "citizen": _("timeline_audience_citizen", default="To and from the citizen"),
    "internal": _("timeline_audience_internal", default="Internal"),
}


def action_label(action: str):
    """The translated label of a history action (the action id if unknown)."""
    return ACTION_LABELS.get(action, action)
