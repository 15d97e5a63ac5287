"""GET @servicedesk-track: the state and public replies behind a follow-up code."""

from collective.servicedesk import _
from collective.servicedesk.citizen import spam
from collective.servicedesk.citizen.tracking import NOT_FOUND
from collective.servicedesk.citizen.tracking import lookup
from collective.servicedesk.citizen.tracking import tracking_info
from collective.servicedesk.rest.base import ServiceDeskService
from collective.servicedesk.rest.base import ServiceError
from plone.restapi.serializer.converters import json_compatible

CODE_HEADER = "X-Followup-Code"


CODE_IN_URL = _(
    "error_code_in_url",
    default="Send the follow-up code in the X-Followup-Code header, never in "
    "the address.",
)


def code_from(request, body: dict | None = None) -> str:
    """The code from the header or a JSON body; never from the URL (logs)."""
    if "code" in request.form:
        raise ServiceError(400, CODE_IN_URL, field="code")
    code = request.getHeader(CODE_HEADER) or (body or {}).get("code")
    return code.strip() if isinstance(code, str) else ""


def inquiry_or_404(request, code: str):
    """Return the inquiry of ``code``; 429 when flooding, 404 when unknown."""
    request.response.setHeader("Cache-Control", "no-store, private")
    inquiry, status = lookup(request, code)
    if inquiry is None:
        raise ServiceError(status, spam.TOO_MANY if status == 429 else NOT_FOUND)
    return inquiry


class Track(ServiceDeskService):
    """What the citizen may see: state, public replies, own additions."""

    def handle(self) -> dict:
        inquiry = inquiry_or_404(self.request, code_from(self.request))
        info = tracking_info(inquiry)
        info["state_title"] = self.translate(info["state_title"])
        return json_compatible(info)
