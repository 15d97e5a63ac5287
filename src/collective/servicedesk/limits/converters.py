"""Zope's form converters (``:int``, ``:date``, …) answer 400, not 500.

ZPublisher converts ``name:int=x`` before traversal, so a bad value raises a
plain ``ValueError`` (or DateTime's errors) that no view of ours can catch:
the site answers 500. We wrap each converter once so its failure becomes
``ConversionError``, a ``BadRequest`` (400) that is still a ``ValueError`` for
code that catches those; an exception view answers it as JSON for the REST
API and as a short page for people.
"""

from zExceptions import BadRequest
from ZPublisher import Converters
from ZPublisher import HTTPResponse


class ConversionError(BadRequest, ValueError):
    """A form value Zope could not convert to the type its name asks for."""

    def __init__(self, field: str, type_name: str, detail: str = ""):
        super().__init__(f"{field}: expected {type_name}")
        self.field = field
        self.type_name = type_name
        self.detail = detail


def _wrap(type_name: str, converter):
    if getattr(converter, "servicedesk_wrapped", False):
        return converter

    def convert(value):
        try:
            return converter(value)
        except ConversionError:
            raise
        except Exception as error:
            raise ConversionError("", type_name, str(error)[:200]) from None

    convert.servicedesk_wrapped = True
    convert.binary = getattr(converter, "binary", False)
    convert.__name__ = getattr(converter, "__name__", type_name)
    return convert


def install() -> None:
    """Wrap every registered converter (idempotent).

    plone.transformchain sets the status from the exception's class name on
    failure, so that name must be a known status too.
    """
    HTTPResponse.status_codes.setdefault("conversionerror", 400)
    for type_name, converter in list(Converters.type_converters.items()):
        Converters.type_converters[type_name] = _wrap(type_name, converter)


install()
