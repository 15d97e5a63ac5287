"""GET @servicedesk-track: the state and public replies behind a follow-up code."""

from collective.servicedesk.citizen import spam
from collective.servicedesk.citizen.tracking import NOT_FOUND
from collective.servicedesk.citizen.tracking import inquiry_for_code
from collective.servicedesk.citizen.tracking import tracking_info
from collective.servicedesk.services.base import ServiceDeskService
from collective.servicedesk.services.base import ServiceError
from plone.restapi.serializer.converters import json_compatible

CODE_HEADER = "X-Followup-Code"


def code_from(request, body: dict | None = None) -> str:
    """The code from the header (preferred: kept out of logs), body or query."""
    code = request.getHeader(CODE_HEADER) or (body or {}).get("code")
    code = code or request.form.get("code", "")
    return code.strip() if isinstance(code, str) else ""


def inquiry_or_404(request, code: str):
    """Return the inquiry of ``code``; 429 when flooding, 404 when unknown."""
    request.response.setHeader("Cache-Control", "no-store, private")
    if not spam.lookup_allowed(request):
        raise ServiceError(429, spam.TOO_MANY)
    inquiry = inquiry_for_code(code)
    if inquiry is None:
        raise ServiceError(404, NOT_FOUND)
    return inquiry


class Track(ServiceDeskService):
    """What the citizen may see: state, public replies, own additions."""

    def handle(self) -> dict:
        inquiry = inquiry_or_404(self.request, code_from(self.request))
        info = tracking_info(inquiry)
        info["state_title"] = self.translate(info["state_title"])
        return json_compatible(info)
