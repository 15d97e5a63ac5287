"""Turn JSON values into schema values with plone.restapi's field deserializers."""

from collective.servicedesk.rest.base import ServiceError
from plone.restapi.interfaces import IFieldDeserializer
from zope.component import queryMultiAdapter
from zope.i18nmessageid import Message
from zope.interface import Invalid
from zope.schema import ValidationError


def error_message(error: Exception):
    """The translatable message of a validation error."""
    if isinstance(error, ValidationError):
        doc = error.doc()
        return doc if isinstance(doc, Message) else str(doc)
    if isinstance(error, Invalid) and error.args:
        return error.args[0]
    return str(error)


def deserialize(fields: dict, body: dict, context, request) -> tuple[dict, list]:
    """Return ``(values, errors)`` for the ``fields`` (name -> field) in ``body``."""
    values, errors = {}, []
    for name, field in fields.items():
        if name not in body:
            continue
        raw = body[name]
        if raw is None or raw == "":
            values[name] = None
            continue
        bound = field.bind(context)
        deserializer = queryMultiAdapter((bound, context, request), IFieldDeserializer)
        try:
            values[name] = deserializer(raw) if deserializer else raw
            if deserializer is None:
                bound.validate(raw)
        except (ValueError, ValidationError, Invalid, TypeError) as error:
            errors.append((name, error_message(error)))
    return values, errors


def raise_errors(errors: list, translate) -> None:
    """Raise one 400 naming the first field and listing all of them."""
    if errors:
        raise ServiceError(
            400,
            errors[0][1],
            errors[0][0],
            errors=[
                {"field": name, "message": translate(message)}
                for name, message in errors
            ],
        )
