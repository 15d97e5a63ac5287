"""POST @servicedesk-ask: a citizen's question from another front end."""

from collective.servicedesk.citizen import spam
from collective.servicedesk.citizen.ask import UNAVAILABLE
from collective.servicedesk.citizen.ask import Invalid
from collective.servicedesk.citizen.ask import Refused
from collective.servicedesk.citizen.ask import submit
from collective.servicedesk.intake.inquiries import NoServiceDesk
from collective.servicedesk.rest.base import ServiceDeskService
from collective.servicedesk.rest.base import ServiceError
from plone import api

FIELDS = ("category", "question", "contact", "name", "email", "phone")


class Ask(ServiceDeskService):
    """Same checks as the web form; answers with the reference and code."""

    writes = True

    def handle(self) -> dict:
        body = self.json_body()
        form = {
            name: body.get(name) if isinstance(body.get(name), str) else ""
            for name in (*FIELDS, spam.TOKEN_FIELD, spam.HONEYPOT)
        }
        try:
            inquiry, code = submit(self.request, form)
        except Invalid as invalid:
            errors = [
                {"field": field, "message": self.translate(message)}
                for field, message in sorted(invalid.errors.items())
            ]
            raise ServiceError(
                400,
                invalid.errors[errors[0]["field"]],
                errors[0]["field"],
                errors=errors,
            ) from None
        except Refused as refused:
            raise ServiceError(
                refused.status, refused.message, reason=refused.reason
            ) from None
        except NoServiceDesk:
            raise ServiceError(503, UNAVAILABLE) from None
        self.request.response.setStatus(201)
        self.request.response.setHeader("Cache-Control", "no-store, private")
        portal_url = api.portal.get().absolute_url()
        return {
            "reference_number": getattr(inquiry, "reference_number", "") or "",
            "followup_code": code,
            # The code never goes into a URL (logs, history, referrers).
            "track_url": f"{portal_url}/@@track",
        }
