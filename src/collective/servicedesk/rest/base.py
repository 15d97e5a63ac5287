"""Shared by our REST services: JSON errors with a message, status and field."""

from collective.servicedesk import limits
from collective.servicedesk.rest import body
from collective.servicedesk.rest import csrf
from collective.servicedesk.rest.errors import ServiceError
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.i18n import translate
from zope.interface import alsoProvides

__all__ = ["ServiceDeskService", "ServiceError"]


class ServiceDeskService(Service):
    """A service whose ``handle()`` may raise ``ServiceError``.

    Write services (``writes = True``) refuse, before any work: bodies over
    ``max_body`` (413, by Content-Length), requests a foreign page may have
    sent with the user's cookie (403, see ``csrf``) and bodies not in
    ``content_types`` (415). plone.protect's automatic check is then switched
    off, as our own check replaces it for these requests.
    """

    writes = False
    max_body = limits.MAX_JSON_BODY
    content_types: tuple[str, ...] = ("application/json",)
    # Top-level JSON fields without a length limit (e.g. a raw e-mail).
    free_fields: tuple[str, ...] = ()

    def reply(self):
        try:
            if self.writes:
                body.check_size(self.request, self.max_body)
                csrf.check_origin(self.request)
                csrf.check_media_type(self.request, self.content_types)
                alsoProvides(self.request, IDisableCSRFProtection)
            return self.handle()
        except ServiceError as error:
            return self.error(error)

    def handle(self):
        raise NotImplementedError

    def translate(self, message) -> str:
        return translate(message, context=self.request)

    def error(self, error: ServiceError) -> dict:
        self.request.response.setStatus(error.status)
        answer = {
            "type": ServiceError.TYPES.get(error.status, "Error"),
            "message": self.translate(error.message),
        }
        if error.field:
            answer["field"] = error.field
        for key, value in error.extra.items():
            answer[key] = value
        return {"error": answer}

    def json_body(self) -> dict:
        """The request body as a checked JSON object, or a 400/413 error."""
        return body.read_json(self.request, self.max_body, self.free_fields)
