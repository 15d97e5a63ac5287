"""The answer to a form value Zope could not convert: 400, JSON or a page."""

from collective.servicedesk import _

# Importing these applies them (ZCML loads this module with the view).
from collective.servicedesk.limits import converters  # noqa: F401
from collective.servicedesk.limits import jwt  # noqa: F401
from collective.servicedesk.limits import methods
from html import escape
from zope.i18n import translate
import json

MESSAGE = _(
    "error_form_value",
    default="A value in the request has the wrong form (for example text "
    "where a number or a date is expected). Go back and check what you typed.",
)
TITLE = _("error_form_value_title", default="Check your input")
PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}</title></head>
<body><main><h1>{title}</h1><p>{message}</p>
<p><a href="javascript:history.back()">{back}</a></p></main></body></html>
"""


def wants_json(request) -> bool:
    """REST clients: JSON accepted, or a ``@service`` in the path."""
    accept = request.getHeader("Accept") or ""
    path = request.get("PATH_INFO", "") or ""
    return "application/json" in accept or "/@" in path and "/@@" not in path


class ConversionErrorView:
    """Registered as the ``index.html`` view of ``ConversionError``."""

    def __init__(self, context, request):
        self.context = context
        self.request = request
        self.__parent__ = None

    status = 400
    error_type = "BadRequest"
    message = MESSAGE

    def __call__(self) -> str:
        response = self.request.response
        response.setStatus(self.status)
        message = translate(self.message, context=self.request)
        if wants_json(self.request):
            response.setHeader("Content-Type", "application/json")
            return json.dumps({"error": {"type": self.error_type, "message": message}})
        response.setHeader("Content-Type", "text/html; charset=utf-8")
        return PAGE.format(
            title=escape(translate(TITLE, context=self.request)),
            message=escape(message),
            back=escape(
                translate(_("label_back", default="Back"), context=self.request)
            ),
        )


class MethodNotAllowedView(ConversionErrorView):
    """The ``index.html`` view of ``ServiceMethodNotAllowed``: 405 with Allow."""

    status = 405
    error_type = "MethodNotAllowed"
    message = methods.MESSAGE

    def __call__(self) -> str:
        self.request.response.setHeader(
            "Allow", ", ".join(sorted(self.context.allowed))
        )
        return super().__call__()
