"""Shared by our REST services: JSON errors with a message, status and field."""

from collective.servicedesk import _
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.i18n import translate
from zope.interface import alsoProvides
import json


class ServiceError(Exception):
    """An error answered as JSON: ``{"error": {type, message, field}}``."""

    TYPES = {
        400: "BadRequest",
        401: "Unauthorized",
        403: "Forbidden",
        404: "NotFound",
        409: "Conflict",
        413: "PayloadTooLarge",
        415: "UnsupportedMediaType",
        429: "TooManyRequests",
        503: "ServiceUnavailable",
    }

    def __init__(self, status: int, message, field: str | None = None, **extra):
        super().__init__(str(message))
        self.status = status
        self.message = message
        self.field = field
        self.extra = extra


class ServiceDeskService(Service):
    """A service whose ``handle()`` may raise ``ServiceError``."""

    writes = False

    def reply(self):
        if self.writes:
            alsoProvides(self.request, IDisableCSRFProtection)
        try:
            return self.handle()
        except ServiceError as error:
            return self.error(error)

    def handle(self):
        raise NotImplementedError

    def translate(self, message) -> str:
        return translate(message, context=self.request)

    def error(self, error: ServiceError) -> dict:
        self.request.response.setStatus(error.status)
        body = {
            "type": ServiceError.TYPES.get(error.status, "Error"),
            "message": self.translate(error.message),
        }
        if error.field:
            body["field"] = error.field
        for key, value in error.extra.items():
            body[key] = value
        return {"error": body}

    def json_body(self) -> dict:
        """The request body as a JSON object, or a 400 error."""
        try:
            data = json.loads(self.request.get("BODY") or b"{}")
        except ValueError:
            data = None
        if not isinstance(data, dict):
            raise ServiceError(
                400,
                _("error_json_body", default="The request body must be a JSON object."),
            )
        return data
