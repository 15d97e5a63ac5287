"""The kinds of notices, their translatable subjects and bodies."""

from collective.servicedesk import _

# kind: (title for the preferences form, subject, body)
KINDS = {
    "assignment": (
        _("kind_assignment", default="An inquiry is assigned to me"),
        _(
            "notice_assignment_subject",
            default="[${reference}] Assigned to you: ${title}",
        ),
        _(
            "notice_assignment_body",
            default='${actor} assigned the inquiry ${reference} "${title}" to you.\n'
            "Due: ${due}\n\nOpen it: ${url}",
        ),
    ),
    "forwarding": (
        _("kind_forwarding", default="An inquiry is forwarded to me or my unit"),
        _("notice_forwarding_subject", default="[${reference}] Forwarded: ${title}"),
        _(
            "notice_forwarding_body",
            default='${actor} forwarded the inquiry ${reference} "${title}" to '
            "${target}.\nDue: ${due}\n\nOpen it: ${url}",
        ),
    ),
    "answered": (
        _("kind_answered", default="An answer is ready for the front desk"),
        _("notice_answered_subject", default="[${reference}] Answer ready: ${title}"),
        _(
            "notice_answered_body",
            default='${actor} answered the inquiry ${reference} "${title}". The '
            "answer is ready to be passed on to the citizen.\n\nOpen it: ${url}",
        ),
    ),
    "reminder": (
        _("kind_reminder", default="Reminder before a deadline"),
        _("notice_reminder_subject", default="[${reference}] Due soon: ${title}"),
        _(
            "notice_reminder_body",
            default='The inquiry ${reference} "${title}" is due ${due}.\n\n'
            "Open it: ${url}",
        ),
    ),
    "escalation": (
        _("kind_escalation", default="An inquiry of my unit is overdue"),
        _("notice_escalation_subject", default="[${reference}] Overdue: ${title}"),
        _(
            "notice_escalation_body",
            default='The inquiry ${reference} "${title}" passed its due date '
            "${due}. Responsible: ${responsible}.\n\nOpen it: ${url}",
        ),
    ),
    "digest": (
        _("kind_digest", default="Daily digest of my open inquiries"),
        _("notice_digest_subject", default="Your open inquiries on ${date}"),
        _(
            "notice_digest_body",
            default="Open inquiries assigned to you: ${count}\n\n${items}\n\n"
            "Your work list: ${url}",
        ),
    ),
    "message": (
        _("kind_message", default="A message from a colleague"),
        _("notice_message_subject", default="Message from ${actor}: ${subject}"),
        _(
            "notice_message_body",
            default="${actor} sent you a message:\n\n${text}\n\n"
            "Your message box: ${url}",
        ),
    ),
}

FOOTER = _(
    "notice_footer",
    default="This notice comes from ${site}. Choose which notices you get by "
    "e-mail: ${preferences_url}",
)
CONFIDENTIAL_TITLE = _("notice_confidential_title", default="(confidential)")
NO_DUE_DATE = _("notice_no_due_date", default="no due date")
