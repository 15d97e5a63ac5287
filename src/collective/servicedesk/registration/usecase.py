"""The one registration use case: the form, the REST service and the quick bar call it.

``validate`` holds every rule (size limits, field conversion, required fields,
known categories, no due date in the past, a reason for overriding the
routing suggestion) and ``register`` creates, routes or closes the inquiry in
the desk's turn. The three paths only translate their own input into a dict
and the returned ``{field: message}`` into their own error display.
"""

from collections.abc import Callable
from collective.servicedesk import _
from collective.servicedesk.limits import text_error
from collective.servicedesk.registration import service
from collective.servicedesk.registration.schema import PERSONAL_FIELDS
from collective.servicedesk.registration.schema import form_fields
from collective.servicedesk.registration.turns import run_in_turn
from collective.servicedesk.registration.validators import DueDateInPast
from collective.servicedesk.registration.validators import check_due_date
from collective.servicedesk.registration.validators import is_known_category
from collective.servicedesk.registration.validators import unknown_category_message
from collective.servicedesk.settings import settings
from plone.restapi.interfaces import IFieldDeserializer
from zope.component import queryMultiAdapter
from zope.globalrequest import getRequest
from zope.i18nmessageid import Message
from zope.interface import Invalid
from zope.schema import ValidationError
from zope.schema.interfaces import ITextLine
from zope.schema.interfaces import RequiredMissing

DEFAULT_REQUIRED = ("channel", "title")
# z3c.form's token for "nothing chosen" in a select widget.
NO_VALUE = "--NOVALUE--"
OVERRIDE_REASON = _(
    "error_override_reason",
    default="You chose another unit or handler than suggested: write why.",
)
Errors = dict[str, Message | str]


def required_fields() -> tuple[str, ...]:
    """The fields the admin made required in the control panel."""
    value = settings().desk.required_fields
    return tuple(DEFAULT_REQUIRED if value is None else value)


def fields() -> dict:
    """The registration fields by name, in display order."""
    return {field.__name__: field for field in form_fields()}


def message_of(error: Exception) -> Message | str:
    """The translatable message of a validation error."""
    if isinstance(error, ValidationError):
        doc = error.doc()
        return doc if isinstance(doc, Message) else str(doc)
    if isinstance(error, Invalid) and error.args:
        return error.args[0]
    return str(error)


def _empty(value) -> bool:
    if isinstance(value, str):
        return not value.strip()
    return value is None or value == [] or value == () or value == set()


def _size_error(name: str, value) -> Message | None:
    """The limit error of a text (or of the first text in a list), before any work."""
    texts = value if isinstance(value, list | tuple) else [value]
    for text in texts:
        if isinstance(text, str):
            problem = text_error(name, text)
            if problem is not None:
                return problem
    return None


def convert(raw: dict, context, request=None) -> tuple[dict, Errors]:
    """Turn JSON-like values (REST body, quick-bar form) into field values.

    Unknown names are ignored; plone.restapi's field deserializers convert
    and validate (vocabularies, e-mail and phone constraints, dates).
    """
    request = request if request is not None else getRequest()
    values, errors = {}, {}
    for name, field in fields().items():
        if name not in raw:
            continue
        value = raw[name]
        problem = _size_error(name, value)
        if problem is not None:
            errors[name] = problem
            continue
        if value is None or value == "":
            values[name] = None
            continue
        bound = field.bind(context)
        deserializer = queryMultiAdapter((bound, context, request), IFieldDeserializer)
        try:
            values[name] = deserializer(value) if deserializer else value
            if deserializer is None:
                bound.validate(value)
        except (ValueError, ValidationError, Invalid, TypeError) as error:
            errors[name] = message_of(error)
    return values, errors


def _stripped(data: dict) -> dict:
    """Single-line texts without surrounding blanks (a pasted " Title ")."""
    by_name = fields()
    return {
        name: value.strip()
        if isinstance(value, str) and ITextLine.providedBy(by_name.get(name))
        else value
        for name, value in data.items()
    }


def validate(
    values: dict,
    context,
    request=None,
    *,
    close: bool = False,
    converted: bool = False,
    category_tokens: list | None = None,
) -> tuple[dict, Errors]:
    """Check registration input; return ``(clean data, {field: message})``.

    ``values`` are raw JSON-like values, or with ``converted=True`` values a
    z3c.form already converted (its widgets then also passed the size limits);
    ``category_tokens`` are the raw category tokens when they differ from
    ``values["category"]``. ``close`` means "register and close": no routing,
    so no reason for overriding it is needed.
    """
    if converted:
        clean, errors = dict(values), {}
    else:
        clean, errors = convert(values, context, request)
    clean = _stripped(clean)
    anonymous = bool(clean.get("anonymous"))
    for name in required_fields():
        if name in errors or (anonymous and name in PERSONAL_FIELDS):
            continue
        if _empty(clean.get(name)):
            errors[name] = message_of(RequiredMissing(name))
    tokens = [values.get("category")] if category_tokens is None else category_tokens
    for token in tokens:
        if not isinstance(token, str) or not token or token == NO_VALUE:
            continue
        if not is_known_category(token, context):
            # The clearer message replaces a vocabulary or "required" error.
            errors.pop("category", None)
            errors["category"] = unknown_category_message(token)
            break
    if "due_date" not in errors:
        try:
            check_due_date(clean.get("due_date"))
        except DueDateInPast as error:
            errors["due_date"] = message_of(error)
    if not close and not clean.get("override_reason"):
        suggestion = service.suggest(clean.get("category"))
        handler, unit = clean.get("responsible_handler"), clean.get("responsible_unit")
        if service.is_override(suggestion, handler, unit):
            errors["override_reason"] = OVERRIDE_REASON
    return clean, errors


def register(
    container,
    clean: dict,
    *,
    close: bool = False,
    answer: str | None = None,
    then: Callable | None = None,
):
    """Create the inquiry from validated data in the desk's turn; return it.

    Routed as the agent chose (with the reason in the history) or as the
    routing suggests; when routing finds nobody it stays unassigned in the
    desk's queue. ``close`` registers and closes it (solved on first contact,
    with ``answer`` or the data's answer); ``then(inquiry)`` runs in the same turn.
    """

    def work():
        if close:
            text = (clean.get("answer") or "") if answer is None else answer
            inquiry = service.register_and_close(container, clean, answer=text)
        else:
            inquiry = service.register(
                container,
                clean,
                handler=clean.get("responsible_handler"),
                unit=clean.get("responsible_unit"),
                reason=clean.get("override_reason") or "",
            )
        if then is not None:
            then(inquiry)
        return inquiry

    return run_in_turn(container, work)
