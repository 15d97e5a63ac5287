"""Submit a citizen's question: spam checks, validation, inquiry, follow-up code."""

from collective.servicedesk import _
from collective.servicedesk.citizen import codes
from collective.servicedesk.citizen import spam
from collective.servicedesk.citizen.submission import check
from collective.servicedesk.citizen.submission import is_spam
from collective.servicedesk.intake.inquiries import create_inquiry
from zope.i18nmessageid import Message

REFUSALS = {
    "spam": _(
        "error_citizen_refused",
        default="Your question could not be sent. Please try again, or call us.",
    ),
    "too_fast": _(
        "error_citizen_too_fast",
        default="That was quick! Please check your question and send it again.",
    ),
    "expired": _(
        "error_citizen_expired",
        default="The form was open for a long time. Please send it again.",
    ),
    "duplicate": _(
        "error_citizen_duplicate",
        default="This question was sent already. Its reference number and "
        "follow-up code are on the receipt you got after sending it.",
    ),
    "rate_limited": _(
        "error_citizen_rate_limited",
        default="We have received many questions from your network. Please "
        "try again in an hour, or call us.",
    ),
}

UNAVAILABLE = _(
    "citizen_form_unavailable",
    default="The service desk does not take questions here yet.",
)


class Refused(Exception):
    """The submission was refused: spam, a bad time stamp or too many."""

    def __init__(self, reason: str, status: int) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status

    @property
    def message(self) -> Message:
        return REFUSALS.get(self.reason, REFUSALS["spam"])


class Invalid(Exception):
    """The form has errors (a translatable message per field)."""

    def __init__(self, errors: dict[str, Message]) -> None:
        super().__init__(", ".join(sorted(errors)))
        self.errors = errors


def submit(request, form: dict) -> tuple[object, str]:
    """Create an inquiry from a citizen's form; return ``(inquiry, code)``."""
    if is_spam(form):
        spam.submission_allowed(request)  # a bot's attempts count too
        raise Refused("spam", 400)
    problem = spam.check_token(form.get(spam.TOKEN_FIELD))
    if problem:
        spam.submission_allowed(request)
        reason = problem if problem in ("too_fast", "expired") else "spam"
        raise Refused(reason, 400)
    data, errors = check(form)
    if errors:
        raise Invalid(errors)
    if not spam.submission_allowed(request):
        raise Refused("rate_limited", 429)
    if spam.check_token(form.get(spam.TOKEN_FIELD), consume=True):
        raise Refused("duplicate", 409)  # the same form sent twice
    inquiry = create_inquiry("web", data)
    return inquiry, codes.issue(inquiry)
